package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dismc.testing.Dismc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * results.csv of small runs of every experiment, value for value (as text, so bit for bit) against files
 * saved before a change (test-data/golden). A change that means to alter results regenerates them with
 * {@code mvn test -Dtest=GoldenResultsTest -Ddismc.golden.write=true} and says so in its commit.
 */
class GoldenResultsTest {
    static final Path GOLDEN = Path.of("test-data", "golden");

    static Stream<Arguments> cases() {
        return Stream.of(
                c("hopfield", "hopfield --n 200 --alpha 0.05,0.15 --samples 3"),
                c("hopfield-j", "hopfield --n 200 --alpha 0.1 --form j --temperature 0,0.3 --samples 2"),
                c("hopfield-metropolis", "hopfield --n 150 --alpha 0.08 --form pattern --rule metropolis --temperature 0.2 --flip-fraction 0.1 --samples 2"),
                c("rfhm", "rfhm --n 200 --alpha 0.05,0.2 --alpha-d 0.02,0.2 --samples 3"),
                c("rfhm-j", "rfhm --n 200 --alpha 0.1,0.3 --alpha-d 0.05 --form j --latents binary --samples 2"),
                c("rfhm-gaussian-sparse", "rfhm --n 150 --alpha 0.2 --alpha-d 0.1 --features gaussian --latents sparse --samples 2"),
                c("rfhm-unseen", "rfhm-unseen --n 400 --alpha 0.05,0.3 --alpha-d 0.02 --probes 2 --samples 2"),
                c("perceptron-capacity", "perceptron-capacity --n 60 --alpha 0.5,1.5 --samples 3 --max-steps 500"),
                c("perceptron-capacity-binary", "perceptron-capacity --n 41 --alpha 0.3,0.8 --weights binary --samples 3 --max-steps 300"),
                c("perceptron-teacher", "perceptron-teacher --n 60 --alpha 1,2 --samples 2 --test-size 500 --max-steps 500"),
                c("local-energy", "local-energy --n 61 --samples 2 --moves 5 --max-steps 500"),
                c("geodesic", "geodesic --n 60 --alpha 0.5,1 --samples 2 --path-points 11 --simplex-samples 20 --max-steps 500"),
                c("binary-committee", "binary-committee --n 21 --alpha 0.5,1 --k 1,3 --samples 2 --test-size 200 --max-steps 200"),
                c("teacher-student", "teacher-student --n 20 --alpha 0.5,1 --samples 2 --steps 300 --test-size 200"),
                c("bayes-kernel", "bayes-kernel --n 8 --k 32 --gamma 0.5,1 --burn-in 100 --draws 10 --samples 1 --test-size 100"),
                c("transfer", "transfer --n 20 --steps 200 --alignment 0,0.9 --delta 0,0.1 --samples 2 --test-size 200"),
                c("spectra", "spectra --n 16 --k 16,32 --eta 0.3,1 --steps 50 --samples 1 --test-size 200"),
                c("amp-cs", "amp-cs --n 200 --alpha 0.3,0.6 --samples 2 --max-iterations 30"),
                c("amp-cs-l1-informed", "amp-cs --n 200 --alpha 0.5 --algorithm l1 --start uninformed,informed --damping 0.3 --samples 2"
                        + " --max-iterations 30"),
                c("amp-perceptron", "amp-perceptron --n 150 --alpha 1,2 --samples 2 --test-examples 200 --max-iterations 30"));
    }

    static Arguments c(String name, String args) {
        return Arguments.of(name, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resultsAreUnchanged(String name, String args, @TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(Arrays.asList(args.split(" ")));
        a.addAll(List.of("--out", out.toString(), "--quiet", "--no-plot", "--backend", "cpu", "--threads", "2"));
        Dismc.Outcome o = Dismc.run(a.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        String results = Files.readString(out.resolve("results.csv"), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(name + ".csv");
        if (Boolean.getBoolean("dismc.golden.write")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, results, StandardCharsets.UTF_8);
        }
        assertSameColumns(Files.readString(golden, StandardCharsets.UTF_8), results, args);
    }

    /**
     * Every golden column is present with the same values, row for row (text equality, so bit for bit);
     * columns added since (a new observable or parameter) are allowed.
     */
    static void assertSameColumns(String golden, String now, String args) {
        List<String[]> g = rows(golden);
        List<String[]> n = rows(now);
        assertEquals(g.size(), n.size(), "row count of '" + args + "'");
        List<String> nowHeader = Arrays.asList(n.get(0));
        for (int c = 0; c < g.get(0).length; c++) {
            String col = g.get(0)[c];
            int at = nowHeader.indexOf(col);
            if (at < 0) {
                throw new AssertionError("results.csv of '" + args + "' lost column " + col);
            }
            for (int r = 1; r < g.size(); r++) {
                assertEquals(g.get(r)[c], n.get(r)[at], "'" + args + "': column " + col + ", row " + r);
            }
        }
    }

    static List<String[]> rows(String csv) {
        List<String[]> out = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (!line.isEmpty()) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }
}
