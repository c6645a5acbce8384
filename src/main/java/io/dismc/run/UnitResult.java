package io.dismc.run;

import io.dismc.experiment.Unit;
import java.util.Map;

/** What one unit produced, and how long it took. */
public record UnitResult(Unit unit, Map<String, Double> observables, double seconds) {}
