package io.dismc.theory.hopfield;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFHM phase-diagram lines at given alpha_D, for {@code dismc theory rfhm} (docs/models.md, section
 * RFHM theory): the storage line alpha_c(alpha_D) of {@link RfhmStorageTheory} (the published RS line,
 * identical in both variants and not followed by zero-T simulations at alpha_D &lt;~ 0.2) and the learning
 * line alpha_L(alpha_D) of {@link RfhmLearningTheory} in the chosen variant (NaN for alpha_D &gt;= 0.1379,
 * where there is no learning phase).
 */
public final class RfhmLines {
    private RfhmLines() {}

    /** One row: alpha_d, variant, alpha_storage, alpha_learning (NaN where a line does not exist). */
    public record Row(double alphaD, RfhmVariant variant, double alphaStorage, double alphaLearning) {}

    public static Row row(double alphaD, RfhmVariant variant) {
        return new Row(alphaD, variant, RfhmStorageTheory.storageLoad(alphaD), new RfhmLearningTheory(variant).learningLoad(alphaD));
    }

    public static List<Row> table(List<Double> alphaDs, RfhmVariant variant) {
        RfhmLearningTheory learning = new RfhmLearningTheory(variant);
        List<Row> rows = new ArrayList<>();
        for (double aD : alphaDs) {
            rows.add(new Row(aD, variant, RfhmStorageTheory.storageLoad(aD), learning.learningLoad(aD)));
        }
        return rows;
    }
}
