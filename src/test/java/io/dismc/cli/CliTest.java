package io.dismc.cli;

import io.dismc.params.ValueList;
import io.dismc.params.Param;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dismc.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input exits with code 2 and one line naming the option; good input writes a complete run folder. */
class CliTest {

    record Outcome(int code, String out, String err) {}

    static Outcome dismc(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} -> mentions {1}")
    @CsvSource(delimiter = '|', value = {
        "run hopfield --n 0 | --n",
        "run hopfield --n -5 | --n",
        "run hopfield --n 1000.5 | --n",
        "run hopfield --alpha -0.1 | --alpha",
        "run hopfield --alpha NaN | --alpha",
        "run hopfield --alpha 0.1,abc | --alpha",
        "run hopfield --alpha 0.1,,0.2 | --alpha",
        "run hopfield --alpha 0.05:0.2:0 | --alpha",
        "run hopfield --alpha 0.2:0.05:0.01 | --alpha",
        "run hopfield --alpha 0.0001 | --alpha",
        "run hopfield --samples 0 | --samples",
        "run hopfield --samples x | --samples",
        "run hopfield --temperature -1 | --temperature",
        "run hopfield --flip-fraction 0.7 | --flip-fraction",
        "run hopfield --max-sweeps 0 | --max-sweeps",
        "run hopfield --rule boltzmann | --rule",
        "run hopfield --threads 0 | --threads",
        "run hopfield --seed 1.5 | --seed",
        "run hopfield --backend gpu | --backend",
        "run hopfield --alpha 0.1 --alpha 0.2 | --alpha",
        "run hopfield --alpha | --alpha",
        "run hopfield --frobnicate 3 | --frobnicate",
        "run hopfield --alp 0.1 | --alp",
        "run hopfield stray | stray",
        "run nosuchmodel | nosuchmodel",
        "frobnicate | frobnicate",
        "run rfhm --latents sparse --sparsity 50 --alpha-d 0.01 | --sparsity",
        "run rfhm --alpha-d -1 | --alpha-d",
        "run rfhm-unseen --alpha-d 0.001 | --alpha-d",
        "run hopfield --form j --n 50000 --alpha 0.01 | --n",
        "run perceptron-capacity --solver lp --kappa 0.5 | --solver",
        "run perceptron-capacity --weights binary --solver gd | --solver",
        "run perceptron-capacity --loss-exponent 3 | --loss-exponent",
        "run binary-committee --k 2 | --k",
        "run teacher-student --lambda 1 --eta 3 | --lambda",
        "run transfer --delta 1 | --delta",
        "run transfer --alignment 1.5 | --alignment",
        "run bayes-kernel --step 1 | --step",
        "run bayes-kernel --activation tanh | --activation",
        "run geodesic --kappa-high -1 | --kappa-high",
        "run geodesic --loss-exponent 0 | --loss-exponent",
        "run spectra --parameterization xyz | --parameterization",
        "bench --only everything | --only",
        "bench --threads 0 | --threads",
        "run hopfield --alpha 0.1,0.1 | listed more than once",
        "run hopfield --alpha 0.05,0.05:0.2:0.05 | --alpha: 0.05 is listed more than once",
        "run hopfield --seed 18446744073709551616 | --seed: '18446744073709551616' is out of range",
        "run hopfield --spec /dev/zero | --spec: /dev/zero is larger than 1 MiB",
        "run --resume /nonexistent-dismc-folder | does not exist",
        "run --resume pom.xml | is a file, not a folder",
        "merge /nonexistent-dismc-folder | merge: /nonexistent-dismc-folder does not exist",
        "plot pom.xml | plot: pom.xml is a file, not a folder",
        "list extra | list: takes no arguments",
        "info extra | info: takes no arguments",
        "version extra | version: takes no arguments",
        "run rfhm --n 100000 --alpha 0.2 --alpha-d 0.2 --threads 1 | --n: a unit of rfhm at n = 100000",
        "run rfhm --n 20000 --alpha 0.3 --alpha-d 0.3 --threads 8 | --threads: a unit of rfhm",
    })
    void badInputIsOneLineAndExitCodeTwo(String command, String mention) {
        Outcome o = dismc(command.trim().split("\\s+"));
        assertEquals(2, o.code(), "exit code for: " + command + "\n" + o.err());
        List<String> lines = o.err().lines().toList();
        assertEquals(1, lines.size(), "one line for: " + command + "\n" + o.err());
        assertTrue(lines.get(0).contains(mention.trim()), "message names the option: " + lines.get(0));
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
        assertTrue(o.out().isEmpty(), "nothing on stdout for bad input");
    }

    @Test
    void seedsSpanAllSixtyFourBits(@TempDir Path tmp) throws Exception {
        String[] sweep = {"run", "hopfield", "--n", "60", "--alpha", "0.1", "--samples", "2", "--quiet", "--no-plot", "--backend", "cpu"};
        Outcome unsigned = dismc(concat(sweep, "--seed", "18446744073709551615", "--out", tmp.resolve("u").toString()));
        Outcome signed = dismc(concat(sweep, "--seed", "-1", "--out", tmp.resolve("s").toString()));
        assertEquals(0, unsigned.code(), unsigned.err());
        assertEquals(0, signed.code(), signed.err());
        assertEquals(Files.readString(tmp.resolve("s/results.csv")), Files.readString(tmp.resolve("u/results.csv")));
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void sweepFilesThatAreNotTextAreNamedAsSuch(@TempDir Path tmp) throws Exception {
        Path latin1 = tmp.resolve("latin1.properties");
        Files.write(latin1, "n = 100 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Outcome o = dismc("run", "hopfield", "--spec", latin1.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("is not UTF-8 text") && !o.err().contains("Input length"), o.err());
        Path longLine = tmp.resolve("long.properties");
        Files.writeString(longLine, "alpha = " + "0.1,".repeat(5000) + "0.2\n");
        o = dismc("run", "hopfield", "--spec", longLine.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("line 1 is longer than"), o.err());
        o = dismc("run", "hopfield", "--spec", tmp.resolve("absent.properties").toString());
        assertTrue(o.err().contains("does not exist"), o.err());
    }

    @Test
    void damagedRunRecordsAndUnwritableFigureFoldersAreClearErrors(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, dismc("run", "hopfield", "--n", "60", "--alpha", "0.1", "--samples", "2", "--quiet", "--no-plot",
                "--backend", "cpu", "--out", dir.toString()).code());
        Outcome ro = dismc("plot", dir.toString(), "--out", "/proc/dismc-figures");
        assertEquals(2, ro.code(), ro.err());
        assertTrue(ro.err().startsWith("dismc: --out: cannot write the figures in /proc/dismc-figures"), ro.err());
        assertFalse(ro.err().contains("Exception"), ro.err());
        Files.writeString(dir.resolve("run.json"), "{ \"experiment\": \"hopfield\", ");
        for (String[] cmd : List.of(new String[] {"plot", dir.toString()}, new String[] {"run", "--resume", dir.toString()},
                new String[] {"merge", dir.toString()})) {
            Outcome o = dismc(cmd);
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("run.json is damaged (not valid JSON at line"), o.err());
            assertFalse(o.err().contains("Unexpected end-of-input"), "no parser message: " + o.err());
        }
    }

    @Test
    void likelyMistakesRunButAreWarnedAbout(@TempDir Path tmp) {
        Outcome heats = dismc("run", "perceptron-capacity", "--weights", "binary", "--beta0", "100", "--beta1", "1", "--n", "21",
                "--alpha", "0.3", "--samples", "1", "--max-steps", "20", "--quiet", "--no-plot", "--out", tmp.resolve("a").toString());
        assertEquals(0, heats.code(), heats.err());
        assertTrue(heats.err().contains("warning: --beta0 100.0 > --beta1 1.0: the annealing schedule heats"), heats.err());
        Outcome cools = dismc("run", "perceptron-capacity", "--weights", "binary", "--n", "21", "--alpha", "0.3", "--samples", "1",
                "--max-steps", "20", "--quiet", "--no-plot", "--out", tmp.resolve("b").toString());
        assertFalse(cools.err().contains("warning"), cools.err());
        Outcome eta = dismc("run", "teacher-student", "--eta", "1e6", "--n", "10", "--alpha", "1", "--steps", "5", "--samples", "1",
                "--test-size", "10", "--quiet", "--no-plot", "--out", tmp.resolve("c").toString());
        assertTrue(eta.err().contains("warning: --eta 1000000.0 is far beyond"), eta.err());
        Outcome device = dismc("run", "hopfield", "--n", "60", "--alpha", "0.1", "--samples", "1", "--device", "3", "--quiet",
                "--no-plot", "--out", tmp.resolve("d").toString());
        boolean gpu = device.err().contains("using cuda");
        assertTrue(gpu || device.err().contains("warning: --device 3 is ignored: the run uses the CPU"), device.err());
    }

    @Test
    void cudaWithoutAGpuIsAClearErrorAndLeavesNothingBehind(@TempDir Path tmp) {
        Path dir = tmp.resolve("never");
        Outcome o = dismc("run", "hopfield", "--backend", "cuda", "--alpha", "0.1", "--samples", "1", "--out", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("dismc: --backend cuda:"), o.err());
        assertEquals(1, o.err().lines().count());
        assertFalse(Files.exists(dir), "a failed start must not create the run folder");
    }

    @Test
    void runWritesResultsSummaryMetadataAndFigure(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        Outcome o = dismc("run", "rfhm", "--n", "300", "--alpha", "0.05,0.2", "--alpha-d", "0.02,0.3", "--samples", "2",
                "--seed", "7", "--out", dir.toString(), "--quiet", "--backend", "cpu", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("m_pattern") && o.out().contains("m_feature") && o.out().contains("±"), o.out());
        List<String> results = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(1 + 2 * 2 * 2, results.size());
        assertTrue(results.get(0).startsWith("n,alpha,alpha_d,features,latents,"), results.get(0));
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(1 + 4, summary.size());
        assertTrue(summary.get(0).contains("m_feature_mean,m_feature_se"));
        JsonNode info = new ObjectMapper().readTree(dir.resolve("run.json").toFile());
        assertEquals(7, info.get("spec").get("seed").asLong());
        assertEquals("cpu", info.get("sessions").get(0).get("backend").asText());
        assertEquals(8, info.get("units").asInt());
        assertEquals("complete", info.get("status").asText());
        assertEquals(2, info.get("spec").get("parameters").get("alpha").size());
        for (String png : List.of("figure.png", "heatmap-m_feature.png", "heatmap-m_pattern.png")) {
            assertTrue(Files.size(dir.resolve(png.replace(".png", ".svg"))) > 1000, png + " has its SVG twin");
            byte[] b = Files.readAllBytes(dir.resolve(png));
            assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', png);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
        // the same command into a non-empty folder is refused, and nothing there is touched
        byte[] before = Files.readAllBytes(dir.resolve("results.csv"));
        Outcome again = dismc("run", "rfhm", "--out", dir.toString(), "--quiet");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("--out"));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("results.csv"))));
    }

    @Test
    void listShowsEveryExperimentWithDefaults() {
        Outcome o = dismc("list");
        assertEquals(0, o.code());
        for (String name : List.of("hopfield", "rfhm", "rfhm-unseen", "--alpha-d", "0.01,0.03,0.1,0.3", "{gaussian|binary|sparse}",
                "{glauber|metropolis}")) {
            assertTrue(o.out().contains(name), name);
        }
        for (String common : List.of("--samples", "--seed", "--spec FILE", "--shard i/n", "--device", "--rng", "--no-plot", "--resume DIR",
                "--threads", "--backend", "--out", "--quiet")) {
            assertTrue(o.out().contains("    " + common), "common option " + common);
        }
        // every parameter row puts its default in one column, however long the option's name
        java.util.Set<Integer> defaultColumns = new java.util.TreeSet<>();
        for (String line : o.out().lines().toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^    (--[a-z0-9-]+)( +)\\S").matcher(line);
            if (m.find() && !line.contains(" FILE ") && o.out().indexOf(line) < o.out().indexOf("Options common")) {
                defaultColumns.add(m.end() - 1);
            }
        }
        assertEquals(1, defaultColumns.size(), "default column positions: " + defaultColumns);
    }

    @Test
    void rangesExpandInclusively() {
        Param<?> alpha = Param.real("alpha", "", 0, false, 10, true, "");
        List<Object> v = ValueList.parse(alpha, "0.05:0.2:0.01");
        assertEquals(16, v.size());
        assertEquals(0.05, v.get(0));
        assertEquals(0.08, v.get(3));
        assertEquals(0.2, v.get(15));
        assertEquals(List.of(0.01, 0.1, 1.0), ValueList.parse(alpha, "0.01:1:*10"));
        assertEquals(List.of(0.3, 0.05, 0.06), ValueList.parse(alpha, "0.3, 0.05:0.06:0.01"));
        Param<?> n = Param.integer("n", "", 2, 100000, "");
        assertEquals(List.of(1000, 2000, 3000), ValueList.parse(n, "1000:3000:1000"));
        assertEquals(List.of(1000), ValueList.parse(n, "1e3"));
    }
}
