package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.experiment.RfhmExperiment;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * Zero-T dynamics of the RFHM (binary features, Gaussian latents, start exactly on the target) against the
 * RS lines (test plan 4.3). Loads are placed relative to the solvers' lines, never at constants. Finite-N
 * thresholds come from modest samples, so the assertions stay where the spec found them clear-cut: the 50 %
 * crossing of learning lies 10-30 % below the fold at these N and is not asserted.
 */
class RfhmDynamicsVsTheoryTest {
    private static final double SUCCESS = 0.8;

    private static List<UnitResult> run(Map<String, String> options, int samples, long seed) {
        try (CpuBackend cpu = new CpuBackend(2)) {
            return Sweep.of(new RfhmExperiment(), options, samples, seed).run(cpu);
        }
    }

    private static Map<Double, double[]> byAlpha(List<UnitResult> results, String observable) {
        return results.stream().collect(Collectors.groupingBy(r -> r.unit().point().real("alpha"),
                Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().mapToDouble(r -> r.observables().get(observable)).toArray())));
    }

    private static String alphas(double... values) {
        return DoubleStream.of(values).mapToObj(v -> String.format(Locale.ROOT, "%.5f", v)).collect(Collectors.joining(","));
    }

    /**
     * Learning at alpha_D = 0.01, N = 2000 (D = 20), 10 runs per load, alpha_L from the consistent solver
     * (0.0979). At alpha &gt;= 1.3 alpha_L at least 80 % of runs keep m_feature &gt; 0.8; among them the mean is
     * within 0.015 of the RS m and each run within 0.03 (the spec measured 0.985-1.000 against 0.987-0.994,
     * the simulation slightly above RS in the bulk). At alpha &lt;= 0.55 alpha_L at most 10 % succeed (the
     * spec: none in 44 runs at 0.04-0.05).
     */
    @Test
    void learningAboveAndBelowTheFold() {
        RfhmLearningTheory theory = new RfhmLearningTheory(RfhmVariant.CONSISTENT);
        double aL = theory.learningLoad(0.01);
        double[] high = {1.3 * aL, 1.45 * aL};
        double[] low = {0.4 * aL, 0.55 * aL};
        Map<Double, double[]> m = byAlpha(run(Map.of("n", "2000", "alpha", alphas(high[0], high[1], low[0], low[1]),
                "alpha-d", "0.01"), 10, 7202), "m_feature");
        for (Map.Entry<Double, double[]> e : m.entrySet()) {
            double alpha = Math.round(e.getKey() * 2000) / 2000.0; // the load P/N actually simulated
            double[] runs = e.getValue();
            double[] kept = DoubleStream.of(runs).filter(x -> x > SUCCESS).toArray();
            if (alpha > aL) {
                double rs = theory.featureOverlap(alpha, 0.01);
                assertTrue(kept.length >= 0.8 * runs.length, "alpha = " + alpha + ": " + kept.length + "/" + runs.length + " learned");
                assertEquals(rs, DoubleStream.of(kept).average().orElseThrow(), 0.015, "alpha = " + alpha + ": mean m_feature");
                for (double x : kept) {
                    assertEquals(rs, x, 0.03, "alpha = " + alpha + ": one run");
                }
            } else {
                assertTrue(kept.length <= 0.1 * runs.length, "alpha = " + alpha + " <= 0.55 alpha_L: " + kept.length + " learned");
            }
        }
    }

    /**
     * Storage at alpha_D = 1 (the only alpha_D where the published storage line is a simulation target), N = 1000,
     * 8 runs per load: at 0.5 and 0.75 alpha_c every run is retrieved (m_pattern &gt; 0.9) and the sample mean is
     * within 0.01 of the RS m (0.9999, 0.9983). The spec's stronger "every run m &gt;= 0.99" does not hold for
     * every disorder sample (single runs at 0.973-0.984 were seen at N = 1000 and 2000 at 0.75 alpha_c), so the
     * per-run bound is the retrieval criterion and the RS comparison is on the mean.
     */
    @Test
    void storageAtLargeFeatureDensity() {
        double ac = RfhmStorageTheory.storageLoad(1.0);
        Map<Double, double[]> m = byAlpha(run(Map.of("n", "1000", "alpha", alphas(0.5 * ac, 0.75 * ac),
                "alpha-d", "1"), 8, 7303), "m_pattern");
        assertEquals(2, m.size());
        for (Map.Entry<Double, double[]> e : m.entrySet()) {
            double rs = RfhmStorageTheory.patternOverlap(e.getKey(), 1.0);
            for (double x : e.getValue()) {
                assertTrue(x > 0.9, "alpha_D = 1, alpha = " + e.getKey() + ": m_pattern = " + x);
            }
            assertEquals(rs, DoubleStream.of(e.getValue()).average().orElseThrow(), 0.01, "mean m_pattern at " + e.getKey());
        }
    }

    /**
     * EXPECTED FAILURE of the published storage line (docs/models.md, section RFHM theory, storage caveat):
     * at alpha_D = 0.01 and 0.05 the RS storage state exists with m &gt; 0.99 at 0.5 and 0.75 alpha_c, yet
     * zero-T dynamics from the pattern lose it (the spec: 0/10 runs at N = 2000-4000). This asserts the
     * disagreement: at most 2 of 10 runs keep m_pattern &gt; 0.8. If this test fails, simulations have started
     * to agree with the published storage line (a changed generator, dynamics or normalization?): look.
     */
    @Test
    void publishedStorageLineFailsAtSmallFeatureDensity() {
        for (double alphaD : new double[] {0.01, 0.05}) {
            double ac = RfhmStorageTheory.storageLoad(alphaD);
            Map<Double, double[]> m = byAlpha(run(Map.of("n", "2000", "alpha", alphas(0.5 * ac, 0.75 * ac),
                    "alpha-d", Double.toString(alphaD)), 10, 7404), "m_pattern");
            for (Map.Entry<Double, double[]> e : m.entrySet()) {
                assertTrue(RfhmStorageTheory.patternOverlap(e.getKey(), alphaD) > 0.99, "RS predicts retrieval");
                long kept = DoubleStream.of(e.getValue()).filter(x -> x > SUCCESS).count();
                assertTrue(kept <= 2, "alpha_D = " + alphaD + ", alpha = " + e.getKey() + ": " + kept
                        + "/10 runs retrieved: simulations now follow the published storage line?");
            }
        }
    }
}
