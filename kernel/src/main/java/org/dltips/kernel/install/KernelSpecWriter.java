package org.dltips.kernel.install;

import com.google.gson.GsonBuilder;
import org.dltips.kernel.Main;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code kernel.json} and the logos into a kernelspec directory. The spec starts the kernel with the
 * absolute path of the java that ran {@code install} and of this jar.
 *
 * <p>{@code KernelSpecWriter.write(Path.of("/tmp/jp/share/jupyter/kernels/dltips"), "dltips");}
 */
final class KernelSpecWriter {

    /** JVM flags in the spec: a heap cap (ND4J arrays live off-heap, outside it) and no window system. */
    static final List<String> JVM_FLAGS = List.of(
            "-Xmx2g",
            "-XX:+UseSerialGC",
            "-Djava.awt.headless=true");

    private KernelSpecWriter() {
    }

    static void write(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv());
        spec.put("display_name", name.equals("dltips") ? "Java (dltips)" : "Java (dltips: " + name + ")");
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of("OMP_NUM_THREADS", "1"));
        spec.put("metadata", Map.of("debugger", false));
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec);
        Files.writeString(dir.resolve("kernel.json"), json + "\n", StandardCharsets.UTF_8);
        Logo.write(dir.resolve("logo-32x32.png"), 32);
        Logo.write(dir.resolve("logo-64x64.png"), 64);
    }

    static List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath().toString());
        for (String flag : JVM_FLAGS) {
            if (!flag.isEmpty()) {
                argv.add(flag);
            }
        }
        argv.add("-jar");
        argv.add(jarPath());
        argv.add("kernel");
        argv.add("{connection_file}");
        return argv;
    }

    static boolean remove(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return true;
    }

    private static String jarPath() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!location.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("install must run from the kernel jar (java -jar "
                        + "kernel/target/dltips-kernel.jar install); it ran from " + location);
            }
            return location.toAbsolutePath().toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot find the kernel jar's path: " + e.getMessage());
        }
    }
}
