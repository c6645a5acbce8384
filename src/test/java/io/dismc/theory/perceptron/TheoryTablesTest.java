package io.dismc.theory.perceptron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TheoryTablesTest {
    @Test
    void capacityTable() {
        List<TheoryTables.CapacityRow> s = TheoryTables.capacity(new double[] {0, 0.5}, TheoryTables.Weights.parse("spherical"));
        assertEquals(2, s.size());
        assertEquals(2.0, s.get(0).alphaC(), 1e-12);
        assertEquals("spherical", s.get(1).weights());
        List<TheoryTables.CapacityRow> b = TheoryTables.capacity(new double[] {0}, TheoryTables.Weights.parse("BINARY"));
        assertEquals(0.83308, b.get(0).alphaC(), 1e-5);
        assertEquals(List.of("kappa", "weights", "alpha_c"), TheoryTables.CapacityRow.COLUMNS);
        assertThrows(IllegalArgumentException.class, () -> TheoryTables.Weights.parse("ternary"));
    }

    @Test
    void geodesicTableRowsAndUndefinedEntries() {
        List<TheoryTables.GeodesicRow> rows = TheoryTables.geodesic(new double[] {1, 5}, new double[] {-0.5, 0});
        assertEquals(4, rows.size());
        TheoryTables.GeodesicRow r = rows.get(0); // alpha = 1, kappa = -0.5
        assertEquals(0.259524, r.q(), 1e-6);
        assertEquals(0.010029, r.midpointEnergy(), 2e-6);
        assertEquals(0.005075, r.simplexEnergy(), 5e-6);
        assertEquals(-0.40459, r.kappaConvex(), 1e-4);
        assertEquals(-0.17106, r.kappaStar(), 1e-4);
        TheoryTables.GeodesicRow convex = rows.get(1); // alpha = 1, kappa = 0: convex, margins undefined
        assertTrue(Double.isNaN(convex.kappaStar()) && Double.isNaN(convex.kappaConvex()));
        TheoryTables.GeodesicRow unsat = rows.get(2); // alpha = 5 > alpha_c(-0.5) = 4.77
        assertTrue(Double.isNaN(unsat.q()) && Double.isNaN(unsat.midpointEnergy()) && Double.isNaN(unsat.simplexEnergy()));
        assertEquals(7, TheoryTables.GeodesicRow.COLUMNS.size());
    }

    @Test
    void localEnergyTable() {
        List<TheoryTables.LocalEnergyRow> rows = TheoryTables.localEnergy(new double[] {0.4, 0.9}, new double[] {0}, new double[] {0.01, 0.1});
        assertEquals(4, rows.size());
        assertEquals(0.07467, rows.get(0).deltaE(), 1e-5);
        assertEquals(0.22419, rows.get(1).deltaE(), 1e-5);
        assertTrue(Double.isNaN(rows.get(2).deltaE()), "alpha = 0.9 is past the binary capacity");
        assertThrows(IllegalArgumentException.class, () -> TheoryTables.localEnergy(new double[0], new double[] {0}, new double[] {0.1}));
    }
}
