package org.dltips.kernel.install;

import com.google.gson.GsonBuilder;
import org.dltips.kernel.KernelMain;

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

    /**
     * JVM flags in every spec: a heap cap (ND4J arrays live off-heap, outside it), the serial collector with a
     * small young generation, and no window system. DL4J's arrays are freed when the collector finds their small
     * Java handles dead: with a 64 MB young generation that happens every few hundred training steps, and a
     * 20-epoch lecture run stays near 750 MB of resident memory instead of growing past 1.5 GB. Which compilers
     * run is measured on the machine ({@link JitChoice}).
     */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xmn64m",
            "-Djava.awt.headless=true");

    private KernelSpecWriter() {
    }

    static void write(Path dir, InstallOptions options) throws IOException {
        String name = options.name();
        Files.createDirectories(dir);
        Path jsa = options.archive() ? ClassDataArchive.build(dir, javaPath(), jarPath()) : null;
        JitChoice.writeDirectives(dir);
        MachineSettings machine = MachineSettings.choose(options.measure(), javaPath(), jarPath(), jsa, dir);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv(jsa, options.memoryMib(), machine.jit().flags(dir)));
        spec.put("display_name", name.equals("dltips") ? "Java (dltips)" : "Java (dltips: " + name + ")");
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        Map<String, String> env = new LinkedHashMap<>(machine.blas().environment());
        if (options.data() != null) {
            env.put("DLTIPS_DATA", options.data().toString());
            env.put("DLTIPS_OFFLINE", "true");
        }
        spec.put("env", env);
        spec.put("metadata", Map.of("debugger", false));
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec);
        Files.writeString(dir.resolve("kernel.json"), json + "\n", StandardCharsets.UTF_8);
        Logo.write(dir.resolve("logo-32x32.png"), 32);
        Logo.write(dir.resolve("logo-64x64.png"), 64);
        machine.writeReport(dir.resolve(MachineSettings.REPORT));
    }

    static List<String> argv(Path archive, int memoryMib, List<String> jitFlags) {
        List<String> argv = new ArrayList<>();
        argv.add(javaPath());
        argv.addAll(memoryFlags(memoryMib));
        argv.addAll(JVM_FLAGS);
        argv.addAll(jitFlags);
        int feature = Runtime.version().feature();
        if (feature >= 22) {
            argv.add("--enable-native-access=ALL-UNNAMED");
        }
        if (feature >= 23) {
            argv.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (archive != null) {
            argv.addAll(archiveFlags(archive));
        }
        argv.add("-jar");
        argv.add(jarPath());
        argv.add("kernel");
        argv.add("{connection_file}");
        return argv;
    }

    /**
     * The heap cap, and with a memory limit ({@code memoryMib > 0}) ND4J's too: the heap and the off-heap arrays
     * may take 40 % of the limit each, and ND4J refuses an allocation once the process's resident memory would
     * pass 90 % of it, so a cell that asks for too much fails with an {@link OutOfMemoryError} instead of
     * taking the machine's memory from the other kernels.
     */
    static List<String> memoryFlags(int memoryMib) {
        if (memoryMib <= 0) {
            return List.of("-Xmx2g");
        }
        int share = memoryMib * 2 / 5;
        return List.of("-Xmx" + share + "m", "-Dorg.bytedeco.javacpp.maxbytes=" + share + "m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + memoryMib * 9 / 10 + "m");
    }

    /** The flags that start a JVM on the class data archive, quietly. */
    static List<String> archiveFlags(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static String javaPath() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath().toString();
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
            Path location = Path.of(KernelMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
