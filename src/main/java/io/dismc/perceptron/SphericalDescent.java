package io.dismc.perceptron;

import io.dismc.backend.Backend;
import io.dismc.backend.Constraints;
import io.dismc.backend.DescentResult;
import io.dismc.backend.SphereDescentRule;
import io.dismc.data.PerceptronInstance;
import io.dismc.rng.RandomStream;
import java.util.ArrayList;
import java.util.List;

/**
 * GD / Langevin on the sphere for spherical perceptrons (docs/models.md 2), batched over replicas: the
 * backend runs every replica to its end with the instance resident (kernels/sphere_descent.cu and
 * kernels/langevin.cu on the GPU), the stabilities, the hinge-like loss's gradient, the step and the
 * projection on the sphere included, and reports per replica its weights, violations and steps.
 */
public final class SphericalDescent {
    private SphericalDescent() {}

    /** Every replica from its own start (on the sphere) with its own stream; returns one outcome each. */
    public static List<SolverOutcome> run(PerceptronInstance inst, List<float[]> starts, List<RandomStream> streams,
                                          DescentSpec spec, Backend backend) {
        List<DescentResult> ends = backend.training().sphericalDescent(new Constraints(inst.n(), inst.p(), inst.xi()),
                new SphereDescentRule(spec.eta(), spec.temperature(), spec.maxSteps(), spec.kappa(), spec.lossExponent()),
                starts.toArray(float[][]::new), streams);
        List<SolverOutcome> out = new ArrayList<>(ends.size());
        for (DescentResult e : ends) {
            double[] d = new double[e.weights().length];
            for (int i = 0; i < d.length; i++) {
                d[i] = e.weights()[i];
            }
            out.add(new SolverOutcome(d, e.solved(), e.steps(), e.violations()));
        }
        return out;
    }

    /** A uniformly random point of the sphere |w|^2 = N from Gaussians 0..N-1 of the stream. */
    public static float[] randomStart(int n, RandomStream stream) {
        double[] g = new double[n];
        stream.gaussians(0, g, 0, n);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) g[i];
        }
        // w <- w sqrt(N) / |w|, the norm in double in index order (as the backends project)
        double sumsq = 0;
        for (float x : w) {
            sumsq += (double) x * x;
        }
        double scale = Math.sqrt(w.length / sumsq);
        for (int i = 0; i < n; i++) {
            w[i] = (float) (w[i] * scale);
        }
        return w;
    }
}
