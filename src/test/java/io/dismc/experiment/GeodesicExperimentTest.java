package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.backend.CpuBackend;
import io.dismc.run.Sweep;
import io.dismc.run.UnitResult;
import io.dismc.theory.perceptron.MixedMarginPair;
import io.dismc.theory.perceptron.SphericalGardner;
import io.dismc.theory.perceptron.StarGeometry;
import io.dismc.theory.perceptron.TypicalGeodesic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The geodesic experiment against the RS theory of typical solutions (docs/models.md 2.6, 2.9; test plan
 * T1, T3, T4, T9 of the perceptron specification), at the spec's N = 400, alpha = 1, kappa = -0.5, +-1
 * inputs. Each unit has 3 typical vertices (3 pairs) and one high-margin vertex (3 pairs with the typical
 * ones); 3 units. Every RS value comes from io.dismc.theory.perceptron.
 */
class GeodesicExperimentTest {
    static CpuBackend cpu;

    @BeforeAll
    static void open() {
        cpu = new CpuBackend(2);
    }

    @AfterAll
    static void close() {
        cpu.close();
    }

    static double mean(List<UnitResult> units, String obs) {
        return units.stream().mapToDouble(u -> u.observables().get(obs)).average().orElseThrow();
    }

    /**
     * Equilibrium vertices are typical: mean pair overlap q_RS(1, -0.5) = 0.2595 within 0.03 (T1), midpoint
     * energy 0.0100 within 0.003 (T3). The high vertex, a typical solution at kappa_high = -0.40 (below the star
     * centre -0.171): overlap with the typical ones p = 0.31 within 0.03, largest energy along the geodesic
     * 3.6e-3 within 0.003 (T9; above one constraint, 1/P = 2.5e-3, so the barrier is not a lattice zero), not
     * every geodesic zero-energy. On the same instances and starts, GD vertices are not typical (T4): mutual
     * overlap below 0.15, midpoint energy above 0.04 (RS 0.0100). In every unit the deterministic star
     * criterion (margin of the high vertex &gt;= p kappa) implies a zero barrier, so the zero-barrier fraction
     * is never below it.
     */
    @Test
    void equilibriumVerticesAreTypicalAndTheHighMarginBarrierIsTheRsOne() {
        double alpha = 1;
        double kappa = -0.5;
        double kh = -0.40;
        Sweep s = Sweep.of(new GeodesicExperiment(), Map.of("n", "400", "alpha", "1", "high-margin", "value", "kappa-high", "-0.4",
                "vertices-from", "equilibrium,gd", "burn-in", "1", "path-points", "21", "simplex-samples", "50"), 3, 5);
        List<UnitResult> all = s.run(cpu);
        List<UnitResult> eq = all.stream().filter(u -> u.unit().point().choice("vertices-from").equals("equilibrium")).toList();
        List<UnitResult> gd = all.stream().filter(u -> u.unit().point().choice("vertices-from").equals("gd")).toList();
        assertEquals(3, eq.size());
        for (UnitResult u : all) {
            assertEquals(1.0, u.observables().get("solved"), "every vertex found");
            assertTrue(u.observables().get("zero_barrier_high") >= u.observables().get("star_criterion"),
                    "the star criterion implies a zero barrier: " + u.observables());
        }
        double q = SphericalGardner.typicalOverlap(alpha, kappa);
        MixedMarginPair pair = MixedMarginPair.of(alpha, kh, kappa);
        assertEquals(q, mean(eq, "overlap_typical"), 0.03, "T1: typical pair overlap");
        assertEquals(TypicalGeodesic.midpoint(q, kappa), mean(eq, "midpoint_energy"), 0.003, "T3: midpoint energy");
        assertEquals(pair.crossOverlap(), mean(eq, "overlap_high"), 0.03, "cross overlap p(-0.40, -0.5)");
        assertEquals(pair.barrier().energy(), mean(eq, "barrier_high"), 0.003, "T9: barrier from a typical -0.40 solution");
        assertTrue(mean(eq, "zero_barrier_high") < 1, "below the star centre some geodesics cross violated constraints");
        assertTrue(mean(gd, "overlap_typical") < 0.15, "T4: GD vertices are far apart: " + mean(gd, "overlap_typical"));
        assertTrue(mean(gd, "midpoint_energy") > 0.04, "T4: GD midpoints violate many constraints: " + mean(gd, "midpoint_energy"));
    }

    /**
     * The default high vertex is a typical solution at the RS star-centre margin kappa_star(1, -0.5) = -0.171,
     * inside (kappa, 0), so the star check is not true by construction; its overlap with the typical vertices
     * is p(kappa_star, kappa) = 0.342 within 0.03 (T9 through p), and its barriers vanish to within one
     * constraint (RS: 0 at kappa_star; finite N: below 1/P).
     */
    @Test
    void theDefaultHighVertexIsATypicalStarCentre() {
        double ks = StarGeometry.starMargin(1, -0.5);
        Sweep s = Sweep.of(new GeodesicExperiment(), Map.of("n", "400", "alpha", "1", "burn-in", "1.5", "vertices", "2",
                "path-points", "21", "simplex-samples", "20"), 3, 5);
        List<UnitResult> units = s.run(cpu);
        for (UnitResult u : units) {
            assertEquals(ks, u.observables().get("kappa_h"), 1e-12, "the default high margin is kappa_star");
            assertTrue(ks > -0.5 && ks < 0, "kappa_star inside (kappa, 0)");
        }
        assertEquals(MixedMarginPair.of(1, ks, -0.5).crossOverlap(), mean(units, "overlap_high"), 0.03, "T9 through p");
        assertTrue(mean(units, "barrier_high") < 1.0 / 400, "barrier at the star centre below one constraint: " + mean(units, "barrier_high"));
    }
}
