package io.dismc.theory.amp;

import io.dismc.amp.GaussBernoulliPrior;
import io.dismc.amp.SeTrajectory;
import io.dismc.amp.StateEvolution;
import io.dismc.amp.StateEvolutionGrid;
import io.dismc.amp.Thresholds;
import io.dismc.params.Param;
import io.dismc.theory.TheoryTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code theory se}: compressed-sensing state evolution alone (docs/models.md 4.4, 4.5) for a grid of
 * (rho, Delta, alpha), Gauss-Bernoulli(rho, 0, 1) signal: the Bayes-optimal AMP fixed points from the
 * uninformed and the informed start (E_0 = 1e-6) with their iteration counts, the l1-AMP fixed point at the
 * minimax threshold theta*(rho), and the thresholds alpha_BP(rho, Delta) (empty without a jump),
 * alpha_IT = rho (noiseless only) and alpha_l1(rho) (the Donoho-Tanner line). The same prior and channel
 * objects as the amp-cs experiment.
 */
public final class StateEvolutionTable extends TheoryTable {
    static final Param<Double> RHO = Param.real("rho", "0.2", 0, false, 1, true, "fraction of nonzero components rho = k/N");
    static final Param<Double> DELTA = Param.real("delta", "1e-8", 0, true, 1e6, true, "noise variance Delta");
    static final Param<Double> ALPHA = Param.real("alpha", "0.1:0.7:0.05", 0, false, 1000, true, "measurement rate alpha = M/N");
    static final List<String> COLUMNS = List.of("rho", "delta", "alpha", "mse_uninformed", "iterations_uninformed", "mse_informed",
            "iterations_informed", "mse_l1", "iterations_l1", "theta_l1", "alpha_bp", "alpha_it", "alpha_l1");

    public StateEvolutionTable() {
        super("se", "compressed-sensing state evolution: AMP fixed points (uninformed, informed, l1) and alpha_BP, alpha_IT, alpha_l1",
                List.of(RHO, DELTA, ALPHA), COLUMNS);
    }

    @Override
    public List<List<Object>> rows(Values v) {
        List<List<Object>> out = new ArrayList<>();
        for (double rho : v.get(RHO)) {
            Thresholds.L1Threshold l1 = Thresholds.l1(rho);
            GaussBernoulliPrior prior = GaussBernoulliPrior.standard(rho);
            for (double delta : v.get(DELTA)) {
                double bp = Thresholds.compressedSensingBp(rho, delta).orElse(Double.NaN);
                for (double alpha : v.get(ALPHA)) {
                    StateEvolution bayes = StateEvolution.bayesOptimal(prior, new io.dismc.amp.GaussianNoiseChannel(delta), alpha);
                    SeTrajectory u = bayes.uninformed(StateEvolutionGrid.MAX_ITERATIONS, StateEvolutionGrid.TOLERANCE);
                    SeTrajectory i = bayes.run(StateEvolutionGrid.INFORMED_START, StateEvolutionGrid.MAX_ITERATIONS, StateEvolutionGrid.TOLERANCE);
                    SeTrajectory s = StateEvolution.softThreshold(prior, l1.theta(), alpha, delta)
                            .uninformed(StateEvolutionGrid.MAX_ITERATIONS, StateEvolutionGrid.TOLERANCE);
                    out.add(List.of(rho, delta, alpha, u.fixedPoint(), u.iterations(), i.fixedPoint(), i.iterations(), s.fixedPoint(),
                            s.iterations(), l1.theta(), bp, delta == 0 ? Thresholds.compressedSensingIt(rho) : Double.NaN, l1.alpha()));
                }
            }
        }
        return out;
    }
}
