package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.params.Param;
import java.util.List;

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

    /** Computes one unit: a value for every observable, and its array observables. */
    UnitOutput run(Unit unit, Backend backend);

    /** Names of the array observables (each unit writes one .npy per name). */
    default List<String> arrayObservables() {
        return List.of();
    }

    /**
     * Relative cost of a unit at this point, for balancing shards: only ratios matter. The default
     * treats every point alike.
     */
    default double cost(Point point) {
        return 1.0;
    }

    /**
     * Bytes one unit at this point holds at its peak (disorder, states, temporaries), for refusing work
     * that cannot fit before it starts. An estimate, on the generous side.
     */
    default long memoryBytes(Point point) {
        return 1L << 20;
    }

    /** The parameter that sets a unit's size, named when a unit alone does not fit. */
    default String sizeParameter() {
        return "n";
    }

    /**
     * Lines for stderr about a combination that runs but is probably not what was meant (a schedule
     * that heats, a step far beyond stability); empty when nothing looks wrong.
     */
    default List<String> warnings(Point point) {
        return Warnings.of(point);
    }

    Figure figure();

    /** Theory lines for the figure, computed from what was run (none by default). */
    default List<TheoryCurve> theory(List<io.dismc.experiment.PointSummary> summaries, List<String> swept) {
        return List.of();
    }
}
