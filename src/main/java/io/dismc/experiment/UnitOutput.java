package io.dismc.experiment;

import io.dismc.data.NdArray;
import java.util.Map;

/**
 * What one unit produces: a value for every scalar observable (a column of results.csv) and any array
 * observables (overlap matrices, spectra: one .npy file each).
 */
public record UnitOutput(Map<String, Double> values, Map<String, NdArray> arrays) {
    public static UnitOutput of(Map<String, Double> values) {
        return new UnitOutput(values, Map.of());
    }
}
