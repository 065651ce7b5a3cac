package org.dltips.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.dltips.kernel.wire.KernelJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install} measures the machine once (OpenBLAS kernel family, BLAS threads, compilers), writes the result
 * into the kernelspec and its report, keeps it in the tuning cache for the next install, and with
 * {@code --no-measure} takes the CPU-flag settings without measuring.
 */
class MachineSettingsIT {

    private static final String DIRECTIVES_FLAG = "-XX:CompilerDirectivesFile=";

    @TempDir
    Path dir;

    @Test
    void theFirstInstallMeasuresTheNextReadsTheCacheAndTheSpecCarriesTheChoice() throws Exception {
        Path cache = dir.resolve("cache");
        String first = install(cache, "first");
        assertTrue(first.contains("measuring matrix products on this machine"), first);
        assertTrue(first.contains("timing kernel starts"), first);
        JsonObject spec = spec("first");
        JsonObject env = spec.getAsJsonObject("env");
        Properties blas = new Properties();
        try (var files = Files.list(cache.resolve("tuning"))) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith("blas-")).findFirst().orElseThrow();
            try (var in = Files.newInputStream(file)) {
                blas.load(in);
            }
        }
        assertEquals(blas.getProperty("core"), env.get("OPENBLAS_CORETYPE").getAsString(),
                "the kernelspec forces the family the measurement chose: " + env);
        boolean halves = blas.getProperty("setting").equals("halves");
        assertEquals(halves ? "1" : blas.getProperty("setting"), env.get("DLTIPS_BLAS_THREADS").getAsString());
        assertEquals(halves, env.has("DLTIPS_PRODUCT_HALVES"), env.toString());
        assertTrue(blas.stringPropertyNames().stream().anyMatch(n -> n.startsWith("ms.")),
                "the cache keeps the times the choice came from: " + blas);
        String report = Files.readString(specDir("first").resolve("machine-settings.txt"));
        assertTrue(report.contains("matrix products: OpenBLAS " + blas.getProperty("core") + " with "
                + (halves ? "products in two halves" : blas.getProperty("setting") + " thread(s)")), report);
        assertTrue(report.contains("compilers: "), report);
        assertTrue(report.contains("compilers: " + compilers(argv(spec))), report);
        argv(spec).stream().filter(a -> a.startsWith(DIRECTIVES_FLAG)).forEach(a -> assertTrue(
                Files.isRegularFile(Path.of(a.substring(DIRECTIVES_FLAG.length()))), "the directives are there: " + a));

        String second = install(cache, "second");
        assertFalse(second.contains("measuring"), "a second install on the machine reads the cache:\n" + second);
        assertEquals(env, spec("second").getAsJsonObject("env"));
        assertEquals(compilers(argv(spec)), compilers(argv(spec("second"))));
    }

    @Test
    void noMeasureTakesTheCpuFlagSettingsAndC1() throws Exception {
        String output = install(dir.resolve("empty-cache"), "rule", "--no-measure");
        assertFalse(output.contains("measuring"), output);
        assertFalse(Files.exists(dir.resolve("empty-cache/tuning")), "nothing is measured or cached");
        JsonObject spec = spec("rule");
        assertTrue(argv(spec).contains("-XX:TieredStopAtLevel=1"), argv(spec).toString());
        assertEquals("1", spec.getAsJsonObject("env").get("OMP_NUM_THREADS").getAsString());
        assertTrue(Files.readString(specDir("rule").resolve("machine-settings.txt")).contains("not measured"));
    }

    private String install(Path cache, String prefix, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", KernelJar.find().path().toString(), "install", "--prefix",
                dir.resolve(prefix).toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DLTIPS_CACHE", cache.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    private Path specDir(String prefix) {
        return KernelJar.kernelJson(dir.resolve(prefix)).getParent();
    }

    private JsonObject spec(String prefix) throws Exception {
        return JsonParser.parseString(Files.readString(KernelJar.kernelJson(dir.resolve(prefix)))).getAsJsonObject();
    }

    /** How the report names the compiler setting that {@code argv} carries. */
    private static String compilers(List<String> argv) {
        if (argv.contains("-XX:TieredStopAtLevel=1")) {
            return "C1 alone";
        }
        return argv.stream().anyMatch(a -> a.startsWith(DIRECTIVES_FLAG))
                ? "C2 for the library and the notebook's code" : "both compilers everywhere";
    }

    private static List<String> argv(JsonObject spec) {
        return spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    }
}
