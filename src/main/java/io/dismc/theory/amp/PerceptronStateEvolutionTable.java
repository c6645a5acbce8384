package io.dismc.theory.amp;

import io.dismc.amp.BinaryPrior;
import io.dismc.amp.FreeEntropy;
import io.dismc.amp.GaussianPrior;
import io.dismc.amp.OutputChannel;
import io.dismc.amp.Prior;
import io.dismc.amp.ProbitChannel;
import io.dismc.amp.SeTrajectory;
import io.dismc.amp.SignChannel;
import io.dismc.amp.StateEvolution;
import io.dismc.amp.StateEvolutionGrid;
import io.dismc.amp.Thresholds;
import io.dismc.params.Param;
import io.dismc.theory.TheoryTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code theory se-perceptron}: Bayes-optimal state evolution of the teacher-student perceptron (docs/models.md
 * 4.4, 4.5) for a grid of alpha, spherical or +-1 teacher, noiseless sign or probit labels: the uninformed fixed
 * point's overlap q, MSE, generalization errors of the Bayes-optimal (GAMP) and the Gibbs classifier, the RS
 * free entropy, the iterations, and the thresholds alpha_alg (the spinodal; empty without one) and, for the
 * noiseless +-1 teacher, alpha_IT. The same prior and channel objects as the amp-perceptron experiment.
 */
public final class PerceptronStateEvolutionTable extends TheoryTable {
    static final Param<String> TEACHER = Param.choice("teacher", "spherical,binary", List.of("spherical", "binary"), "teacher weights");
    static final Param<Double> DELTA = Param.real("delta", "0", 0, true, 100, true, "label noise variance Delta (0: noiseless sign)");
    static final Param<Double> ALPHA = Param.real("alpha", "0.5:3:0.25", 0, false, 1000, true, "measurement rate alpha = M/N");
    static final List<String> COLUMNS = List.of("teacher", "delta", "alpha", "overlap", "mse", "gen_error_bayes", "gen_error_gibbs",
            "free_entropy", "iterations", "alpha_alg", "alpha_it");

    public PerceptronStateEvolutionTable() {
        super("se-perceptron", "teacher-student perceptron state evolution: q, eps_Bayes, eps_Gibbs, f_RS, alpha_alg, alpha_IT",
                List.of(TEACHER, DELTA, ALPHA), COLUMNS);
    }

    @Override
    public List<List<Object>> rows(Values v) {
        List<List<Object>> out = new ArrayList<>();
        for (String teacher : v.get(TEACHER)) {
            Prior prior = teacher.equals("binary") ? BinaryPrior.INSTANCE : GaussianPrior.standard();
            for (double delta : v.get(DELTA)) {
                OutputChannel channel = delta == 0 ? SignChannel.INSTANCE : new ProbitChannel(delta);
                double alg = Thresholds.algorithmic(prior, channel).map(p -> p.alpha()).orElse(Double.NaN);
                double it = prior == BinaryPrior.INSTANCE && delta == 0 ? Thresholds.binaryPerceptronIt().alpha() : Double.NaN;
                for (double alpha : v.get(ALPHA)) {
                    SeTrajectory u = StateEvolution.bayesOptimal(prior, channel, alpha).uninformed(StateEvolutionGrid.MAX_ITERATIONS, 1e-13);
                    int t = u.iterations();
                    out.add(List.of(teacher, delta, alpha, u.overlap(t), u.mse(t), u.generalizationError(t), u.gibbsError(t),
                            FreeEntropy.atFixedPoint(prior, channel, alpha, u.fixedPoint()), t, alg, it));
                }
            }
        }
        return out;
    }
}
