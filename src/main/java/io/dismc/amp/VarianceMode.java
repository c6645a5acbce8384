package io.dismc.amp;

/**
 * How GAMP forms V_mu and Sigma_i (docs/models.md 4.3): UNIFORM, V = mean_i v_i and
 * Sigma = 1/(alpha mean_mu(-dg_mu)), two products per iteration and the right choice for i.i.d. Gaussian F;
 * EXACT, V_mu = sum_i F_{mu i}^2 v_i and Sigma_i = 1/sum_mu F_{mu i}^2 (-dg_mu), four products, for structured
 * matrices.
 */
public enum VarianceMode {
    UNIFORM, EXACT
}
