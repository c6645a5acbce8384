package io.dismc.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dismc.experiment.Experiment;
import io.dismc.experiment.Point;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * units.jsonl, the run's source of truth: one JSON object per finished unit, appended and fsync'd as
 * the unit completes, each ending in a CRC32 of the rest of its line. A line cut short by a kill, or
 * damaged, fails its check and is dropped on load, so its unit is computed again; nothing valid is
 * ever lost or mixed with a broken record.
 */
public final class Journal implements AutoCloseable {
    public static final String FILE = "units.jsonl";
    private static final String CRC_FIELD = ",\"crc\":\"";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private final FileChannel channel;

    private Journal(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    private final Path file;

    /** Opens for appending (creating the file if needed). */
    public static Journal open(Path dir) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        AtomicFiles.syncDirectory(dir);
        return new Journal(ch, dir.resolve(FILE));
    }

    /** Appends one record and forces it to disk before returning. */
    public synchronized void append(UnitRecord r) throws IOException {
        WriteFaults.check(file);
        ByteBuffer buf = ByteBuffer.wrap((line(r) + "\n").getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static String line(UnitRecord r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sweep", r.sweep());
        o.put("seed", r.seed());
        o.put("point", r.point());
        o.put("sample", r.sample());
        o.put("key", r.pointKey());
        ObjectNode v = o.putObject("values");
        r.values().forEach(v::put);
        if (!r.arrays().isEmpty()) {
            ObjectNode a = o.putObject("arrays");
            r.arrays().forEach(a::put);
        }
        o.put("seconds", r.seconds());
        String json = o.toString();
        return json.substring(0, json.length() - 1) + CRC_FIELD + crc(json) + "\"}";
    }

    static String crc(String text) {
        CRC32 c = new CRC32();
        c.update(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", c.getValue());
    }

    /** Valid records (first occurrence of each unit) and a line per problem found. */
    public record Loaded(List<UnitRecord> records, List<String> problems) {}

    /**
     * Reads the journal and keeps the records that pass their checksum and belong to this sweep: made by
     * it (its hash and seed), a known point with the same key, a sample in range, every observable, every
     * array file present. Anything else is reported and its unit redone, never merged.
     */
    public static Loaded load(Path dir, Sweep sweep, List<Point> points) throws IOException {
        Experiment<?> e = sweep.experiment();
        int samples = sweep.samples();
        String hash = sweep.hash();
        Path file = dir.resolve(FILE);
        List<UnitRecord> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Loaded(records, problems);
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        Map<Long, UnitRecord> seen = new LinkedHashMap<>();
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            boolean last = k == lines.length - 1;
            if (line.isEmpty()) {
                continue;
            }
            if (last) {
                problems.add(FILE + ": the last record was cut short (the run was killed while writing it); its unit is redone");
                continue;
            }
            UnitRecord r = parse(line);
            String where = FILE + " line " + (k + 1);
            if (r == null) {
                problems.add(where + " is damaged (checksum mismatch); its unit is redone");
                continue;
            }
            if (!r.belongsTo(hash, sweep.seed())) {
                problems.add(where + " was written by another sweep (" + (r.sweep() == null ? "no sweep hash"
                        : "sweep " + abbreviate(r.sweep()) + ", seed " + Long.toUnsignedString(r.seed())) + "; this run is sweep "
                        + abbreviate(hash) + ", seed " + Long.toUnsignedString(sweep.seed()) + "); its unit is redone");
                continue;
            }
            if (r.point() < 0 || r.point() >= points.size() || r.sample() < 0 || r.sample() >= samples
                    || !r.pointKey().equals(UnitRecord.key(points.get(r.point()).key()))) {
                problems.add(where + " belongs to another sweep (point " + r.point() + ", sample " + r.sample() + "); ignored");
                continue;
            }
            if (!r.values().keySet().containsAll(e.observables())) {
                problems.add(where + " lacks observables; its unit is redone");
                continue;
            }
            boolean arraysPresent = r.arrays().keySet().containsAll(e.arrayObservables())
                    && r.arrays().values().stream().allMatch(p -> Files.exists(dir.resolve(p)));
            if (!arraysPresent) {
                problems.add(where + " refers to a missing array file; its unit is redone");
                continue;
            }
            long id = (long) r.point() * samples + r.sample();
            UnitRecord before = seen.putIfAbsent(id, r);
            if (before != null && !before.values().equals(r.values())) {
                problems.add(where + " repeats point " + r.point() + " sample " + r.sample() + " with different values; the first is kept");
            }
        }
        records.addAll(seen.values());
        return new Loaded(records, problems);
    }

    /** The record of a line whose checksum holds, else null. */
    static UnitRecord parse(String line) {
        int at = line.lastIndexOf(CRC_FIELD);
        if (at < 0 || !line.endsWith("\"}")) {
            return null;
        }
        String body = line.substring(0, at) + "}";
        String crc = line.substring(at + CRC_FIELD.length(), line.length() - 2);
        if (!crc.equals(crc(body))) {
            return null;
        }
        try {
            JsonNode o = JSON.readTree(body);
            Map<String, Double> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.get("values").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                values.put(f.getKey(), f.getValue().asDouble());
            }
            Map<String, String> arrays = new LinkedHashMap<>();
            if (o.has("arrays")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = o.get("arrays").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    arrays.put(f.getKey(), f.getValue().asText());
                }
            }
            return new UnitRecord(o.hasNonNull("sweep") ? o.get("sweep").asText() : null,
                    o.hasNonNull("seed") ? o.get("seed").asLong() : 0, o.get("point").asInt(), o.get("sample").asInt(), o.get("key").asText(), values, arrays,
                    o.get("seconds").asDouble());
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** Replaces the journal with exactly these records (atomically), dropping damaged lines for good. */
    public static void rewrite(Path dir, List<UnitRecord> records) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (UnitRecord r : records) {
            sb.append(line(r)).append('\n');
        }
        AtomicFiles.write(dir.resolve(FILE), sb.toString());
    }
}
