package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.Resolver;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads the tiny data set from a loopback mirror with the given cache root and prints what happened, one line per
 * note, then how the load went; then fetches it as {@code Datasets fetch} does and prints that command's error
 * lines and exit status. {@link ReadOnlyCacheTest} runs it in a child JVM as an unprivileged user when the
 * tests run as root (root may write into a read-only directory), and in-process otherwise.
 *
 * <p>{@code java -cp <classes>:<test-classes> org.dltips.data.ReadOnlyCacheProbe /tmp/cache}
 */
final class ReadOnlyCacheProbe {

    private ReadOnlyCacheProbe() {
    }

    public static void main(String[] args) {
        run(Path.of(args[0])).forEach(System.out::println);
    }

    /** {@code note: ...} lines, then {@code loaded: 4 files, identical, from [...]} or {@code error: ...}. */
    static List<String> run(Path cacheRoot) {
        List<String> lines = new ArrayList<>();
        Map<String, byte[]> files = Fixtures.tinyFiles();
        try (LoopbackServer server = new LoopbackServer(files)) {
            Resolver resolver = new Resolver(new DataSettings(null, cacheRoot, true, ""),
                    note -> lines.add("note: " + note));
            Map<String, byte[]> loaded = resolver.resolve(Fixtures.tinySpec(List.of(server.mirror("good")), null));
            boolean identical = loaded.keySet().equals(files.keySet())
                    && files.keySet().stream().allMatch(name -> Arrays.equals(files.get(name), loaded.get(name)));
            lines.add("loaded: " + loaded.size() + " files, " + (identical ? "identical" : "DIFFERENT") + ", from "
                    + resolver.lastSources().stream().map(s -> s.replaceAll(":\\d+/", ":PORT/")).toList());
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = Datasets.fetch(List.of(Fixtures.tinySpec(List.of(server.mirror("good")), null)),
                    new Resolver(new DataSettings(null, cacheRoot, true, ""), note -> { }),
                    new PrintStream(OutputStream.nullOutputStream()), new PrintStream(errors, true, StandardCharsets.UTF_8));
            errors.toString(StandardCharsets.UTF_8).lines().forEach(line -> lines.add("fetch error: " + line));
            lines.add("fetch status: " + status);
        } catch (Exception e) {
            lines.add("error: " + e);
        }
        return lines;
    }
}
