package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dltips.kernel.wire.Jdks;
import org.dltips.kernel.wire.KernelJar;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code install --prefix} writes a kernelspec pointing at the JDK that ran it; {@code uninstall} removes it. */
class KernelspecIT {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> installAndUninstall() {
        KernelJar jar = KernelJar.find();
        return Jdks.all().stream().map(home -> DynamicTest.dynamicTest("install on " + Jdks.label(home), () -> {
            Path prefix = dir.resolve(Jdks.label(home));
            JsonObject spec = jar.install(home, prefix);
            List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
            assertEquals(Jdks.java(home).toString(), argv.get(0),
                    () -> "kernelspec argv should start with the absolute java of the JDK that installed it: " + argv);
            assertTrue(argv.contains("{connection_file}"), () -> "argv without {connection_file}: " + argv);
            assertTrue(argv.stream().anyMatch(a -> a.endsWith(".jar")), () -> "argv names no jar: " + argv);
            assertEquals("java", spec.get("language").getAsString().toLowerCase());
            assertFalse(spec.get("display_name").getAsString().isBlank());
            Path specDir = KernelJar.kernelJson(prefix).getParent();
            assertTrue(Files.isRegularFile(specDir.resolve("logo-64x64.png")), () -> "no logo-64x64.png in "
                    + specDir);
            String output = runJar(home, jar, "uninstall", "--prefix", prefix.toString(), "--name", "dltips");
            assertFalse(Files.exists(KernelJar.kernelJson(prefix)), () -> "uninstall left "
                    + KernelJar.kernelJson(prefix) + "; its output: " + output);
        }));
    }

    private static String runJar(Path home, KernelJar jar, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Jdks.java(home).toString(), "-jar",
                jar.path().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
