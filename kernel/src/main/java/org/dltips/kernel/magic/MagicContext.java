package org.dltips.kernel.magic;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dltips.kernel.execution.CellEvaluator;
import org.dltips.kernel.execution.CellFailure;
import org.dltips.kernel.execution.CellResult;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What a magic works with while its cell runs: Java of the same cell, nested cells, the class path, displays,
 * and the folder that relative paths start from (the notebook's, where Jupyter starts the kernel).
 *
 * <p>{@code CellResult r = context.java("x + 1", 3);  // errors name cell line 3}
 */
final class MagicContext {

    private final Magics magics;
    private final CellEvaluator.Host host;
    private final Consumer<DisplayData> show;

    MagicContext(Magics magics, CellEvaluator.Host host, Consumer<DisplayData> show) {
        this.magics = magics;
        this.host = host;
        this.show = show;
    }

    /** Runs Java that starts on cell line {@code line}, so its errors name the line of the cell. */
    CellResult java(String code, int line) throws CellFailure {
        return host.java("\n".repeat(Math.max(0, line - 1)) + code);
    }

    /** Runs text as a whole cell, magics included. */
    CellResult cell(String code) throws CellFailure {
        return magics.run(code, host);
    }

    CellEvaluator.Host host() {
        return host;
    }

    void show(DisplayData data) {
        show.accept(data);
    }

    /** {@code path} against the kernel's working folder, with a leading {@code ~/} meaning the home folder. */
    static Path resolve(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(path.substring(Math.min(2, path.length())));
        }
        return Path.of(path).toAbsolutePath().normalize();
    }
}
