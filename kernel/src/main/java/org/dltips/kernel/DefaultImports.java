package org.dltips.kernel;

import java.util.List;

/**
 * The imports every notebook starts with, so a first cell is short. Packages that do not exist (yet) are
 * skipped silently by the evaluator, because JShell rejects their imports.
 *
 * <p>{@code evaluator = new CellEvaluator(loader, DefaultImports.lines());}
 */
final class DefaultImports {

    private DefaultImports() {
    }

    static List<String> lines() {
        return List.of(
                "import java.util.*;",
                "import java.util.stream.*;",
                "import org.dltips.data.*;",
                "import org.dltips.model.*;",
                "import org.dltips.train.*;",
                "import org.dltips.plot.*;",
                "import org.dltips.table.*;",
                "import org.dltips.lesson.*;",
                "import org.dltips.playground.*;",
                "import org.dltips.display.Output;",
                "import org.nd4j.linalg.factory.Nd4j;",
                "import org.nd4j.linalg.api.ndarray.INDArray;",
                "import static org.dltips.kernel.display.Display.*;");
    }
}
