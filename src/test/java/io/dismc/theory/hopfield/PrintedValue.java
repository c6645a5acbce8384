package io.dismc.theory.hopfield;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

/**
 * Comparison with a reference value as the spec prints it: within the requested tolerance, or within the
 * rounding of the printed digits where the spec prints fewer digits than that tolerance resolves (a value
 * printed as 0.04368 can only be checked to +-5e-6).
 */
final class PrintedValue {
    private PrintedValue() {}

    static void assertRelative(String printed, double actual, double relativeTolerance, String what) {
        BigDecimal p = new BigDecimal(printed);
        double expected = p.doubleValue();
        double rounding = 0.5 * Math.pow(10, -p.scale());
        double tol = Math.max(relativeTolerance * Math.abs(expected), rounding) * (1 + 1e-9);
        assertEquals(expected, actual, tol, what + " (printed " + printed + ")");
    }

    static void assertAbsolute(String printed, double actual, double absoluteTolerance, String what) {
        BigDecimal p = new BigDecimal(printed);
        double rounding = 0.5 * Math.pow(10, -p.scale());
        double tol = Math.max(absoluteTolerance, rounding) * (1 + 1e-9);
        assertEquals(p.doubleValue(), actual, tol, what + " (printed " + printed + ")");
    }
}
