package io.dismc.run;

import java.util.Map;

/**
 * A finished unit as the journal keeps it: the sweep it belongs to (the spec hash and seed, so a record
 * from another sweep is recognized even where its parameters match), its coordinates (point index and
 * key, sample), its scalar observables, the run-folder paths of its array observables, and its compute
 * time.
 */
public record UnitRecord(String sweep, long seed, int point, int sample, String pointKey, Map<String, Double> values,
                         Map<String, String> arrays, double seconds) {

    /** Orders records as results.csv lists them. */
    public static final java.util.Comparator<UnitRecord> ORDER =
            java.util.Comparator.comparingInt(UnitRecord::point).thenComparingInt(UnitRecord::sample);

    /** The record of a unit of the given sweep whose arrays were written at the given folder paths. */
    public static UnitRecord of(String sweepHash, UnitResult r, Map<String, String> arrayPaths) {
        return new UnitRecord(sweepHash, r.unit().seed(), r.unit().point().index(), r.unit().sample(), key(r.unit().point().key()),
                r.observables(), arrayPaths, r.seconds());
    }

    public static String key(long pointKey) {
        return String.format("%016x", pointKey);
    }

    /** Whether this record was made by the sweep with this hash and seed. */
    public boolean belongsTo(String sweepHash, long sweepSeed) {
        return sweepHash.equals(sweep) && seed == sweepSeed;
    }
}
