package io.dismc.deep;

import io.dismc.twolayer.Activation;

/**
 * The squared loss L(w) = (1/(2P)) sum_{mu, c} (y_c^mu - f_c(x^mu))^2 of a {@link DeepNetwork} at one
 * weight vector: its value, gradient (backpropagation), and the exact curvature products of the
 * Hessian H v and of the Gauss-Newton matrix G v = J^T J v / P (J = df/dw), both by forward-over-
 * backward differentiation (Pearlmutter's R-operator: the directional derivative R{.} = d/dt (.)(w + t v)
 * carried through the forward pass and then through the backward pass). All products go through
 * {@link Products} (fixed summation order), so every result is reproducible bit for bit.
 * The forward pass, the backpropagated errors and the transposes are computed once and reused by
 * every product (an eigenvalue solver calls them dozens of times at the same w).
 */
public final class LossSurface {
    private final DeepNetwork net;
    private final double[] w;
    private final DeepDataset data;
    private final int p;
    private final int depth;
    /** z[l] = pre-activations of layer l (l = 1 .. L; z[L] = f), a[l] = phi(z[l]) (a[0] = x^T, D x P). */
    private final double[][] z;
    private final double[][] a;
    private final double[][] aT;
    private final double[][] dphi;
    private double[][] ddphi;
    private final double[] residual;
    private final double loss;
    /** W^l and its transpose, the multipliers. */
    private final double[][] layer;
    private final double[][] layerT;
    private final double[] m;
    /** delta[l] = dL/dz[l]; back[l] = m_l W_l^T delta[l] (dL/da[l-1], before phi'). */
    private double[][] delta;
    private double[][] back;
    private double[] gradient;

    private LossSurface(DeepNetwork net, double[] w, DeepDataset data) {
        if (w.length != net.parameterCount()) {
            throw new IllegalArgumentException("weights: " + w.length + " values for " + net.parameterCount() + " parameters");
        }
        if (data.inputDim() != net.inputDim() || data.outputs() != net.outputs()) {
            throw new IllegalArgumentException("dataset D = " + data.inputDim() + ", C = " + data.outputs() + " for a network with D = "
                    + net.inputDim() + ", C = " + net.outputs());
        }
        this.net = net;
        this.w = w;
        this.data = data;
        this.p = data.examples();
        this.depth = net.depth();
        z = new double[depth + 1][];
        a = new double[depth][];
        aT = new double[depth][];
        dphi = new double[depth][];
        layer = new double[depth + 1][];
        layerT = new double[depth + 1][];
        m = new double[depth + 1];
        Activation g = net.activation();
        a[0] = data.xt();
        aT[0] = data.x();
        for (int l = 1; l <= depth; l++) {
            int rows = net.rows(l);
            int cols = net.cols(l);
            layer[l] = net.layer(w, l);
            m[l] = net.multiplier(l);
            z[l] = Products.times(layer[l], rows, cols, a[l - 1], p);
            Products.scale(z[l], m[l]);
            if (l < depth) {
                double[] al = new double[z[l].length];
                double[] dl = new double[z[l].length];
                for (int e = 0; e < al.length; e++) {
                    al[e] = g.g(z[l][e]);
                    dl[e] = g.derivative(z[l][e]);
                }
                a[l] = al;
                dphi[l] = dl;
                aT[l] = Products.transpose(al, rows, p);
            }
        }
        double[] y = data.y();
        double[] f = z[depth];
        residual = new double[f.length];
        double s = 0;
        for (int e = 0; e < f.length; e++) {
            double r = f[e] - y[e];
            residual[e] = r;
            s += r * r;
        }
        loss = s / (2.0 * p);
    }

    public static LossSurface at(DeepNetwork net, double[] w, DeepDataset data) {
        return new LossSurface(net, w, data);
    }

    /** Training loss of w on the data (a forward pass only). */
    public static double loss(DeepNetwork net, double[] w, DeepDataset data) {
        return new LossSurface(net, w, data).loss();
    }

    public double loss() {
        return loss;
    }

    /** The outputs f (C x P, row c over examples), not a copy. */
    public double[] outputs() {
        return z[depth];
    }

    public int dimension() {
        return w.length;
    }

    /** dL/dw (a fresh array). */
    public double[] gradient() {
        if (gradient == null) {
            delta = new double[depth + 1][];
            back = new double[depth + 1][];
            double[] err = residual.clone();
            Products.scale(err, 1.0 / p);
            gradient = backpropagate(err, delta, back);
        }
        return gradient.clone();
    }

    /** J^T e for an output-space vector e (C x P): the backward pass with output error e. */
    private double[] backpropagate(double[] err, double[][] deltas, double[][] backs) {
        double[] grad = new double[w.length];
        double[] d = err;
        for (int l = depth; l >= 1; l--) {
            int rows = net.rows(l);
            int cols = net.cols(l);
            if (deltas != null) {
                deltas[l] = d;
            }
            double[] gl = Products.timesTransposed(d, rows, p, a[l - 1], aT[l - 1], cols);
            int o = net.offset(l);
            for (int e = 0; e < gl.length; e++) {
                grad[o + e] = m[l] * gl[e];
            }
            if (l > 1) {
                double[] b = Products.times(transposed(l), cols, rows, d, p);
                Products.scale(b, m[l]);
                if (backs != null) {
                    backs[l] = b;
                }
                double[] next = new double[b.length];
                double[] dl = dphi[l - 1];
                for (int e = 0; e < b.length; e++) {
                    next[e] = dl[e] * b[e];
                }
                d = next;
            }
        }
        return grad;
    }

    private double[] transposed(int l) {
        if (layerT[l] == null) {
            layerT[l] = Products.transpose(layer[l], net.rows(l), net.cols(l));
        }
        return layerT[l];
    }

    /** The tangent forward pass R{z[l]} along v (index 1 .. L) and R{a[l]} (index 1 .. L-1). */
    private double[][][] tangent(double[] v) {
        if (v.length != w.length) {
            throw new IllegalArgumentException("direction: " + v.length + " values for " + w.length + " parameters");
        }
        double[][] rz = new double[depth + 1][];
        double[][] ra = new double[depth][];
        for (int l = 1; l <= depth; l++) {
            int rows = net.rows(l);
            int cols = net.cols(l);
            double[] vl = net.layer(v, l);
            double[] t = Products.times(vl, rows, cols, a[l - 1], p);
            if (l > 1) {
                double[] u = Products.times(layer[l], rows, cols, ra[l - 1], p);
                for (int e = 0; e < t.length; e++) {
                    t[e] += u[e];
                }
            }
            Products.scale(t, m[l]);
            rz[l] = t;
            if (l < depth) {
                double[] r = new double[t.length];
                for (int e = 0; e < t.length; e++) {
                    r[e] = dphi[l][e] * t[e];
                }
                ra[l] = r;
            }
        }
        return new double[][][] {rz, ra};
    }

    /** J v (C x P): how the outputs move along v. */
    public double[] jacobianVector(double[] v) {
        return tangent(v)[0][depth];
    }

    /** out = G v with G = J^T J / P, the Gauss-Newton part of the Hessian (its nonzero spectrum is the NTK Gram's / P). */
    public void gaussNewtonVector(double[] v, double[] out) {
        double[] jv = jacobianVector(v);
        Products.scale(jv, 1.0 / p);
        System.arraycopy(backpropagate(jv, null, null), 0, out, 0, w.length);
    }

    /** out = H v, the exact Hessian of the loss times v (the R-operator on the backward pass). */
    public void hessianVector(double[] v, double[] out) {
        gradient();
        if (ddphi == null) {
            ddphi = new double[depth][];
            for (int l = 1; l < depth; l++) {
                double[] s = new double[z[l].length];
                for (int e = 0; e < s.length; e++) {
                    s[e] = ActivationDerivatives.second(net.activation(), z[l][e]);
                }
                ddphi[l] = s;
            }
        }
        double[][][] t = tangent(v);
        double[][] rz = t[0];
        double[][] ra = t[1];
        double[] rd = rz[depth].clone(); // R{delta[L]} = R{f} / P
        Products.scale(rd, 1.0 / p);
        for (int l = depth; l >= 1; l--) {
            int rows = net.rows(l);
            int cols = net.cols(l);
            // R{dL/dW^l} = m_l (R{delta} a^T + delta R{a}^T)
            double[] gl = Products.timesTransposed(rd, rows, p, a[l - 1], aT[l - 1], cols);
            if (l > 1) {
                double[] u = Products.timesTransposed(delta[l], rows, p, ra[l - 1], null, cols);
                for (int e = 0; e < gl.length; e++) {
                    gl[e] += u[e];
                }
            }
            int o = net.offset(l);
            for (int e = 0; e < gl.length; e++) {
                out[o + e] = m[l] * gl[e];
            }
            if (l > 1) {
                // R{back} = m_l (V^T delta + W^T R{delta}); R{delta[l-1]} = phi'' R{z} back + phi' R{back}
                double[] vt = Products.transpose(net.layer(v, l), rows, cols);
                double[] rb = Products.times(vt, cols, rows, delta[l], p);
                double[] u = Products.times(transposed(l), cols, rows, rd, p);
                double[] next = new double[rb.length];
                double[] b = back[l];
                double[] d1 = dphi[l - 1];
                double[] d2 = ddphi[l - 1];
                double[] rzl = rz[l - 1];
                for (int e = 0; e < next.length; e++) {
                    next[e] = d2[e] * rzl[e] * b[e] + d1[e] * m[l] * (rb[e] + u[e]);
                }
                rd = next;
            }
        }
    }
}
