package org.dltips.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The imports every notebook starts with, so a first cell is short. Library packages that do not exist
 * (yet) are left out, and any import JShell rejects is skipped silently.
 *
 * <p>{@code evaluator = new CellEvaluator(loader, DefaultImports.lines(loader));}
 */
final class DefaultImports {

    private DefaultImports() {
    }

    private static final List<String> LIBRARY_PACKAGES = List.of(
            "org.dltips.data", "org.dltips.model", "org.dltips.train", "org.dltips.plot", "org.dltips.table",
            "org.dltips.lesson", "org.dltips.playground", "org.dltips.widgets");

    /**
     * The import lines. Each on-demand import costs compile time in every cell, so library packages are
     * imported only when {@code loader} finds them, and a few stream types are imported by name.
     */
    static List<String> lines(ClassLoader loader) {
        List<String> lines = new ArrayList<>();
        lines.add("import java.util.*;");
        for (String pkg : LIBRARY_PACKAGES) {
            if (loader.getResource(pkg.replace('.', '/') + "/") != null) {
                lines.add("import " + pkg + ".*;");
            }
        }
        lines.addAll(List.of(
                "import java.util.stream.Collectors;",
                "import java.util.stream.IntStream;",
                "import java.util.stream.Stream;",
                "import org.dltips.display.Output;",
                "import org.nd4j.linalg.factory.Nd4j;",
                "import org.nd4j.linalg.api.ndarray.INDArray;",
                "import tech.tablesaw.api.Table;",
                "import tech.tablesaw.api.DoubleColumn;",
                "import tech.tablesaw.api.IntColumn;",
                "import tech.tablesaw.api.StringColumn;",
                "import static org.dltips.kernel.display.Display.*;"));
        return lines;
    }
}
