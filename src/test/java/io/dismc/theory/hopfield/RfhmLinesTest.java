package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of {@code dismc theory rfhm}: both lines at 30 alpha_D in well under a few seconds. */
class RfhmLinesTest {

    @Test
    void rowsAndNonExistence() {
        RfhmLines.Row p = RfhmLines.row(0.01, RfhmVariant.PUBLISHED);
        assertEquals(0.03642, p.alphaStorage(), 1e-5);
        assertEquals(0.092907, p.alphaLearning(), 1e-6);
        RfhmLines.Row c = RfhmLines.row(0.01, RfhmVariant.CONSISTENT);
        assertEquals(p.alphaStorage(), c.alphaStorage(), "the storage line is the same in both variants");
        assertEquals(0.09786, c.alphaLearning(), 1e-5);
        RfhmLines.Row none = RfhmLines.row(0.5, RfhmVariant.CONSISTENT);
        assertTrue(Double.isNaN(none.alphaLearning()) && none.alphaStorage() > 0.11);
    }

    @Test
    void thirtyAlphaDValuesAreFast() {
        List<Double> aD = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            aD.add(0.002 + 0.005 * k);
        }
        List<RfhmLines.Row> rows = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> RfhmLines.table(aD, RfhmVariant.CONSISTENT));
        assertEquals(30, rows.size());
        assertTrue(rows.stream().filter(r -> r.alphaD() < 0.1379).allMatch(r -> r.alphaLearning() > 0));
        assertTrue(rows.stream().filter(r -> r.alphaD() > 0.1379).allMatch(r -> Double.isNaN(r.alphaLearning())));
        List<MixtureSpinodals.MixtureSpinodal> mix = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> MixtureSpinodals.table(aD));
        assertEquals(120, mix.size());
    }
}
