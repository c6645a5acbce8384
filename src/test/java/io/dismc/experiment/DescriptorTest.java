package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.params.Param;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every experiment declares itself consistently: unique names, a table and a figure made of its observables. */
class DescriptorTest {
    @Test
    void everyDescriptorIsConsistent() {
        Set<String> names = new HashSet<>();
        for (Experiment<?> e : Experiments.all()) {
            assertTrue(names.add(e.name()), "experiment name " + e.name() + " twice");
            assertFalse(e.title().isBlank(), e.name());
            assertTrue(e.title().contains("docs/models.md"), e.name() + " cites the physics contract");
            List<String> obs = e.observables();
            assertEquals(obs.size(), new HashSet<>(obs).size(), e.name() + " observables unique");
            assertTrue(obs.containsAll(e.tableObservables()), e.name());
            Set<String> params = new HashSet<>();
            for (Param<?> p : e.params()) {
                assertTrue(params.add(p.name()), e.name() + ": --" + p.name() + " twice");
            }
            for (String s : e.figure().series()) {
                assertTrue(obs.contains(s), e.name() + " figure draws " + s);
            }
            assertTrue(params.contains(e.sizeParameter()), e.name() + " size parameter");
        }
    }

    /** A result record converts to exactly the declared observables: booleans as 1/0, ints as doubles, arrays aside. */
    @Test
    void resultsBecomeColumns() {
        HopfieldExperiment h = new HopfieldExperiment();
        UnitOutput o = h.output(new HopfieldExperiment.Result(0.5, true, -0.4, 3, false, 0.98));
        assertEquals(List.of("m", "retrieved", "energy", "sweeps", "converged", "m_theory"), List.copyOf(o.values().keySet()));
        assertEquals(1.0, o.values().get("retrieved"));
        assertEquals(3.0, o.values().get("sweeps"));
        assertEquals(0.0, o.values().get("converged"));
        LocalEnergyExperiment le = new LocalEnergyExperiment();
        assertEquals("dE_0.005", le.observables().get(le.observables().indexOf("dE_0") + 1)); // annotated names, in record order
    }
}
