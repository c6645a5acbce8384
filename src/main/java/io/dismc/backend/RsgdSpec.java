package io.dismc.backend;

/**
 * Parameters of replicated SGD for the binary perceptron on the robust ensemble with the centre traced
 * out (docs/models.md 2.2.2; Baldassi et al., PNAS 113, E7655 (2016), eq. (C7), as implemented in the
 * authors' BinaryCommitteeMachineRSGD.jl with K = 1).
 *
 * @param replicas     y, the number of coupled replicas (y = 1: no coupling)
 * @param eta          learning rate of the energy step (added to the hidden fields per violated pattern)
 * @param lambda       strength of the interaction kick towards the centre
 * @param gamma0       initial coupling gamma of the robust ensemble
 * @param gammaStep    additive increase of gamma after every epoch
 * @param batch        minibatch size
 * @param maxEpochs    epochs before giving up
 * @param kappa        target margin: a pattern counts as violated when Delta^mu &lt; kappa
 * @param etaFactor    eta is multiplied by this after every epoch (1 in the authors' defaults)
 * @param lambdaFactor lambda is multiplied by this after every epoch (1 in the authors' defaults)
 */
public record RsgdSpec(int replicas, double eta, double lambda, double gamma0, double gammaStep, int batch, int maxEpochs,
                       double kappa, double etaFactor, double lambdaFactor) {
    /** Beyond this gamma the authors' code replaces tanh(gamma y Hc) by sign(Hc). */
    public static final double SIGN_GAMMA = 5;

    public RsgdSpec {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicated SGD needs at least 1 replica, got " + replicas);
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and > 0, got " + eta);
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda) || !(gamma0 >= 0) || !Double.isFinite(gamma0)
                || !Double.isFinite(gammaStep) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("lambda, gamma0 must be finite and >= 0, gammaStep and kappa finite");
        }
        if (batch < 1 || maxEpochs < 0) {
            throw new IllegalArgumentException("batch must be >= 1 and maxEpochs >= 0");
        }
        if (!(etaFactor > 0) || !(lambdaFactor > 0) || !Double.isFinite(etaFactor) || !Double.isFinite(lambdaFactor)) {
            throw new IllegalArgumentException("eta and lambda factors must be finite and > 0");
        }
    }

    /**
     * The authors' "good parameter configuration" (docstring of BinaryCommitteeMachineRSGD.jl):
     * y = 7, eta = 2, lambda = 0.75, gamma0 = 0.05, gammaStep = 0.001, batch = 80, factors 1.
     */
    public static RsgdSpec authors(double kappa, int maxEpochs) {
        return new RsgdSpec(7, 2.0, 0.75, 0.05, 0.001, 80, maxEpochs, kappa, 1.0, 1.0);
    }

    public RsgdSpec withReplicas(int y) {
        return new RsgdSpec(y, eta, lambda, gamma0, gammaStep, batch, maxEpochs, kappa, etaFactor, lambdaFactor);
    }

    public RsgdSpec withKappa(double k) {
        return new RsgdSpec(replicas, eta, lambda, gamma0, gammaStep, batch, maxEpochs, k, etaFactor, lambdaFactor);
    }

    /** gamma in epoch e (from 0). */
    public double gamma(int epoch) {
        return gamma0 + gammaStep * epoch;
    }

    /**
     * The kick's target in epoch e: out[s + y] = tanh(gamma s) for s = sum_b W_i^b in -y..y (sign(s) once
     * gamma &gt;= {@link #SIGN_GAMMA}). Both backends take it from here (the CUDA one uploads it), so the
     * hidden fields do not depend on a device math library's tanh.
     */
    public void couplingTable(int epoch, double[] out) {
        double gamma = gamma(epoch);
        for (int s = -replicas; s <= replicas; s++) {
            out[s + replicas] = gamma >= SIGN_GAMMA ? Math.signum(s) : Math.tanh(gamma * s);
        }
    }
}
