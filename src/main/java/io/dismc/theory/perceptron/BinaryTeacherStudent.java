package io.dismc.theory.perceptron;

/**
 * The teacher-student binary perceptron (+-1 teacher and student, labels y = sign(w* . x)), for which
 * Gibbs learning, equivalently Bayes-optimal inference, jumps to perfect generalization at
 * alpha = P/N ~= 1.245 (Gyorgyi, Phys. Rev. A 41, 7097 (1990); Sompolinsky, Tishby and Seung, PRL 65,
 * 1683 (1990); docs/models.md, section perceptron theory). Cited here, not computed: the RS
 * specification of this package gives no recipe for it; the AMP state evolution (docs/models.md,
 * section AMP) computes the same transition (1.24468).
 */
public final class BinaryTeacherStudent {
    /** First-order transition to perfect generalization, alpha = 1.245 (Gyorgyi 1990). */
    public static final double PERFECT_GENERALIZATION_ALPHA = 1.245;

    private BinaryTeacherStudent() {}
}
