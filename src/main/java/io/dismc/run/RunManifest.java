package io.dismc.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dismc.Version;
import io.dismc.params.Param;
import io.dismc.params.UsageError;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Experiments;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * run.json: what the folder holds (the sweep, its hash, the shard), how it was made (dismc version and
 * commit, one entry per session: host, backend, threads, rng, wall time, the command) and how far it
 * got. Written when a run starts and again when it ends, atomically.
 */
public final class RunManifest {
    public static final String FILE = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root;

    private RunManifest(ObjectNode root) {
        this.root = root;
    }

    /** A new run of a sweep's shard. */
    public static RunManifest create(Sweep sweep, Shard shard, int units) {
        ObjectNode r = JSON.createObjectNode();
        r.put("format", 1);
        r.put("experiment", sweep.experiment().name());
        r.put("title", sweep.experiment().title());
        ObjectNode spec = r.putObject("spec");
        ObjectNode params = spec.putObject("parameters");
        sweep.values().forEach((k, v) -> params.set(k, JSON.valueToTree(v)));
        spec.put("samples", sweep.samples());
        spec.put("seed", sweep.seed());
        r.put("spec_hash", sweep.hash());
        r.put("shard", shard.toString());
        r.put("units", units);
        r.put("units_done", 0);
        r.put("status", "running");
        r.put("dismc_version", Version.version());
        r.put("git_commit", Version.commit());
        r.set("observables", JSON.valueToTree(sweep.experiment().observables()));
        r.set("array_observables", JSON.valueToTree(sweep.experiment().arrayObservables()));
        r.putArray("sessions");
        return new RunManifest(r);
    }

    /** Reads DIR/run.json; a clear error when the folder or the file is missing, unreadable or damaged. */
    public static RunManifest read(Path dir, String option) {
        RunFolder.checkRunFolder(dir, option);
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw UsageError.about(option, dir + " holds no " + FILE + " (not a run folder, or one whose run never started)",
                    "a run folder written by dismc");
        }
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw UsageError.about(option, file + " is damaged (not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ")", "a run folder written by dismc, its run.json unedited");
        } catch (IOException e) {
            throw UsageError.about(option, "cannot read " + file + " (" + IoMessages.reason(e) + ")", "a readable run folder");
        }
        if (!(n instanceof ObjectNode o) || !o.has("spec_hash") || !o.has("spec") || !o.has("experiment")) {
            throw UsageError.about(option, file + " is not a dismc run record", "a run folder written by dismc");
        }
        return new RunManifest(o);
    }

    public Experiment experiment() {
        return Experiments.byName(root.get("experiment").asText());
    }

    /** The sweep recorded here, typed by the experiment's parameters; its hash must match the record. */
    public Sweep sweep(String option, Path dir) {
        Experiment<?> e = experiment();
        JsonNode spec = root.get("spec");
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Param<?> p : e.params()) {
            JsonNode list = spec.get("parameters").get(p.name());
            if (list == null || !list.isArray()) {
                throw UsageError.about(option, dir + "/" + FILE + " lacks parameter " + p.name(), "a run folder of this dismc version");
            }
            List<Object> v = new ArrayList<>();
            for (JsonNode x : list) {
                v.add(switch (p.kind()) {
                    case INT -> x.asInt();
                    case REAL -> x.asDouble();
                    case CHOICE -> x.asText();
                });
            }
            values.put(p.name(), v);
        }
        Sweep s = new Sweep(e, values, spec.get("samples").asInt(), spec.get("seed").asLong());
        if (!s.hash().equals(specHash())) {
            throw UsageError.about(option, dir + "/" + FILE + " was edited: its spec no longer matches its spec_hash",
                    "an unedited run folder");
        }
        return s;
    }

    public String specHash() {
        return root.get("spec_hash").asText();
    }

    public Shard shard() {
        return Shard.parse(root.get("shard").asText());
    }

    public String version() {
        return root.get("dismc_version").asText();
    }

    public String commit() {
        return root.get("git_commit").asText();
    }

    public String status() {
        return root.get("status").asText();
    }

    /** Refuses to continue or merge a folder made by a different dismc: results could differ. */
    public void checkSameEngine(String option, Path dir) {
        String mine = Version.version() + " (" + Version.commit() + ")";
        boolean commitsKnown = !commit().equals("unknown") && !Version.commit().equals("unknown");
        if (!version().equals(Version.version()) || (commitsKnown && !commit().equals(Version.commit()))) {
            throw UsageError.about(option, dir + " was made by dismc " + version() + " (" + commit() + "), this is dismc " + mine
                    + ": results could differ", "folders made by this dismc version");
        }
    }

    /** Records a session (a fresh start or a resume) about to run. */
    public ObjectNode beginSession(String backend, String backendDescription, int threads, String rng, String[] args) {
        ObjectNode s = ((ArrayNode) root.get("sessions")).addObject();
        s.put("started", Instant.now().toString());
        s.put("host", host());
        s.put("backend", backend);
        s.put("backend_description", backendDescription);
        s.put("threads", threads);
        s.put("rng", rng);
        // cuRAND draws are not addressed like dismc's Philox streams: such a run has no CPU twin
        s.put("cross_backend_reproducible", rng.equals("philox"));
        s.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        s.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        s.put("command", "./dismc " + String.join(" ", args));
        return s;
    }

    /** Final state: units done, per-unit compute seconds (results.csv order), the session's wall time. */
    public void finish(ObjectNode session, int done, int units, List<Double> unitSeconds, double wallSeconds, int unitsRun) {
        root.put("units_done", done);
        root.put("status", done == units ? "complete" : "incomplete");
        if (session != null) {
            session.put("units_run", unitsRun);
            session.put("wall_seconds", wallSeconds);
        }
        root.set("unit_seconds", JSON.valueToTree(unitSeconds));
    }

    /** A session stopped by a signal: the units kept so far, and the session's share of them. */
    public void interrupt(ObjectNode session, int done, int unitsRun, double wallSeconds) {
        root.put("units_done", done);
        root.put("status", "interrupted");
        if (session != null) {
            session.put("units_run", unitsRun);
            session.put("wall_seconds", wallSeconds);
            session.put("ended_by", "signal");
        }
    }

    /**
     * The backend's counters of a session (launches, replicas per sweep launch, bytes each way,
     * allocations, synchronizations, units), in the session and as the run's latest.
     */
    public void setCounters(ObjectNode session, io.dismc.backend.DeviceCounters c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("launches", c.launches());
        o.put("sweep_launch_replicas_mean", c.sweepLaunchReplicasMean());
        o.put("sweep_launch_replicas_max", c.sweepLaunchReplicasMax());
        o.put("bytes_host_to_device", c.bytesHostToDevice());
        o.put("bytes_device_to_host", c.bytesDeviceToHost());
        o.put("allocations", c.allocations());
        o.put("synchronizations", c.synchronizations());
        o.put("units", c.units());
        if (session != null) {
            session.set("device_counters", o.deepCopy());
        }
        root.set("device_counters", o);
    }

    /**
     * What the session needed: the estimate of the largest unit (what MemoryBudget checked), the peak
     * heap the JVM actually used, and the heap it was allowed.
     */
    public void setMemory(ObjectNode session, long unitEstimate, long peakHeap, long maxHeap) {
        if (session != null) {
            ObjectNode o = session.putObject("memory");
            o.put("unit_estimate_bytes", unitEstimate);
            o.put("peak_heap_bytes", peakHeap);
            o.put("max_heap_bytes", maxHeap);
        }
    }

    public void setSources(List<String> dirs) {
        root.set("merged_from", JSON.valueToTree(dirs));
    }

    public void setShard(Shard s, int units) {
        root.put("shard", s.toString());
        root.put("units", units);
    }

    public void write(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), JSON.writeValueAsString(root) + "\n");
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
