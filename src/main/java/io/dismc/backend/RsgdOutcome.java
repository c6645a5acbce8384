package io.dismc.backend;

/**
 * What one replicated-SGD run reports.
 *
 * @param weights     +-1 weights of the reported configuration: the centre sign(Hc) if it solves, else the
 *                    first replica that solves, else the configuration (centre first, then replicas) with
 *                    the fewest violated patterns at the last epoch
 * @param solved      whether the reported configuration satisfies all P constraints at the target margin
 * @param solvedBy    -1: the centre; a &gt;= 0: replica a (meaningful for unsolved runs too: who is reported)
 * @param epochs      epochs run (0 when the start already solves)
 * @param violations  violated constraints of the reported configuration at the target margin
 * @param margin      min over patterns of the stability Delta^mu of the reported configuration, the margin reached
 * @param centreMargin min stability of the centre sign(Hc) at the end, whether or not it solves
 * @param bestViolations fewest violations seen in any configuration (centre or replica) at any epoch end
 * @param finalGamma  gamma in the last epoch run
 */
public record RsgdOutcome(double[] weights, boolean solved, int solvedBy, int epochs, int violations, double margin,
                          double centreMargin, int bestViolations, double finalGamma) {}
