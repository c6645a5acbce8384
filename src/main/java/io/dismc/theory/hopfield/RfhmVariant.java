package io.dismc.theory.hopfield;

import java.util.Locale;

/**
 * Which T = 0 learning equations to solve (docs/models.md, section RFHM theory). The authors' factor code
 * (Negri et al. 2023, repository ArtLabBocconi/random_feature_hopfield, saddle_point/factor) updates
 * dpdh = k1s (k1s pd + kss) / (1 - k1s dp - kss dq) without the square that the replica-symmetric theory
 * needs: the beta -&gt; infinity limit of their own finite-T equations, the stationarity of their T = 0 free
 * energy, their storage code and Kalaj et al.'s mixture code all have it squared.
 */
public enum RfhmVariant {
    /** The consistent RS equations: dpdh with den1^2 (alpha_L(0.01) = 0.09786). The default. */
    CONSISTENT(2),
    /** The authors' code as written: dpdh with den1^1 (alpha_L(0.01) = 0.09291, their published line). */
    PUBLISHED(1);

    private final int exponent;

    RfhmVariant(int exponent) {
        this.exponent = exponent;
    }

    /** The power e of den1 = 1 - k1s dp - kss dq in the dpdh equation. */
    public int exponent() {
        return exponent;
    }

    /** Lower-case name as the command line writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "consistent" or "published" (case-insensitive). */
    public static RfhmVariant parse(String text) {
        for (RfhmVariant v : values()) {
            if (v.label().equalsIgnoreCase(text.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("variant must be consistent or published, got '" + text + "'");
    }
}
