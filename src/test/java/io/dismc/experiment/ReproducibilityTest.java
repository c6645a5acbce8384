package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.dismc.backend.CpuBackend;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A unit's result depends on its coordinates and the seed only: not on threads, order or the rest of the sweep. */
class ReproducibilityTest {

    static List<Map<String, Double>> run(Sweep s, int threads) {
        try (CpuBackend cpu = new CpuBackend(threads)) {
            return s.run(cpu).stream().map(UnitResult::observables).toList();
        }
    }

    @Test
    void sameResultsWithOneOrManyThreads() {
        Map<String, String> opts = Map.of("n", "400", "alpha", "0.05,0.3,1.2", "alpha-d", "0.02,0.5", "temperature", "0,0.3");
        Sweep s = Sweep.of(new RfhmExperiment(), opts, 3, 99);
        assertEquals(run(s, 1), run(s, 3));
        Sweep unseen = Sweep.of(new RfhmUnseenExperiment(), Map.of("n", "600", "alpha-d", "0.02", "alpha", "0.05,0.5"), 2, 7);
        assertEquals(run(unseen, 1), run(unseen, 2));
    }

    @Test
    void aPointGivesTheSameResultWhateverElseIsInTheSweep() {
        Sweep alone = Sweep.of(new HopfieldExperiment(), Map.of("n", "500", "alpha", "0.15"), 4, 5);
        Sweep among = Sweep.of(new HopfieldExperiment(), Map.of("n", "500", "alpha", "0.1,0.15,0.2"), 4, 5);
        List<Map<String, Double>> a = run(alone, 2);
        List<Map<String, Double>> b = run(among, 2);
        assertEquals(a, b.subList(4, 8));
    }

    @Test
    void theSeedMatters() {
        Map<String, String> opts = Map.of("n", "500", "alpha", "0.17");
        assertNotEquals(run(Sweep.of(new HopfieldExperiment(), opts, 4, 1), 2), run(Sweep.of(new HopfieldExperiment(), opts, 4, 2), 2));
    }
}
