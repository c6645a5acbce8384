package io.dismc.amp;

/** Argument checks whose messages name the parameter and its allowed range (the CLI shows them as they are). */
final class Checks {
    private Checks() {}

    static double fraction(String name, double x) {
        if (!(x > 0 && x <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + x);
        }
        return x;
    }

    static double positive(String name, double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + x);
        }
        return x;
    }

    static double nonNegative(String name, double x) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + x);
        }
        return x;
    }

    static double finite(String name, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be finite, got " + x);
        }
        return x;
    }

    static double damping(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
        }
        return beta;
    }

    static int atLeast(String name, int x, int min) {
        if (x < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + x);
        }
        return x;
    }
}
