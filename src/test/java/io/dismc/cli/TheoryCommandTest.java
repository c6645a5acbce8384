package io.dismc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.testing.Dismc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ./dismc theory}: the lines alone as CSV, with the names scripts rely on, and clean errors. */
class TheoryCommandTest {
    static List<String[]> csv(String... args) {
        Dismc.Outcome o = Dismc.run(args);
        assertEquals(0, o.code(), o.err());
        return o.out().lines().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void tablesHaveTheirColumnsAndReferenceValues() {
        List<String[]> h = csv("theory", "hopfield", "--alpha", "0.1,0.14", "--temperature", "0");
        assertEquals("alpha,temperature,m", String.join(",", h.get(0)));
        assertEquals(0.997999, Double.parseDouble(h.get(1)[2]), 1e-6, "AGS m(0.1)");
        assertEquals(0.0, Double.parseDouble(h.get(2)[2]), "no retrieval beyond alpha_c = 0.1379");
        List<String[]> r = csv("theory", "rfhm", "--alpha-d", "0.01,0.2", "--variant", "consistent,published");
        assertEquals("alpha_d,variant,alpha_storage,alpha_learning", String.join(",", r.get(0)));
        assertEquals(0.09786, Double.parseDouble(r.get(1)[3]), 1e-5, "consistent learning line");
        assertEquals(0.09291, Double.parseDouble(r.get(2)[3]), 1e-5, "published learning line");
        assertEquals("", r.get(3)[3], "no learning line at alpha_D = 0.2");
        List<String[]> m = csv("theory", "rfhm-unseen", "--alpha-d", "0.005");
        assertEquals("alpha_d,n,alpha_mixture", String.join(",", m.get(0)));
        assertEquals(0.2043, Double.parseDouble(m.get(2)[2]), 2e-4, "alpha_3(0.005)");
        List<String[]> c = csv("theory", "perceptron-capacity", "--kappa", "0", "--weights", "spherical,binary");
        assertEquals(2.0, Double.parseDouble(c.get(1)[2]), 1e-9);
        assertEquals(0.833, Double.parseDouble(c.get(2)[2]), 1e-3);
        assertEquals("alpha,kappa,q,midpoint_energy,simplex_energy,kappa_convex,kappa_star",
                String.join(",", csv("theory", "geodesic", "--alpha", "1", "--kappa", "-0.5").get(0)));
        assertEquals("alpha,kappa,distance,delta_e", String.join(",", csv("theory", "local-energy", "--distance", "0.01").get(0)));
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        for (String[] bad : List.of(new String[] {"theory", "nosuch"}, new String[] {"theory", "hopfield", "--alpha", "-1"},
                new String[] {"theory", "rfhm", "--variant", "other"}, new String[] {"theory", "geodesic", "--kappa", "0.5"})) {
            Dismc.Outcome o = Dismc.run(bad);
            assertEquals(2, o.code(), String.join(" ", bad) + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.out().isEmpty());
        }
        Dismc.Outcome list = Dismc.run("theory");
        assertTrue(list.out().contains("rfhm-unseen") && list.out().contains("local-energy"), list.out());
    }
}
