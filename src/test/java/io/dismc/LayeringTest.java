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
 * The house's walls, checked on the sources: the backend contract stands alone (it imports no model
 * family), only Main uses the front end, and domain code reaches the backends through the contract.
 */
class LayeringTest {
    /** An import, or a fully qualified name in code (comments aside), of a project type. */
    static final Pattern IMPORT = Pattern.compile("(?:^import (?:static )?|(?<![\\w.\"])(?=io\\.dismc\\.))io\\.dismc\\.([a-z][\\w]*(?:\\.[a-z][\\w]*)*\\.[A-Z]\\w*)",
            Pattern.MULTILINE);
    static final List<String> MODEL_FAMILIES = List.of("experiment", "perceptron", "twolayer", "dynamics", "model", "amp", "deep",
            "theory", "run", "cli", "plot", "bench");
    static final List<String> DOMAIN = List.of("experiment", "perceptron", "twolayer", "dynamics", "model", "amp", "deep", "theory", "run",
            "dataset", "plot");

    record Import(String fromPackage, String file, String target) {}

    static List<Import> imports() throws IOException {
        List<Import> out = new ArrayList<>();
        Path root = Path.of("src", "main", "java", "io", "dismc");
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = IMPORT.matcher(code);
                while (m.find()) {
                    out.add(new Import(pkg, root.relativize(f).toString(), m.group(1)));
                }
            }
        }
        return out;
    }

    static boolean inside(String pkg, String top) {
        return pkg.equals(top) || pkg.startsWith(top + ".");
    }

    @Test
    void theBackendImportsNoModelFamily() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Import i : imports()) {
            if (inside(i.fromPackage(), "backend") && MODEL_FAMILIES.stream().anyMatch(f -> inside(i.target(), f))) {
                bad.add(i.file() + " imports io.dismc." + i.target());
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void onlyMainImportsTheFrontEnd() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Import i : imports()) {
            if (inside(i.target(), "cli") && !inside(i.fromPackage(), "cli") && !i.file().equals("Main.java")) {
                bad.add(i.file() + " imports io.dismc." + i.target());
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void domainCodeCallsTheContractNotTheBackendsKernels() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Import i : imports()) {
            boolean domain = DOMAIN.stream().anyMatch(d -> inside(i.fromPackage(), d));
            if (domain && (inside(i.target(), "backend.cpu") || inside(i.target(), "backend.cuda"))) {
                bad.add(i.file() + " imports io.dismc." + i.target());
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }
}
