package org.dltips.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Judges one soak report (a notebook run several times in one kernel, measured after each pass) and collects all of
 * them into {@code target/soak-summary.{md,json}}.
 *
 * <p>{@code SoakReports.problems(report)} is empty when the kernel's memory and threads stayed bounded.
 *
 * <p>Pass 1 may grow everything (ND4J, the charts and JShell load classes and set up buffers once); from then on a
 * leak shows as the same growth pass after pass, so the last pass is compared with the one before it:
 * <ul>
 *   <li>resident memory (VmRSS), less what the JVM added to its committed heap, may grow by at most
 *       {@value #RSS_GROWTH_MIB} MiB or {@value #RSS_GROWTH_PERCENT} %, whichever is larger. RSS is the only measure
 *       that sees ND4J's off-heap buffers: on the CPU backend (1.0.0-M2.1) neither JavaCPP's
 *       {@code Pointer.totalBytes()} nor ND4J's {@code AllocationsTracker} counts them. The committed heap is left
 *       out because the JVM sizes it from the live heap (checked next) up to -Xmx; the rest moves with malloc's
 *       arenas and the JIT's code: measured at +50 to +89 MiB (00, RSS about 880 MiB) and +97 to +136 MiB (06,
 *       RSS about 1400 MiB) from pass 2 to pass 3. It levels off: five passes of 06 gave RSS 1023, 1221, 1409,
 *       1494, 1498 MiB;</li>
 *   <li>the heap in use after a full GC (the live objects) may grow from pass 1 to the last pass by at most
 *       {@value #LIVE_GROWTH_MIB} MiB per pass: a dataset subset or network kept by mistake is larger. It is
 *       judged over all passes after the first, not pass to pass, because softly referenced caches (the loaded data
 *       sets) survive a GC or not depending on recent use: from one pass to the next it moved by -52 to +94 MiB in
 *       06, with no trend;</li>
 *   <li>the JVM may not have more threads than after pass 1, counted per name with digits ignored so that one
 *       thread (or pool) per pass shows ({@value #THREAD_SLACK} more allowed for a pool worker that comes and
 *       goes), nor the process more OS threads ({@value #OS_THREAD_SLACK} more for JIT and GC threads);</li>
 *   <li>after no pass may a thread that was not there before the first pass be non-daemon (a forgotten executor)
 *       or RUNNABLE (work still going on after its cell ended), and the kernel process must be gone after
 *       shutdown.</li>
 * </ul>
 */
final class SoakReports {

    static final long RSS_GROWTH_MIB = 150;
    static final long RSS_GROWTH_PERCENT = 15;
    static final long LIVE_GROWTH_MIB = 64;
    static final int THREAD_SLACK = 1;
    static final int OS_THREAD_SLACK = 8;
    private static final long MIB = 1024 * 1024;

    private final List<JsonObject> reports = new ArrayList<>();

    /** What is wrong with a soak run: errors, unbounded growth, threads left running. Empty when it passed. */
    static List<String> problems(JsonObject report) {
        List<String> problems = new ArrayList<>();
        if (!report.get("failure").isJsonNull()) {
            problems.add(report.get("failure").getAsString());
        }
        JsonArray passes = report.getAsJsonArray("passes");
        for (JsonElement element : passes) {
            JsonObject pass = element.getAsJsonObject();
            for (JsonElement error : pass.getAsJsonArray("errors")) {
                JsonObject e = error.getAsJsonObject();
                problems.add("pass " + pass.get("pass").getAsInt() + ": cell " + e.get("cell").getAsInt()
                        + " failed with " + e.get("ename").getAsString() + ": " + e.get("evalue").getAsString()
                        + "\n    in: " + e.get("source").getAsString().replace("\n", " "));
            }
            if (pass.getAsJsonObject("jvm").has("probe_error")) {
                problems.add("pass " + pass.get("pass").getAsInt() + ": the measuring cell failed: "
                        + pass.getAsJsonObject("jvm").get("probe_error").getAsString());
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (passes.size() < 3) {
            problems.add("only " + (passes.size() - 1) + " pass(es) ran; at least 2 are needed to see growth");
            return problems;
        }
        JsonObject baseline = passes.get(0).getAsJsonObject();
        JsonObject first = passes.get(1).getAsJsonObject();
        JsonObject previous = passes.get(passes.size() - 2).getAsJsonObject();
        JsonObject last = passes.get(passes.size() - 1).getAsJsonObject();
        String between = "from pass " + previous.get("pass").getAsInt() + " to pass " + last.get("pass").getAsInt();

        long rssBefore = previous.get("rss_kib").getAsLong() / 1024;
        long rssAfter = last.get("rss_kib").getAsLong() / 1024;
        long heapBefore = previous.getAsJsonObject("jvm").get("heap_committed").getAsLong() / MIB;
        long heapAfter = last.getAsJsonObject("jvm").get("heap_committed").getAsLong() / MIB;
        long outsideHeap = (rssAfter - rssBefore) - (heapAfter - heapBefore);
        long rssLimit = Math.max(RSS_GROWTH_MIB, rssBefore * RSS_GROWTH_PERCENT / 100);
        if (outsideHeap > rssLimit) {
            problems.add(String.format("resident memory outside the Java heap grew %s by %d MiB (RSS %d -> %d MiB,"
                    + " heap committed %d -> %d MiB); at most %d MiB expected once the first pass has set everything"
                    + " up: something is kept from every pass", between, outsideHeap, rssBefore, rssAfter, heapBefore,
                    heapAfter, rssLimit));
        }
        long liveFirst = first.getAsJsonObject("jvm").get("heap_used").getAsLong() / MIB;
        long liveLast = last.getAsJsonObject("jvm").get("heap_used").getAsLong() / MIB;
        int span = last.get("pass").getAsInt() - 1;
        if (liveLast - liveFirst > LIVE_GROWTH_MIB * span) {
            problems.add(String.format("the heap in use after a full GC grew from pass 1 to pass %d by %d MiB (%d ->"
                    + " %d MiB); at most %d MiB (%d per pass) expected: some object from every pass is still"
                    + " reachable", last.get("pass").getAsInt(), liveLast - liveFirst, liveFirst, liveLast,
                    LIVE_GROWTH_MIB * span, LIVE_GROWTH_MIB));
        }

        Map<String, Integer> grown = threadGrowth(first, last);
        int added = grown.values().stream().mapToInt(Integer::intValue).sum();
        if (added > THREAD_SLACK) {
            problems.add(String.format("the JVM has %d more threads after pass %d than after pass 1 (%d -> %d); at"
                    + " most %d more expected. Grown, by name (digits as #): %s", added, last.get("pass").getAsInt(),
                    threads(first).size(), threads(last).size(), THREAD_SLACK, grown));
        }
        int osFirst = first.get("os_threads").getAsInt();
        int osLast = last.get("os_threads").getAsInt();
        if (osLast > osFirst + OS_THREAD_SLACK) {
            problems.add(String.format("the kernel process has %d OS threads after pass %d but %d after pass 1;"
                    + " at most %d more expected", osLast, last.get("pass").getAsInt(), osFirst, OS_THREAD_SLACK));
        }
        Set<String> before = names(baseline);
        leftRunning(problems, passes, "non-daemon threads started by the cells are still alive after pass %d: %s;"
                + " stop them (shut the executor down, or join the thread) before the cell ends",
                t -> !t.get("daemon").getAsBoolean() && !before.contains(t.get("name").getAsString()));
        leftRunning(problems, passes, "threads started by the cells are still running (RUNNABLE) after pass %d: %s;"
                + " a cell's work should be finished when the cell ends",
                t -> t.get("state").getAsString().equals("RUNNABLE") && !before.contains(t.get("name").getAsString()));
        if (report.has("kernel_exited") && !report.get("kernel_exited").getAsBoolean()) {
            problems.add("the kernel process " + report.get("kernel_pid") + " was still running 15 s after shutdown");
        }
        if (problems.isEmpty() && report.get("exit").getAsInt() != 0) {
            problems.add("the soak runner exited with " + report.get("exit").getAsInt() + ":\n" + report.get("log"));
        }
        return problems;
    }

    /** Adds one problem for the first pass after which some thread matching {@code left} is alive. */
    private static void leftRunning(List<String> problems, JsonArray passes, String message,
            Predicate<JsonObject> left) {
        for (JsonElement element : passes) {
            JsonObject pass = element.getAsJsonObject();
            List<String> found = threads(pass).stream().filter(left)
                    .map(t -> t.get("name").getAsString() + " (" + t.get("state").getAsString() + ")").toList();
            if (!found.isEmpty()) {
                problems.add(String.format(message, pass.get("pass").getAsInt(), found));
                return;
            }
        }
    }

    /** Per thread name with its digits as {@code #} (one pool's workers, or one per pass): how many more. */
    private static Map<String, Integer> threadGrowth(JsonObject from, JsonObject to) {
        Map<String, Integer> counts = new TreeMap<>();
        threads(to).forEach(t -> counts.merge(pattern(t), 1, Integer::sum));
        threads(from).forEach(t -> counts.merge(pattern(t), -1, Integer::sum));
        counts.values().removeIf(n -> n <= 0);
        return counts;
    }

    private static String pattern(JsonObject thread) {
        return thread.get("name").getAsString().replaceAll("\\d+", "#");
    }

    private static List<JsonObject> threads(JsonObject pass) {
        List<JsonObject> threads = new ArrayList<>();
        pass.getAsJsonObject("jvm").getAsJsonArray("threads").forEach(t -> threads.add(t.getAsJsonObject()));
        return threads;
    }

    private static Set<String> names(JsonObject pass) {
        return threads(pass).stream().map(t -> t.get("name").getAsString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    synchronized void add(JsonObject report) {
        reports.add(report);
        System.out.println(table(List.of(report)) + (problems(report).isEmpty() ? "passed" : "FAILED:\n  "
                + String.join("\n  ", problems(report))));
    }

    /** The per-pass Markdown table of {@code reports}. */
    static String table(List<JsonObject> reports) {
        StringBuilder md = new StringBuilder("| notebook | pass | seconds | RSS MiB | peak RSS MiB | heap committed"
                + " MiB | heap used MiB | Metaspace MiB | classes | JVM threads | OS threads |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonObject report : reports) {
            for (JsonElement element : report.getAsJsonArray("passes")) {
                JsonObject pass = element.getAsJsonObject();
                JsonObject jvm = pass.getAsJsonObject("jvm");
                boolean probed = !jvm.has("probe_error");
                md.append(String.format("| %s | %s | %.0f | %d | %d | %s | %s | %s | %s | %s | %d |%n",
                        NotebookReports.name(report), pass.get("pass").getAsInt() == 0 ? "0 (before)"
                                : pass.get("pass").getAsString(), pass.get("seconds").getAsDouble(),
                        pass.get("rss_kib").getAsLong() / 1024, pass.get("rss_peak_kib").getAsLong() / 1024,
                        probed ? jvm.get("heap_committed").getAsLong() / MIB : "?",
                        probed ? jvm.get("heap_used").getAsLong() / MIB : "?",
                        probed ? jvm.get("metaspace_used").getAsLong() / MIB : "?",
                        probed ? jvm.get("classes").getAsString() : "?",
                        probed ? jvm.getAsJsonArray("threads").size() : "?", pass.get("os_threads").getAsInt()));
            }
        }
        return md.toString();
    }

    /** Writes the table, each notebook's verdict and the raw JSON reports. */
    synchronized void write(Path target) {
        StringBuilder md = new StringBuilder("# Soak: each notebook run repeatedly in one kernel\n\n");
        md.append(table(reports)).append('\n');
        JsonArray all = new JsonArray();
        for (JsonObject report : reports) {
            List<String> problems = problems(report);
            md.append("- ").append(NotebookReports.name(report)).append(": ")
                    .append(problems.isEmpty() ? "passed" : "FAILED: " + String.join("; ", problems)).append('\n');
            JsonObject copy = report.deepCopy();
            copy.remove("log");
            all.add(copy);
        }
        md.append(String.format("%nLimits: RSS less committed heap +%d MiB or +%d %% from the pass before the last;"
                + " heap in use after GC +%d MiB per pass since pass 1; threads: JVM +%d and OS +%d over pass 1, no"
                + " new non-daemon or RUNNABLE thread.%n",
                RSS_GROWTH_MIB, RSS_GROWTH_PERCENT, LIVE_GROWTH_MIB, THREAD_SLACK, OS_THREAD_SLACK));
        NotebookReports.writeSummary(target, "soak-summary", md, all);
    }
}
