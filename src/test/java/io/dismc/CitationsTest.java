package io.dismc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The physics contract is the project's own docs/models.md: every citation in the code, kernels and
 * README names it so, and every section number cited exists there.
 */
class CitationsTest {
    static final Pattern CITATION = Pattern.compile("(\\S*)models\\.md(?: (\\d+(?:\\.\\d+)*))?");

    @Test
    void everyCitationPointsToDocsModelsMdAndItsSectionsExist() throws IOException {
        String contract = Files.readString(Path.of("docs", "models.md"));
        List<String> bad = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src", "kernels")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(f -> !f.endsWith("CitationsTest.java")).filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".cu") || f.toString().endsWith(".cuh"))
                        .forEach(files::add);
            }
        }
        files.add(Path.of("README.md"));
        int citations = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher m = CITATION.matcher(text);
            while (m.find()) {
                citations++;
                if (!m.group(1).endsWith("docs/") && !m.group(1).endsWith("`docs/")) {
                    bad.add(f + ": '" + m.group() + "'");
                } else if (m.group(2) != null && !contract.contains("## " + m.group(2) + " ") && !contract.contains("# " + m.group(2) + " ")) {
                    bad.add(f + ": section " + m.group(2) + " is not in docs/models.md");
                }
            }
        }
        assertTrue(citations > 50, "the code cites the contract (" + citations + ")");
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
