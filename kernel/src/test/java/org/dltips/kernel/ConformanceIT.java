package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dltips.kernel.wire.KernelJar;
import org.dltips.kernel.wire.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the official conformance suite ({@code jupyter_kernel_test}, subclassed in
 * {@code src/test/python/test_dltips_kernel.py}) against the kernelspec the jar installs.
 */
class ConformanceIT {

    @TempDir
    Path dir;

    @Test
    void jupyterKernelTestSuitePasses() {
        Python.require("jupyter_client", "jupyter_kernel_test");
        Path prefix = dir.resolve("prefix");
        KernelJar.find().install(Path.of(System.getProperty("java.home")), prefix);
        Map<String, String> env = Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
                "JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString(),
                "JUPYTER_DATA_DIR", dir.resolve("data").toString());
        Python.Result result = Python.run(List.of(Python.executable(), "-m", "unittest", "-v", "test_dltips_kernel"),
                Path.of("src", "test", "python"), env, 600);
        System.out.println(result.output());
        assertFalse(result.timedOut(), "jupyter_kernel_test did not finish within 10 minutes");
        assertEquals(0, result.exit(), () -> "jupyter_kernel_test failed for the dltips kernel:\n"
                + result.output());
        Matcher ran = Pattern.compile("Ran (\\d+) tests?").matcher(result.output());
        assertTrue(ran.find() && Integer.parseInt(ran.group(1)) >= 10, () -> "expected the suite to run at least"
                + " 10 tests, its output was:\n" + result.output());
    }
}
