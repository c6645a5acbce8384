package io.dismc.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dismc.testing.Dismc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AMP experiments' figures carry their theory (docs/models.md 4.7): the SE fixed-point curve and the
 * thresholds on amp-cs's figure, SE's E_t on iterations.png, the alpha_BP(rho), alpha_l1(rho) and alpha = rho
 * lines over the (alpha, rho) success map; the Bayes-optimal and Gibbs SE curves and alpha_IT, alpha_alg on
 * amp-perceptron's figure. Small runs; the labels are read from the SVGs.
 */
class AmpFiguresTest {
    static String run(Path out, String args) {
        List<String> a = new ArrayList<>(List.of("run"));
        a.addAll(Arrays.asList(args.split(" ")));
        a.addAll(List.of("--out", out.toString(), "--quiet", "--backend", "cpu"));
        Dismc.Outcome o = Dismc.run(a.toArray(String[]::new));
        assertEquals(0, o.code(), o.err());
        return o.out();
    }

    static void assertLabels(Path svg, String... labels) throws IOException {
        assertTrue(Files.exists(svg), svg + " written");
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        for (String l : labels) {
            assertTrue(text.contains(l), svg.getFileName() + " should show '" + l + "'");
        }
    }

    @Test
    void compressedSensingFiguresCarryStateEvolutionAndThePhaseLines(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cs");
        run(out, "amp-cs --n 200 --rho 0.1,0.2 --alpha 0.2,0.4 --samples 1 --max-iterations 30");
        // rho is swept: each SE curve names its rho (and takes the colour of that rho's curve)
        assertLabels(out.resolve("figure.svg"), "SE fixed point, rho = 0.1", "SE fixed point, rho = 0.2",
                "alpha_BP (uninformed SE jumps)", "alpha = rho (noiseless IT)");
        assertLabels(out.resolve("iterations.svg"), "state evolution E_t");
        assertLabels(out.resolve("heatmap-success.svg"), "alpha_BP(rho)", "alpha_l1(rho) (Donoho-Tanner)", "alpha = rho");
    }

    @Test
    void perceptronFigureCarriesBayesAndGibbsCurvesAndTheThresholds(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("p");
        run(out, "amp-perceptron --n 150 --alpha 1,2 --samples 1 --test-examples 100 --max-iterations 30");
        assertLabels(out.resolve("figure.svg"), "Bayes-optimal SE, teacher = spherical", "Bayes-optimal SE, teacher = binary",
                "Gibbs classifier (SE), teacher = binary", "alpha_IT = 1.2447 (+-1)", "alpha_alg = 1.4926 (+-1)");
    }
}
