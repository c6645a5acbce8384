package io.dismc.deep;

/**
 * How a depth-L network's readout and learning rate scale with the hidden width N (docs/models.md,
 * section deep networks and spectra). Every weight is drawn N(0, sigma^2) in both parameterizations
 * and enters through a fixed multiplier: 1/sqrt(D) on the first layer, 1/sqrt(N) on the hidden layers,
 * and on the readout
 * <ul>
 * <li>MUP (mean-field / maximal update): 1/(gamma N), learning-rate factor kappa = gamma^2 N D;</li>
 * <li>NTK: 1/(gamma sqrt(N0 N)), learning-rate factor kappa = gamma^2 N0 D,</li>
 * </ul>
 * with N0 the base width at which the two coincide. GD moves every weight by eta kappa dL/dw: one
 * learning rate for all layers, which in this multiplier form is muP (Yang and Hu 2021, Tensor Programs
 * IV: the abc-parameterization shifted by a = 1/2, b = -1/2, c = -1; Bordelon and Pehlevan 2022,
 * self-consistent DMFT, where f = w . phi / (gamma0 N) and eta = eta0 gamma0^2 N). The factor D (the
 * input dimension) makes one step O(1) when D, N and P grow together: each example adds 1/D to the
 * kernel's eigenvalues on the data directions (the proportional limit of Bordelon and Pehlevan 2025).
 * gamma is the output scale: it divides the output and its square multiplies the learning rate, so
 * the function moves at the same rate for every gamma while the features move by O(gamma) (the
 * feature-learning strength gamma0). NTK at width N is MUP with gamma sqrt(N0 / N): lazier as it widens.
 * In MUP the scaled kernel eta kappa J J^T, the feature updates and hence eta* have a width-independent
 * limit; in NTK the kernel has a limit too but the features freeze as N grows, so eta* drifts.
 */
public enum DeepParameterization {
    NTK, MUP;

    /** The readout multiplier on W^L phi(h^(L-1)). */
    public double readoutMultiplier(int width, int baseWidth, double gamma) {
        return this == MUP ? 1 / (gamma * width) : 1 / (gamma * Math.sqrt((double) baseWidth * width));
    }

    /** kappa: every weight moves by eta kappa dL/dw per GD step. */
    public double learningRateFactor(int width, int baseWidth, double gamma, int inputDim) {
        return gamma * gamma * (this == MUP ? width : baseWidth) * (double) inputDim;
    }

    public static DeepParameterization parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "ntk" -> NTK;
            case "mup", "mean-field", "mf" -> MUP;
            default -> throw new IllegalArgumentException("parameterization '" + name + "' (accepted: ntk, mup)");
        };
    }
}
