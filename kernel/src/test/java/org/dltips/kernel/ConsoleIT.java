package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dltips.kernel.wire.KernelJar;
import org.dltips.kernel.wire.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives {@code jupyter console} through one cell with the installed kernelspec, as a terminal user would. */
class ConsoleIT {

    @TempDir
    Path dir;

    @Test
    void jupyterConsoleRunsACell() throws Exception {
        Python.require("jupyter_console");
        Path prefix = dir.resolve("prefix");
        KernelJar.find().install(Path.of(System.getProperty("java.home")), prefix);
        Path input = Files.writeString(dir.resolve("input.txt"), "int seven = 3 + 4;\nseven * 6\n");
        Map<String, String> env = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
                "JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        Python.Result result = Python.run(List.of("/bin/sh", "-c", "exec \"$0\" -m jupyter_console --kernel dltips"
                + " --simple-prompt < \"$1\"", Python.executable(), input.toString()), dir, env, 180);
        assertFalse(result.timedOut(), () -> "jupyter console did not finish within 3 minutes:\n" + result.output());
        assertTrue(result.output().contains("Out[2]: 42"), () -> "expected 'Out[2]: 42' from jupyter console;"
                + " its output was:\n" + result.output());
    }
}
