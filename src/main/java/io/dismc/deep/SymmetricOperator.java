package io.dismc.deep;

/** A symmetric linear map on R^dimension, known only through its products (Hessian, Gauss-Newton, Gram). */
public interface SymmetricOperator {
    int dimension();

    /** out = A v (out is overwritten, v is left alone). */
    void apply(double[] v, double[] out);
}
