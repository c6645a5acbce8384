package io.dismc.perceptron;

/**
 * Parameters of single-flip Monte Carlo of a binary perceptron from a solution ({@link ZeroEnergyMonteCarlo}).
 *
 * @param kappa  margin of the constraints
 * @param beta   inverse temperature of the energy E = number of violated constraints; +infinity is MC at
 *               zero temperature: a flip is accepted iff it does not raise E (from a solution: iff it keeps
 *               every constraint), which samples the uniform measure on the solutions connected to the
 *               start by single flips
 * @param sweeps sweeps (N attempted flips each, sites in the engine's per-sweep random permutation)
 * @param thin   sweeps between recorded samples (samples after sweeps thin, 2 thin, ..., up to sweeps)
 */
public record FlipMcSpec(double kappa, double beta, int sweeps, int thin) {
    public FlipMcSpec {
        if (!Double.isFinite(kappa) || !(beta > 0)) {
            throw new IllegalArgumentException("flip MC needs a finite kappa and beta > 0 (or +infinity), got " + kappa + ", " + beta);
        }
        if (sweeps < 0 || thin < 1) {
            throw new IllegalArgumentException("flip MC needs sweeps >= 0 and thin >= 1");
        }
    }

    public static FlipMcSpec zeroEnergy(double kappa, int sweeps, int thin) {
        return new FlipMcSpec(kappa, Double.POSITIVE_INFINITY, sweeps, thin);
    }

    public boolean zeroTemperature() {
        return beta == Double.POSITIVE_INFINITY;
    }
}
