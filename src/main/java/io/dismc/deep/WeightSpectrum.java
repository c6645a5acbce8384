package io.dismc.deep;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Singular values of a weight matrix W (K x M) normalized by the square root of its fan-in,
 * s_i = sigma_i(W) / sqrt(M), the scale on which an i.i.d. N(0, sigma^2) start fills the
 * {@link MarchenkoPastur} bulk sigma [|sqrt(K/M) - 1|, sqrt(K/M) + 1]; outliers are the s above the
 * upper edge (the spikes that feature learning grows, Lauditi, Pehlevan and Bordelon 2025).
 */
public final class WeightSpectrum {
    private WeightSpectrum() {}

    /** All min(K, M) normalized singular values, descending, from the eigenvalues of the smaller Gram matrix. */
    public static double[] singularValues(double[] w, int rows, int cols) {
        if (w.length < (long) rows * cols || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("weight matrix " + rows + " x " + cols + " with " + w.length + " values");
        }
        boolean wide = rows <= cols;
        int n = Math.min(rows, cols);
        double[] g = gram(w, rows, cols, wide);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(g, i * n, m[i], 0, n);
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(m, false)).getRealEigenvalues();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.sqrt(Math.max(0, ev[i]) / cols);
        }
        java.util.Arrays.sort(s);
        for (int i = 0; i < n / 2; i++) {
            double t = s[i];
            s[i] = s[n - 1 - i];
            s[n - 1 - i] = t;
        }
        return s;
    }

    /** W W^T (rows x rows) when wide, else W^T W (cols x cols), by the fixed-order product. */
    private static double[] gram(double[] w, int rows, int cols, boolean wide) {
        double[] a = java.util.Arrays.copyOf(w, rows * cols);
        if (wide) {
            return Products.timesTransposed(a, rows, cols, a, Products.transpose(a, rows, cols), rows);
        }
        double[] t = Products.transpose(a, rows, cols);
        return Products.timesTransposed(t, cols, rows, t, a, cols);
    }

    /** Summary of one layer's spectrum against its initial bulk. */
    public record Layer(int layer, int rows, int cols, double[] top, MarchenkoPastur.Edges bulk, int outliers) {
        /** Top singular value over the bulk's upper edge: 1 at the random start, above 1 once a spike escapes. */
        public double escape() {
            return top[0] / bulk.upper();
        }
    }

    /**
     * Layer l's top k normalized singular values, the initial bulk's edges (variance sigma^2) and how many
     * singular values lie above upper edge x (1 + slack) (slack absorbs the finite-size edge fluctuation).
     */
    public static Layer of(DeepNetwork net, double[] w, int layer, int k, double slack) {
        int rows = net.rows(layer);
        int cols = net.cols(layer);
        double[] s = singularValues(net.layer(w, layer), rows, cols);
        MarchenkoPastur.Edges bulk = MarchenkoPastur.edges((double) rows / cols, net.sigma() * net.sigma());
        int out = 0;
        while (out < s.length && s[out] > bulk.upper() * (1 + slack)) {
            out++;
        }
        return new Layer(layer, rows, cols, java.util.Arrays.copyOf(s, Math.min(k, s.length)), bulk, out);
    }
}
