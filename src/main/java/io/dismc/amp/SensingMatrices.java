package io.dismc.amp;

/**
 * The B sensing matrices of a batch (one F_b per instance, M x N, entries N(0, 1/N)) as AMP uses them:
 * products with F_b and its transpose, or with the entrywise square F_b o F_b (the exact-variance
 * version). Vectors are one array per instance; instances with active[b] false are skipped (their
 * outputs are left as they were). Every implementation must give each entry of a product by one fixed
 * summation order, so that results do not depend on threads or batching; the CPU ones here agree bit
 * for bit (docs/models.md, section AMP / matrices). A GPU backend plugs in behind this interface.
 */
public interface SensingMatrices {
    int batch();

    /** M. */
    int rows();

    /** N. */
    int columns();

    /** out[b] = F_b x[b] (length M), or (F_b o F_b) x[b] when squared. */
    void multiply(double[][] x, double[][] out, boolean[] active, boolean squared);

    /** out[b] = F_b^T y[b] (length N), or (F_b o F_b)^T y[b] when squared. */
    void multiplyTransposed(double[][] y, double[][] out, boolean[] active, boolean squared);
}
