package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The lessons of the live demo hold beyond the lecture's seed and data set: each demo notebook (00 to 06) runs
 * again with its parameter line changed ({@code long seed = 1;} to another seed, {@code boolean fashion = false;}
 * to {@code true} for Fashion-MNIST in place of MNIST), and its checks, which state their thresholds for each
 * data set, must pass. Opt-in, since every variant runs the demo once more (4-5 minutes on 2 cores, more with 20
 * epochs of deep networks):
 * <pre>
 * ./dltips test -pl notebooks -am -Dit.test=NotebookVariantsIT -Dtest=NotebookReportsTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Ddltips.variants=seed=2,seed=3,seed=7,fashion,fashion+seed=7 \
 *     [-Ddltips.variants.notebooks=0[3-5]-.*]
 * </pre>
 * The changed notebooks go to {@code target/variants/NAME.VARIANT.ipynb}, their executed copies beside the
 * others in {@code target/executed-notebooks/}.
 */
@EnabledIfSystemProperty(named = "dltips.variants", matches = ".+", disabledReason = "each variant runs the live"
        + " demo again; run it with -Ddltips.variants=seed=2,seed=3,seed=7,fashion -Dit.test=NotebookVariantsIT")
class NotebookVariantsIT {

    @TestFactory
    Stream<DynamicTest> theDemoLessonsHoldForOtherSeedsAndOnFashionMnist() throws IOException {
        Path dir = Path.of(System.getProperty("dltips.notebooks.dir", "."));
        List<Path> notebooks = NotebooksIT.notebooks(dir, System.getProperty("dltips.variants.notebooks",
                NotebooksIT.DEMO) + "\\.ipynb");
        List<String> variants = List.of(System.getProperty("dltips.variants").split(","));
        List<DynamicTest> tests = new ArrayList<>();
        for (String variant : variants) {
            for (Path notebook : notebooks) {
                tests.add(DynamicTest.dynamicTest(variant + ": " + notebook.getFileName(), () -> {
                    String tag = variant.replace('=', '-').replace('+', '_');
                    Path copy = Path.of("target", "variants").resolve(notebook.getFileName().toString()
                            .replaceFirst("\\.ipynb$", "." + tag + ".ipynb"));
                    Files.createDirectories(copy.getParent());
                    Files.writeString(copy, withParameters(Files.readString(notebook), variant));
                    JsonObject report = NotebookRunner.shared().run(copy, 40 * 60);
                    List<String> problems = NotebookReports.problems(report);
                    System.out.printf("%s, %s: %.1f s, %s%n", variant, notebook.getFileName(),
                            report.get("seconds").getAsDouble(), problems.isEmpty() ? "checks passed" : problems);
                    assertTrue(problems.isEmpty(), () -> variant + ", " + notebook.getFileName() + ":\n  "
                            + String.join("\n  ", problems));
                }));
            }
        }
        return tests.stream();
    }

    /**
     * The notebook's JSON with its parameter line changed for {@code variant} ({@code seed=N}, {@code fashion},
     * or both joined by {@code +}).
     *
     * @throws AssertionError when the notebook has no such line: every demo notebook must declare both
     */
    static String withParameters(String notebookJson, String variant) {
        JsonObject notebook = JsonParser.parseString(notebookJson).getAsJsonObject();
        for (String setting : variant.split("\\+")) {
            String pattern;
            String replacement;
            if (setting.equals("fashion")) {
                pattern = "(?m)^boolean fashion = false;";
                replacement = "boolean fashion = true;";
            } else if (setting.matches("seed=\\d+")) {
                pattern = "(?m)^long seed = \\d+;";
                replacement = "long seed = " + setting.substring(5) + ";";
            } else {
                throw new IllegalArgumentException("unknown variant setting '" + setting + "'; expected seed=N or"
                        + " fashion, joined by +, such as fashion+seed=7");
            }
            if (!replaceOnce(notebook, pattern, replacement)) {
                throw new AssertionError("no line matching " + pattern + " in a code cell: every demo notebook"
                        + " declares its seed and data set in one line each");
            }
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(notebook) + "\n";
    }

    private static boolean replaceOnce(JsonObject notebook, String pattern, String replacement) {
        for (JsonElement element : notebook.getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) {
                continue;
            }
            StringBuilder source = new StringBuilder();
            JsonElement lines = cell.get("source");
            if (lines.isJsonArray()) {
                lines.getAsJsonArray().forEach(line -> source.append(line.getAsString()));
            } else {
                source.append(lines.getAsString());
            }
            if (java.util.regex.Pattern.compile(pattern).matcher(source).find()) { // seed=1 may change nothing
                String changed = source.toString().replaceFirst(pattern, replacement);
                JsonArray array = new JsonArray();
                changed.lines().forEach(line -> array.add(line + "\n"));
                String last = array.remove(array.size() - 1).getAsString();
                array.add(changed.endsWith("\n") ? last : last.substring(0, last.length() - 1));
                cell.add("source", array);
                return true;
            }
        }
        return false;
    }
}
