package io.dismc.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Viridis, the perceptually uniform colour map of matplotlib (van der Walt and Smith), as its
 * eleven tabulated colours at t = 0, 0.1, ..., 1 (viridisLite) interpolated linearly in RGB. Series
 * ordered by a parameter take colours evenly spaced along [0, 0.85], dark to light, so the order
 * reads in grayscale too; the pale yellow end is left out because it vanishes on white.
 */
public final class Palette {
    private static final int[] VIRIDIS = {0x440154, 0x482576, 0x414487, 0x35608D, 0x2A788E, 0x21908C, 0x22A884,
            0x43BF71, 0x7AD151, 0xBBDF27, 0xFDE725};
    static final double SERIES_END = 0.85;
    /** The colour of a lone series (no parameter to order by). */
    static final double SINGLE = 0.3;

    private Palette() {}

    /** Viridis at t in [0, 1]. */
    public static Color viridis(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("colour map position is NaN");
        }
        double s = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) Math.floor(s), VIRIDIS.length - 2);
        double f = s - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /** n colours for n ordered levels, dark to light. */
    public static List<Color> ordered(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one colour, got " + n);
        }
        List<Color> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(viridis(n == 1 ? SINGLE : SERIES_END * i / (n - 1)));
        }
        return out;
    }

    /** Relative luminance (sRGB, Rec. 709 weights, 0 to 1): picks black or white text on a colour. */
    public static double luminance(Color c) {
        return (0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue()));
    }

    private static double lin(int v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
