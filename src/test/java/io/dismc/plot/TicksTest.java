package io.dismc.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tick labels: enough of them on log axes, one plain format per axis, never ".05" or "1.0E-4". */
class TicksTest {

    static void assertWellFormed(List<String> labels) {
        for (String l : labels) {
            assertFalse(l.startsWith(".") || l.startsWith("-."), "leading zero missing: " + l + " in " + labels);
            assertFalse(l.contains("E") || l.contains("e"), "computer notation: " + l + " in " + labels);
        }
    }

    @Test
    void logAxisOverOneAndAHalfDecadesLabelsOneTwoFive() {
        Axis a = Axis.fit("x", new double[] {0.03, 0.1, 1.0}, true);
        assertEquals(List.of("0.05", "0.1", "0.2", "0.5", "1"), a.labels());
        assertWellFormed(a.labels());
        // the unlabelled ticks are the other integer mantissas
        assertTrue(a.ticks().stream().anyMatch(t -> !t.major() && Math.abs(t.value() - 0.3) < 1e-12));
    }

    @Test
    void logAxisOverManyDecadesLabelsDecadesInOneFormat() {
        Axis a = Axis.fit("y", new double[] {2e-4, 0.3}, true);
        assertEquals(List.of("0.001", "0.01", "0.1"), a.labels());
        assertEquals(List.of("0.0001", "0.001", "0.01", "0.1", "1"), Ticks.log(1e-4, 1, Axis.MAX_DECADE_LABELS).stream()
                .filter(Ticks.Tick::major).map(Ticks.Tick::label).toList());
        // far from 1 every label is a power of ten, not a mix of 0.001 and 10^-5
        List<String> far = Axis.fit("y", new double[] {3e-7, 0.2}, true).labels();
        assertTrue(far.size() >= 3, far.toString());
        assertTrue(far.stream().allMatch(l -> l.startsWith("10^")), far.toString());
        assertWellFormed(far);
        // very many decades: every second or third decade labelled
        List<String> wide = Ticks.log(1e-12, 1e12, Axis.MAX_DECADE_LABELS).stream().filter(Ticks.Tick::major)
                .map(Ticks.Tick::label).toList();
        assertTrue(wide.size() >= 3 && wide.size() <= Axis.MAX_DECADE_LABELS + 1, wide.toString());
    }

    @Test
    void narrowLogAxesStillCarryThreeLabels() {
        for (double[] r : new double[][] {{0.15, 0.5}, {0.22, 4.6}, {0.004, 0.36}, {1.1, 1.6}, {0.0101, 1.05}}) {
            List<String> l = Ticks.log(r[0], r[1], Axis.MAX_DECADE_LABELS).stream().filter(Ticks.Tick::major)
                    .map(Ticks.Tick::label).toList();
            assertTrue(l.size() >= 3, java.util.Arrays.toString(r) + " -> " + l);
            assertWellFormed(l);
        }
        // the ends of a doubling sweep round out to labelled values
        double[] r = Ticks.logRange(0.25, 4, 0.05);
        assertEquals(0.2, r[0], 1e-12);
        assertEquals(5, r[1], 1e-12);
    }

    @Test
    void linearLabelsHaveOneNumberOfDecimalsAndALeadingZero() {
        List<String> l = Ticks.linear(-0.012, 0.31, 6).stream().map(Ticks.Tick::label).toList();
        assertEquals(List.of("0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"), l);
        assertEquals(List.of("-10", "0", "10", "20"), Ticks.linear(-12, 25, 4).stream().map(Ticks.Tick::label).toList());
        // data of one sign: no labels of the other sign in the margin
        assertEquals("0.0", Axis.fit("e", new double[] {0, 0.4}, false).labels().get(0));
        // all zero (a training error that vanishes): a unit scale, not a lone "0" label
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), Axis.fit("e", new double[] {0, 0, 0}, false).labels());
        assertEquals("0.05", Ticks.plain(0.05));
        assertEquals("0.0001", Ticks.plain(1e-4));
        assertEquals("300", Ticks.plain(300.0));
    }
}
