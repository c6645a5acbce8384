package io.dismc.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link FlipCost} over vectors: compares become masks, the count their population. Loaded only with the Vector API. */
final class VectorFlipCost {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private VectorFlipCost() {}

    static double of(double[] h, double[] xi, int off, int p, double step, double threshold, int[] count) {
        DoubleVector s = DoubleVector.broadcast(D, step);
        DoubleVector t = DoubleVector.broadcast(D, threshold);
        DoubleVector zero = DoubleVector.zero(D);
        DoubleVector sum = zero;
        int delta = 0;
        int bound = D.loopBound(p);
        int mu = 0;
        for (; mu < bound; mu += D.length()) {
            DoubleVector before = DoubleVector.fromArray(D, h, mu);
            DoubleVector after = before.add(DoubleVector.fromArray(D, xi, off + mu).mul(s)); // as the update adds it
            VectorMask<Double> was = before.compare(VectorOperators.LT, t);
            VectorMask<Double> is = after.compare(VectorOperators.LT, t);
            delta += is.trueCount() - was.trueCount();
            sum = sum.add(zero.blend(after, is)).sub(zero.blend(before, was));
        }
        return FlipCost.scalar(h, xi, off, p, step, threshold, count, mu, delta, sum.reduceLanes(VectorOperators.ADD));
    }
}
