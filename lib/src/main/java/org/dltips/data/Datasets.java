package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;
import org.dltips.data.internal.Resolver;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Command line to fetch data sets ahead of time, so that notebooks later load them from the cache; the setup
 * script calls it.
 *
 * <p>{@code java -cp <dltips-lib jar and dependencies> org.dltips.data.Datasets fetch mnist fashion-mnist}
 */
public final class Datasets {

    private static final Map<String, DatasetSpec> KNOWN =
            Map.of("mnist", DatasetSpec.MNIST, "fashion-mnist", DatasetSpec.FASHION_MNIST);

    private Datasets() {
    }

    /**
     * Runs the command and exits with its status: 0 when every data set is available and kept in the cache, 1
     * otherwise, 2 on misuse.
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args), DataSettings.fromEnvironment(), System.out, System.err));
    }

    /** Runs {@code fetch <name>...}; returns the exit status. */
    static int run(List<String> args, DataSettings settings, PrintStream out, PrintStream err) {
        if (args.size() < 2 || !args.get(0).equals("fetch")
                || !args.subList(1, args.size()).stream().allMatch(KNOWN::containsKey)) {
            err.println("Usage: Datasets fetch <name>... with names from " + KNOWN.keySet().stream().sorted()
                    .toList() + "; got " + args + ". Example: Datasets fetch mnist fashion-mnist");
            return 2;
        }
        return fetch(args.subList(1, args.size()).stream().map(KNOWN::get).toList(),
                new Resolver(settings, out::println), out, err);
    }

    /**
     * Makes each data set available and kept in the cache; returns 0 when all are, 1 when one could not be found
     * or verified, or was found but could not be kept (the warning printed before says why and how to fix it).
     */
    static int fetch(List<DatasetSpec> specs, Resolver resolver, PrintStream out, PrintStream err) {
        int status = 0;
        for (DatasetSpec spec : specs) {
            try {
                long start = System.nanoTime();
                Map<String, byte[]> files = resolver.resolve(spec);
                Loader.fromFiles(spec, files);
                out.printf("%s: %d files verified (SHA-256) in %.1f s, from %s%n", spec.displayName(),
                        files.size(), (System.nanoTime() - start) / 1e9, String.join(" and ", resolver.lastSources()));
                if (resolver.lastCacheFailed()) {
                    err.println(spec.displayName() + " is not in the cache (see the warning above), so every load"
                            + " would fetch it again; fix the cache directory or set DLTIPS_CACHE, then fetch again.");
                    status = 1;
                }
            } catch (DataUnavailableException e) {
                err.println(e.getMessage());
                status = 1;
            }
        }
        return status;
    }
}
