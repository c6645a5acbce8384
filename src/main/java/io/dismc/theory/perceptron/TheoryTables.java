package io.dismc.theory.perceptron;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The perceptron theory lines as tables over parameter lists, in the row order of nested loops with
 * the first list outermost, for the CLI's "theory" commands (docs/models.md, section perceptron theory):
 * <ul>
 *   <li>perceptron-capacity --kappa LIST [--weights spherical|binary]: kappa, weights, alpha_c;</li>
 *   <li>geodesic --alpha LIST --kappa LIST: alpha, kappa, q, midpoint_energy, simplex_energy, kappa_convex, kappa_star;</li>
 *   <li>local-energy --alpha LIST --kappa LIST --distance LIST: alpha, kappa, distance, delta_e (binary
 *       typical references of margin kappa).</li>
 * </ul>
 * Undefined entries are NaN.
 */
public final class TheoryTables {
    private TheoryTables() {}

    /** Weight space of the perceptron. */
    public enum Weights {
        SPHERICAL, BINARY;

        /** "spherical" or "binary" (case-insensitive). */
        public static Weights parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "spherical" -> SPHERICAL;
                case "binary" -> BINARY;
                default -> throw new IllegalArgumentException("--weights: expected spherical or binary, got '" + s + "'");
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record CapacityRow(double kappa, String weights, double alphaC) {
        public static final List<String> COLUMNS = List.of("kappa", "weights", "alpha_c");
    }

    public record GeodesicRow(double alpha, double kappa, double q, double midpointEnergy, double simplexEnergy,
                              double kappaConvex, double kappaStar) {
        public static final List<String> COLUMNS = List.of("alpha", "kappa", "q", "midpoint_energy", "simplex_energy",
                "kappa_convex", "kappa_star");
    }

    public record LocalEnergyRow(double alpha, double kappa, double distance, double deltaE) {
        public static final List<String> COLUMNS = List.of("alpha", "kappa", "distance", "delta_e");
    }

    /** RS capacity alpha_c(kappa): Gardner (spherical) or Gardner-Derrida entropy zero (binary). */
    public static List<CapacityRow> capacity(double[] kappas, Weights weights) {
        requireNonEmpty(kappas, "kappa");
        List<CapacityRow> rows = new ArrayList<>();
        for (double k : kappas) {
            double ac = weights == Weights.SPHERICAL ? SphericalGardner.capacity(k) : BinaryGardnerDerrida.capacity(k);
            rows.add(new CapacityRow(k, weights.label(), ac));
        }
        return rows;
    }

    public static List<GeodesicRow> geodesic(double[] alphas, double[] kappas) {
        requireNonEmpty(alphas, "alpha");
        requireNonEmpty(kappas, "kappa");
        List<GeodesicRow> rows = new ArrayList<>();
        for (double a : alphas) {
            for (double k : kappas) {
                NegativePerceptronGeometry g = NegativePerceptronGeometry.at(a, k);
                rows.add(new GeodesicRow(a, k, g.q(), g.midpointEnergy(), g.simplexEnergy(), g.kappaConvex(), g.kappaStar()));
            }
        }
        return rows;
    }

    public static List<LocalEnergyRow> localEnergy(double[] alphas, double[] kappas, double[] distances) {
        requireNonEmpty(alphas, "alpha");
        requireNonEmpty(kappas, "kappa");
        requireNonEmpty(distances, "distance");
        List<LocalEnergyRow> rows = new ArrayList<>();
        for (double a : alphas) {
            for (double k : kappas) {
                double q = BinaryGardnerDerrida.typicalOverlap(a, k); // once per reference system
                for (double d : distances) {
                    rows.add(new LocalEnergyRow(a, k, d, Double.isNaN(q) ? Double.NaN : LocalEnergyTheory.atOverlap(q, k, d)));
                }
            }
        }
        return rows;
    }

    private static void requireNonEmpty(double[] xs, String name) {
        if (xs == null || xs.length == 0) {
            throw new IllegalArgumentException("--" + name + ": empty list");
        }
    }
}
