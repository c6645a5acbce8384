package io.dismc.theory.hopfield;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spinodals of symmetric n-mixtures of features in the dense RFHM, alpha_n(alpha_D) (Kalaj, Lauditi,
 * Perugini, Lucibello, Malatesta, Negri 2024, arXiv 2407.05658; code matteo5c/generalization-RFHM,
 * saddle_point_equations_RF_mixtures.jl; docs/models.md, section RFHM theory). The spin aligns with
 * sum_{k&lt;=n} f^k; the equations are the learning ones with the square (e = 2, as that code has it) and
 * m = (1/n) E_zeta[zeta erf(mh zeta / sqrt(2 alpha qh))], dq = E_zeta[2 phi(mh zeta / a)] / a,
 * pd = n m^2/alpha_D + (1 + alpha_T dq^2 dpdh)/den2^2, m the per-feature overlap. An n-mixture is an
 * attractor for alpha &gt; alpha_n(alpha_D), the fold of its branch; n = 1 is the learning line. Unseen
 * examples that mix n features become attractors beyond alpha_n (the generalization mechanism of the paper).
 */
public final class MixtureSpinodals {
    /** The mixtures the rfhm-unseen table reports: 1 (a single feature, the learning line), 3, 5, 7. */
    public static final List<Integer> REPORTED = List.of(1, 3, 5, 7);
    private static final Map<Integer, RfhmLearningTheory> SOLVERS = new ConcurrentHashMap<>();

    private MixtureSpinodals() {}

    /** One row of the table of {@code dismc theory rfhm-unseen}: alpha_mixture is NaN where there is no spinodal. */
    public record MixtureSpinodal(double alphaD, int n, double alphaMixture) {}

    /** The state at the spinodal of the n-mixture; empty where the n-mixture branch does not exist. */
    public static Optional<RfhmLearningState> spinodal(int n, double alphaD) {
        return solver(n).fold(alphaD);
    }

    /** alpha_n(alpha_D), NaN where the n-mixture is never an attractor at this alpha_D. */
    public static double load(int n, double alphaD) {
        return spinodal(n, alphaD).map(RfhmLearningState::alpha).orElse(Double.NaN);
    }

    /** The n-mixture state on its stable branch at (alpha, alpha_D); empty below alpha_n. */
    public static Optional<RfhmLearningState> state(int n, double alpha, double alphaD) {
        return solver(n).state(alpha, alphaD);
    }

    /** Rows (alpha_D, n, alpha_n) for every alpha_D and n in {@link #REPORTED}, n varying fastest. */
    public static List<MixtureSpinodal> table(List<Double> alphaDs) {
        List<MixtureSpinodal> rows = new ArrayList<>();
        for (double aD : alphaDs) {
            for (int n : REPORTED) {
                rows.add(new MixtureSpinodal(aD, n, load(n, aD)));
            }
        }
        return rows;
    }

    private static RfhmLearningTheory solver(int n) {
        new MixtureField(n); // validates n before it becomes a key
        return SOLVERS.computeIfAbsent(n, k -> new RfhmLearningTheory(RfhmVariant.CONSISTENT, k));
    }
}
