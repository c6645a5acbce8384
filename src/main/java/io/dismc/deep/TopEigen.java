package io.dismc.deep;

/**
 * The largest eigenvalue of a symmetric operator as estimated by {@link Sharpness}, its unit
 * eigenvector, the number of operator products used, and the residual |A u - lambda u| (the error
 * bound: an exact eigenvalue lies within residual of lambda).
 */
public record TopEigen(double value, double[] vector, int products, double residual) {}
