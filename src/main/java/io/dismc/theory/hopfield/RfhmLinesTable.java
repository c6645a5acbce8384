package io.dismc.theory.hopfield;

import io.dismc.params.Param;
import io.dismc.theory.TheoryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code theory rfhm}: the RFHM's RS storage and learning lines vs alpha_D, either variant of the
 * learning line (docs/models.md 1.4). The storage line is the published RS line, which zero-temperature
 * simulations do not follow at small alpha_D: not a target.
 */
public final class RfhmLinesTable extends TheoryTable {
    static final Param<Double> ALPHA_D = Param.real("alpha-d", "0.005,0.01,0.02,0.05,0.1,0.2,0.5,1", 0, false, 100, true,
            "feature density alpha_D = D/N");
    static final Param<String> VARIANT = Param.choice("variant", "consistent", List.of("consistent", "published"),
            "learning line: consistent RS equations, or the authors' published code");

    public RfhmLinesTable() {
        super("rfhm", "RFHM replica-symmetric storage and learning lines", List.of(ALPHA_D, VARIANT),
                List.of("alpha_d", "variant", "alpha_storage", "alpha_learning"));
    }

    @Override
    public List<List<Object>> rows(Values v) {
        List<List<Object>> out = new ArrayList<>();
        for (double alphaD : v.get(ALPHA_D)) {
            for (String variant : v.get(VARIANT)) {
                RfhmLines.Row r = RfhmLines.row(alphaD, RfhmVariant.valueOf(variant.toUpperCase(Locale.ROOT)));
                out.add(List.of(r.alphaD(), variant, r.alphaStorage(), r.alphaLearning()));
            }
        }
        return out;
    }
}
