package org.dltips.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dltips.train.internal.BlasProbe;

/**
 * The OpenBLAS kernel family and matrix-product setting that train fastest on this machine, found by
 * measuring: one short process per candidate family ({@code OPENBLAS_CORETYPE} is read when OpenBLAS loads)
 * times a lecture batch's products with each BLAS thread count and in two halves on two threads with one BLAS
 * thread each ({@code BlasProbe}), and the fastest pair wins; a setting that keeps fewer cores busy wins when it
 * is within 5% of the fastest, leaving a core to the Java work between the products. The result is kept per machine in the cache ({@code ~/.cache/dltips/tuning/}), so only the first
 * install on a machine measures (about two seconds per candidate).
 *
 * <p>{@code BlasChoice choice = BlasChoice.forThisMachine(System.out::println); choice.environment();}
 */
public record BlasChoice(String coreType, String setting, Map<String, Map<String, Double>> millis, String machine,
                         String measuredAt, boolean measured) {

    /** A thread count within this factor of the fastest is preferred when it uses fewer threads. */
    static final double FEWER_THREADS_SLACK = 1.05;

    private static final Pattern LINE = Pattern.compile("setting=(\\w+) batch_ms=([0-9.]+)");

    /** The environment a kernel gets: {@link NativeTuning}'s, with the measured family and setting. */
    public Map<String, String> environment() {
        Map<String, String> env = NativeTuning.environment(coreType);
        env.put(NativeTuning.BLAS_THREADS_VARIABLE, Integer.toString(threads()));
        if (halves()) {
            env.put(NativeTuning.PRODUCT_HALVES_VARIABLE, "true");
        }
        return env;
    }

    /** Whether products are computed in two halves on two threads, one BLAS thread each. */
    public boolean halves() {
        return BlasProbe.HALVES.equals(setting);
    }

    /** BLAS's own thread count: 1 with {@link #halves}. */
    public int threads() {
        return halves() ? 1 : Integer.parseInt(setting);
    }

    /** Cores the setting keeps busy during a product. */
    private static int cores(String setting) {
        return BlasProbe.HALVES.equals(setting) ? 2 : Integer.parseInt(setting);
    }

    private String describe() {
        return halves() ? "products in two halves on two threads (one BLAS thread each)" : threads() + " thread(s)";
    }

    /** One line for people: what was chosen, from what. */
    public String summary() {
        if (!measured) {
            return "OpenBLAS " + (coreType == null ? "as it detects the CPU" : coreType) + " with " + describe()
                    + ", from the CPU's flags (not measured)";
        }
        StringBuilder text = new StringBuilder("OpenBLAS " + coreType + " with " + describe() + " on " + machine
                + "; ms per lecture batch of products:");
        millis.forEach((core, bySetting) -> bySetting.forEach((t, ms) ->
                text.append(String.format(Locale.ROOT, " %s/%s %.2f", core, t, ms))));
        return text.toString();
    }

    /**
     * The cached choice for this machine, or a new measurement (kept in the cache) when there is none; falls back
     * to the CPU-flag rule of {@link NativeTuning} when nothing can be measured. {@code say} hears what happens.
     */
    public static BlasChoice forThisMachine(Consumer<String> say) {
        Set<String> flags = NativeTuning.cpuFlags();
        String machine = machineName();
        Path cached = TuningCache.file("blas", machine + "|" + new TreeSet<>(flags));
        BlasChoice known = read(cached, machine);
        if (known != null) {
            return known;
        }
        List<String> cores = NativeTuning.coreCandidates(flags, machine);
        if (cores.isEmpty()) {
            return fallback(flags, machine);
        }
        say.accept("measuring matrix products on this machine (" + machine + "), once: OpenBLAS "
                + String.join(", ", cores) + ", settings " + settings() + " ...");
        Map<String, Map<String, Double>> millis = new LinkedHashMap<>();
        for (String core : cores) {
            Map<String, Double> times = probe(core);
            if (!times.isEmpty()) {
                millis.put(core, times);
            }
        }
        if (millis.isEmpty()) {
            say.accept("measuring failed; using the settings the CPU's flags suggest");
            return fallback(flags, machine);
        }
        BlasChoice choice = choose(millis, machine, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        write(cached, choice);
        return choice;
    }

    /**
     * The fastest family and setting, preferring one that keeps fewer cores busy within
     * {@link #FEWER_THREADS_SLACK}.
     */
    static BlasChoice choose(Map<String, Map<String, Double>> millis, String machine, String measuredAt) {
        double best = millis.values().stream().flatMap(m -> m.values().stream()).mapToDouble(d -> d).min()
                .orElseThrow();
        String core = null;
        String setting = null;
        int cores = Integer.MAX_VALUE;
        double time = Double.MAX_VALUE;
        for (var byCore : millis.entrySet()) {
            for (var entry : byCore.getValue().entrySet()) {
                int used = cores(entry.getKey());
                if (entry.getValue() > best * FEWER_THREADS_SLACK) {
                    continue;
                }
                if (used < cores || used == cores && entry.getValue() < time) {
                    core = byCore.getKey();
                    setting = entry.getKey();
                    cores = used;
                    time = entry.getValue();
                }
            }
        }
        return new BlasChoice(core, setting, millis, machine, measuredAt, true);
    }

    /** The choice the CPU's flags suggest, without measuring. */
    public static BlasChoice fromCpuFlags() {
        return fallback(NativeTuning.cpuFlags(), machineName());
    }

    private static BlasChoice fallback(Set<String> flags, String machine) {
        return new BlasChoice(NativeTuning.openBlasCore(flags), Integer.toString(
                NativeTuning.blasThreads(null, Runtime.getRuntime().availableProcessors())), Map.of(), machine, null,
                false);
    }

    /** BLAS on 1 thread and on every core (on four or more, half of them too), and on two or more, halves. */
    static List<String> settings() {
        int cores = Runtime.getRuntime().availableProcessors();
        TreeSet<Integer> counts = new TreeSet<>(List.of(1, Math.max(1, cores)));
        if (cores >= 4) {
            counts.add(cores / 2);
        }
        List<String> settings = new ArrayList<>(counts.stream().map(String::valueOf).toList());
        if (cores >= 2) {
            settings.add(BlasProbe.HALVES);
        }
        return settings;
    }

    /** Runs {@code BlasProbe} under {@code core}; an empty map when it fails. */
    private static Map<String, Double> probe(String core) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.dltips.train.internal.BlasProbe"));
        command.addAll(settings());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(NativeTuning.environment(core));
        Map<String, Double> times = new LinkedHashMap<>();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Map.of();
            }
            Matcher m = LINE.matcher(output);
            while (m.find()) {
                times.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        return times;
    }

    /** The CPU's model name and core count, as the cache and the report name the machine. */
    static String machineName() {
        String model = NativeTuning.cpuInfo("model name");
        return (model == null ? "unknown CPU" : model) + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    static BlasChoice read(Path file, String machine) {
        Properties p = TuningCache.read(file);
        if (p == null) {
            return null;
        }
        try {
            String core = p.getProperty("core");
            String setting = p.getProperty("setting"); // absent before halves were measured: measure again
            if (core == null || setting == null || cores(setting) < 1) {
                return null;
            }
            Map<String, Map<String, Double>> millis = new LinkedHashMap<>();
            for (String name : new TreeSet<>(p.stringPropertyNames())) {
                String[] parts = name.split("\\.");
                if (parts.length == 3 && parts[0].equals("ms")) {
                    millis.computeIfAbsent(parts[1], k -> new LinkedHashMap<>())
                            .put(parts[2], Double.parseDouble(p.getProperty(name)));
                }
            }
            return new BlasChoice(core, setting, millis, machine, p.getProperty("measured"), true);
        } catch (RuntimeException e) {
            return null; // unreadable: measure again
        }
    }

    static void write(Path file, BlasChoice choice) {
        Properties p = new Properties();
        p.setProperty("core", choice.coreType);
        p.setProperty("setting", choice.setting);
        p.setProperty("measured", choice.measuredAt);
        choice.millis.forEach((core, bySetting) -> bySetting.forEach((t, ms) ->
                p.setProperty("ms." + core + "." + t, String.format(Locale.ROOT, "%.3f", ms))));
        TuningCache.write(file, p, "OpenBLAS settings measured on " + choice.machine);
    }
}
