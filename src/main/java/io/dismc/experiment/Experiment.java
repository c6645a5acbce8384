package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.cli.Param;
import java.util.List;
import java.util.Map;

/**
 * A named experiment: its parameters (each a possible sweep axis), the observables one unit
 * produces, and how to compute a unit. Experiments hold no state between units.
 */
public interface Experiment {
    String name();

    /** One line for {@code ./dismc list}. */
    String title();

    List<Param> params();

    int defaultSamples();

    /** Observable names, in column order. */
    List<String> observables();

    /** Observables shown in the terminal table (the rest are in the files). */
    List<String> tableObservables();

    /** Checks a combination of values; throws a UsageError naming the option. */
    default void validate(Point point) {}

    /** Computes one unit; returns a value for every observable. */
    Map<String, Double> run(Unit unit, Backend backend);

    Figure figure();
}
