package io.dismc.run;

import io.dismc.data.NdArray;
import io.dismc.experiment.Unit;
import java.util.Map;

/** What one unit produced (scalar observables and array observables), and how long it took. */
public record UnitResult(Unit unit, Map<String, Double> observables, Map<String, NdArray> arrays, double seconds) {}
