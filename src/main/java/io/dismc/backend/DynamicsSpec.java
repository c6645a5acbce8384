package io.dismc.backend;

/**
 * What to run: temperature, update rule, sweep budget, and whether a T = 0 run stops at the first
 * sweep without a flip (a fixed point). Benchmarks turn the stop off to time a fixed number of sweeps.
 */
public record DynamicsSpec(double temperature, UpdateRule rule, int maxSweeps, boolean stopAtFixedPoint) {
    public DynamicsSpec {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
        }
        if (maxSweeps < 1) {
            throw new IllegalArgumentException("maxSweeps must be >= 1, got " + maxSweeps);
        }
    }

    public static DynamicsSpec zeroTemperature(int maxSweeps) {
        return new DynamicsSpec(0, UpdateRule.GLAUBER, maxSweeps, true);
    }

    public boolean isZeroTemperature() {
        return temperature == 0;
    }

    public double beta() {
        return 1.0 / temperature;
    }
}
