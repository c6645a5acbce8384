package io.dismc.experiment;

import io.dismc.backend.Backend;
import io.dismc.data.NdArray;
import io.dismc.parallel.Parallel;
import io.dismc.params.Param;
import java.util.List;

/**
 * A named experiment: what is constant about it lives in its {@link Descriptor} (declared once), what
 * it computes in {@link #run(List, Backend)}, given a batch of units that may share launches. The
 * hooks below have defaults; an experiment overrides those it needs. Experiments hold no state
 * between batches.
 *
 * @param <R> the result record of one unit: one component per observable
 */
public abstract class Experiment<R extends Record> {
    private final Descriptor<R> descriptor;

    protected Experiment(Descriptor<R> descriptor) {
        this.descriptor = descriptor;
    }

    public final Descriptor<R> descriptor() {
        return descriptor;
    }

    public final String name() {
        return descriptor.name();
    }

    /** One line for {@code ./dismc list}. */
    public final String title() {
        return descriptor.title();
    }

    public final List<Param<?>> params() {
        return descriptor.params();
    }

    public final int defaultSamples() {
        return descriptor.defaultSamples();
    }

    /** Scalar observable names, in column order. */
    public final List<String> observables() {
        return descriptor.observables();
    }

    /** Observables shown in the terminal table (the rest are in the files). */
    public final List<String> tableObservables() {
        return descriptor.tableObservables();
    }

    /** Names of the array observables (each unit writes one .npy per name). */
    public final List<String> arrayObservables() {
        return descriptor.arrayObservables();
    }

    public final Figure figure() {
        return descriptor.figure();
    }

    /** The parameter that sets a unit's size, named when a unit alone does not fit. */
    public final String sizeParameter() {
        return descriptor.sizeParameter();
    }

    /**
     * Computes a batch of units: one result per unit, in the batch's order. Units of a batch share a
     * {@link #batchKey}, so they may share launches (a backend relaxes every replica of the batch in
     * one sweep launch, each with its own disorder); each unit still draws only from its own streams, so
     * its result is the same in any batch. The default computes the units one by one, in parallel.
     */
    public List<R> run(List<Unit> batch, Backend backend) {
        @SuppressWarnings("unchecked")
        R[] out = (R[]) new Record[batch.size()];
        Parallel.forEach(backend.pool(), batch.size(), k -> out[k] = unit(batch.get(k), backend));
        return List.of(out);
    }

    /** One unit alone: experiments that do not batch implement this instead of {@link #run}. */
    protected R unit(Unit unit, Backend backend) {
        throw new UnsupportedOperationException(name() + " computes batches only");
    }

    /**
     * Which units may share a batch: those whose points have equal keys. The default groups the samples
     * of one point; an experiment whose points of equal shapes can share launches returns the shapes.
     */
    public Object batchKey(Point point) {
        return point.index();
    }

    /**
     * Defaults that depend on the options given (a protocol's own sizes): parameter name to default text, used for the
     * parameters not given. None by default (every parameter takes its declared default).
     */
    public java.util.Map<String, String> defaults(java.util.Map<String, String> given) {
        return java.util.Map.of();
    }

    /** Checks a combination of values; throws a UsageError naming the option. */
    public void validate(Point point) {}

    /**
     * Relative cost of a unit at this point, for balancing shards: only ratios matter. The default
     * treats every point alike.
     */
    public double cost(Point point) {
        return 1.0;
    }

    /**
     * Bytes one unit at this point holds at its peak (disorder, states, temporaries), for refusing work
     * that cannot fit before it starts and for sizing batches. An estimate, on the generous side.
     */
    public long memoryBytes(Point point) {
        return 1L << 20;
    }

    /**
     * Lines for stderr about a combination that runs but is probably not what was meant (a schedule
     * that heats, a step far beyond stability); empty when nothing looks wrong.
     */
    public List<String> warnings(Point point) {
        return Warnings.of(point);
    }

    /** Theory lines for the figure, computed from what was run (none by default). */
    public List<TheoryCurve> theory(List<PointSummary> summaries, List<String> swept) {
        return List.of();
    }

    /** A result as the run folder stores it. */
    public final UnitOutput output(R result) {
        return descriptor.output(result);
    }

    /** Casts a batch's results for {@link #output}; the runner holds experiments as {@code Experiment<?>}. */
    @SuppressWarnings("unchecked")
    public final UnitOutput outputOf(Object result) {
        return descriptor.output((R) result);
    }

    /** An array observable of shape dims over the values in C order. */
    protected static NdArray array(double[] values, int... dims) {
        return new NdArray(dims, values);
    }
}
