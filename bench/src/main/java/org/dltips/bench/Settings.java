package org.dltips.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.dltips.model.internal.NativeTuning;

/**
 * Benchmark options parsed from {@code key=value} arguments; every key has a default.
 *
 * <p>{@code Settings s = Settings.parse(new String[] {"epochs=3", "workspace=NONE"});}
 */
final class Settings {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("data", "/tmp/mnist/package/data"); // IDX directory, or "random"
        DEFAULTS.put("samples", "10000");
        DEFAULTS.put("batch", "100");
        DEFAULTS.put("rounds", "5");                       // alternations DL4J / PyTorch
        DEFAULTS.put("settleMs", "500");                   // pause before each timed epoch, either side
        DEFAULTS.put("workspace", "ENABLED");              // DL4J WorkspaceMode for training
        DEFAULTS.put("cache", "NONE");                     // DL4J CacheMode
        DEFAULTS.put("feed", "library");                   // library (Network.fit) | views | dataset | presplit | iterator
        DEFAULTS.put("nd4jThreads", "0");                  // 0 = leave ND4J's choice
        // OpenBLAS threads as the library sets them from the environment (0 = leave ND4J's choice)
        DEFAULTS.put("blasThreads", Integer.toString(NativeTuning.blasThreadsFromEnvironment()));
        DEFAULTS.put("periodicGc", "default");             // default | off
        DEFAULTS.put("torchThreads", "1,2");
        DEFAULTS.put("extras", "true");                    // batch 1 / 10 000 throughput, peak, gemm bound, phases
        DEFAULTS.put("course", "true");                    // every network of the course notebooks, each against PyTorch
        DEFAULTS.put("courseRounds", "3");
        DEFAULTS.put("python", "/usr/bin/python3");
        DEFAULTS.put("worker", "bench/src/main/python/torch_worker.py");
    }

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    static Settings parse(String[] args) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1 || !DEFAULTS.containsKey(arg.substring(0, eq))) {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'; expected key=value with key one of "
                        + DEFAULTS.keySet() + ", e.g. rounds=3");
            }
            v.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new Settings(v);
    }

    String get(String key) {
        return values.get(key);
    }

    int integer(String key) {
        return Integer.parseInt(values.get(key));
    }

    Path dataDir() {
        return "random".equals(get("data")) ? null : Path.of(get("data"));
    }

    WorkspaceMode workspace() {
        return WorkspaceMode.valueOf(get("workspace"));
    }

    CacheMode cache() {
        return CacheMode.valueOf(get("cache"));
    }

    int[] torchThreads() {
        String[] parts = get("torchThreads").split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
        }
        return out;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
