package io.dismc.amp;

/**
 * The student side of a GAMP run (docs/models.md 4.3; pitfalls P4, P6):
 *
 * @param denoiser      f_a, f_v (the prior for Bayes-optimal AMP, a soft threshold for l1-AMP)
 * @param channel       g_out, dg (the teacher's channel for Bayes-optimal AMP)
 * @param maxIterations T_max
 * @param tolerance     stop when mean((a^{t+1} - a^t)^2)/(1 - dampingOld)^2 &lt; tolerance * mean((a^{t+1})^2)
 *                      (the change of the undamped map, so the rule means the same for every damping)
 * @param varianceStop  stop when mean(v^{t+1}) &lt; varianceStop (0: never); the cure of pitfall P6
 * @param dampingOld    beta, the weight of the PREVIOUS iterate: a = beta a_old + (1 - beta) a_new (the same for v),
 *                      as tramp's and BPCS_common's damping; vampyre's "step" is 1 - beta
 * @param varianceMode  uniform or exact (F^2) variances
 * @param start         uninformed or informed
 * @param onsager       false drops the Onsager reaction term -V g^{t-1} (a diagnostic switch only)
 * @param successMse    an instance succeeds when its final MSE is below this
 * @param minVariance   floor under V (pitfall P6)
 * @param stopOnFittedLabels for sign channels: stop when sign(F a^t) reproduces every label y while mean(v^t) is
 *                      below {@link GampBatch#FITTED_LABELS_VARIANCE} (pitfall P6; tramp stops the same way). Off by
 *                      default. On for a binary teacher above alpha_alg, where the iteration otherwise reaches
 *                      a = x0, sees no label violated, lets Sigma blow up and restarts from a = 0.
 */
public record AmpSettings(Denoiser denoiser, OutputChannel channel, int maxIterations, double tolerance, double varianceStop,
                          double dampingOld, VarianceMode varianceMode, Start start, boolean onsager, double successMse,
                          double minVariance, boolean stopOnFittedLabels) {
    public AmpSettings {
        Checks.atLeast("maxIterations", maxIterations, 1);
        Checks.nonNegative("tolerance", tolerance);
        Checks.nonNegative("varianceStop", varianceStop);
        Checks.damping("dampingOld (weight of the previous iterate)", dampingOld);
        Checks.nonNegative("successMse", successMse);
        Checks.nonNegative("minVariance", minVariance);
    }

    /** Defaults: 500 iterations, tolerance 1e-12, varianceStop 1e-10, no damping, uniform variances, uninformed, success below 1e-4. */
    public static AmpSettings of(Denoiser denoiser, OutputChannel channel) {
        return new AmpSettings(denoiser, channel, 500, 1e-12, 1e-10, 0, VarianceMode.UNIFORM, Start.uninformed(), true, 1e-4,
            channel.minVariance(), false);
    }

    /** Bayes-optimal GAMP for the teacher: its prior as the denoiser, its channel. */
    public static AmpSettings bayesOptimal(AmpProblem teacher) {
        return of(teacher.signal(), teacher.channel());
    }

    public AmpSettings withMaxIterations(int t) {
        return new AmpSettings(denoiser, channel, t, tolerance, varianceStop, dampingOld, varianceMode, start, onsager, successMse, minVariance, stopOnFittedLabels);
    }

    public AmpSettings withTolerance(double tol) {
        return new AmpSettings(denoiser, channel, maxIterations, tol, varianceStop, dampingOld, varianceMode, start, onsager, successMse, minVariance, stopOnFittedLabels);
    }

    public AmpSettings withVarianceStop(double stop) {
        return new AmpSettings(denoiser, channel, maxIterations, tolerance, stop, dampingOld, varianceMode, start, onsager, successMse, minVariance, stopOnFittedLabels);
    }

    public AmpSettings withDampingOld(double beta) {
        return new AmpSettings(denoiser, channel, maxIterations, tolerance, varianceStop, beta, varianceMode, start, onsager, successMse, minVariance, stopOnFittedLabels);
    }

    public AmpSettings withVarianceMode(VarianceMode mode) {
        return new AmpSettings(denoiser, channel, maxIterations, tolerance, varianceStop, dampingOld, mode, start, onsager, successMse, minVariance, stopOnFittedLabels);
    }

    public AmpSettings withStart(Start s) {
        return new AmpSettings(denoiser, channel, maxIterations, tolerance, varianceStop, dampingOld, varianceMode, s, onsager, successMse, minVariance, stopOnFittedLabels);
    }

    public AmpSettings withOnsager(boolean on) {
        return new AmpSettings(denoiser, channel, maxIterations, tolerance, varianceStop, dampingOld, varianceMode, start, on, successMse, minVariance, stopOnFittedLabels);
    }

    public AmpSettings withSuccessMse(double level) {
        return new AmpSettings(denoiser, channel, maxIterations, tolerance, varianceStop, dampingOld, varianceMode, start, onsager, level, minVariance, stopOnFittedLabels);
    }

    public AmpSettings withMinVariance(double floor) {
        return new AmpSettings(denoiser, channel, maxIterations, tolerance, varianceStop, dampingOld, varianceMode, start, onsager, successMse, floor, stopOnFittedLabels);
    }

    public AmpSettings withStopOnFittedLabels(boolean on) {
        return new AmpSettings(denoiser, channel, maxIterations, tolerance, varianceStop, dampingOld, varianceMode, start, onsager, successMse, minVariance, on);
    }
}
