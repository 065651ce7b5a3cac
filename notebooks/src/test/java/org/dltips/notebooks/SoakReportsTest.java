package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak verdict on made-up measurements: each limit fires just past its value and not before. */
class SoakReportsTest {

    private static final long MIB = 1024 * 1024;

    /** A pass with the given RSS and heap (MiB), OS threads and JVM thread names (all daemon). */
    private static JsonObject pass(int number, long rssMib, long heapMib, int osThreads, String... threadNames) {
        JsonObject pass = new JsonObject();
        pass.addProperty("pass", number);
        pass.addProperty("seconds", 10.0);
        pass.add("errors", new JsonArray());
        pass.addProperty("rss_kib", rssMib * 1024);
        pass.addProperty("rss_peak_kib", rssMib * 1024);
        pass.addProperty("os_threads", osThreads);
        JsonObject jvm = new JsonObject();
        jvm.addProperty("heap_used", heapMib * MIB);
        jvm.addProperty("heap_committed", 2 * heapMib * MIB);
        jvm.addProperty("metaspace_used", 12 * MIB);
        jvm.addProperty("classes", 6500);
        JsonArray threads = new JsonArray();
        for (String name : threadNames) {
            JsonObject thread = new JsonObject();
            thread.addProperty("name", name);
            thread.addProperty("daemon", true);
            thread.addProperty("state", "WAITING");
            threads.add(thread);
        }
        jvm.add("threads", threads);
        pass.add("jvm", jvm);
        return pass;
    }

    private static List<String> problems(JsonObject... passes) {
        JsonObject report = new JsonObject();
        report.addProperty("notebook", "notebooks/99-sample.ipynb");
        report.add("failure", JsonNull.INSTANCE);
        report.addProperty("kernel_exited", true);
        report.addProperty("exit", 0);
        JsonArray all = new JsonArray();
        for (JsonObject pass : passes) {
            all.add(pass);
        }
        report.add("passes", all);
        return SoakReports.problems(report);
    }

    @Test
    void growthUpToTheLimitsPasses() {
        assertEquals(List.of(), problems(pass(0, 270, 40, 24, "main"),
                pass(1, 620, 175, 26, "main", "pool-1-thread-1"),
                pass(2, 900, 197, 25, "main", "pool-1-thread-1"),
                pass(3, 1100, 175 + 128, 34, "main", "pool-1-thread-1", "ForkJoinPool.commonPool-worker-3")));
    }

    @Test
    void residentMemoryLimitIsTheLargerOf150MibAnd15PercentBeyondTheCommittedHeap() {
        assertEquals(List.of("resident memory outside the Java heap grew from pass 2 to pass 3 by 301 MiB (RSS 2000 ->"
                + " 2301 MiB, heap committed 200 -> 200 MiB); at most 300 MiB expected once the first pass has set"
                + " everything up: something is kept from every pass"),
                problems(pass(0, 300, 40, 24), pass(1, 1800, 100, 24), pass(2, 2000, 100, 24),
                        pass(3, 2301, 100, 24)));
        assertEquals(1, problems(pass(0, 300, 40, 24), pass(1, 600, 100, 24), pass(2, 700, 100, 24),
                pass(3, 851, 100, 24)).size());
        assertEquals(List.of(), problems(pass(0, 300, 40, 24), pass(1, 600, 100, 24), pass(2, 700, 100, 24),
                pass(3, 850, 100, 24)));
        assertEquals(List.of(), problems(pass(0, 300, 40, 24), pass(1, 600, 100, 24), pass(2, 700, 100, 24),
                pass(3, 950, 150, 24)), "RSS +250 MiB, of which +100 MiB is heap the JVM committed");
    }

    @Test
    void liveHeapAndThreadsGrowingPerPassAreCaught() {
        assertEquals(List.of("the heap in use after a full GC grew from pass 1 to pass 3 by 129 MiB (150 -> 279 MiB);"
                + " at most 128 MiB (64 per pass) expected: some object from every pass is still reachable",
                "the JVM has 2 more threads after pass 3 than after pass 1 (2 -> 4); at most 1 more expected. Grown,"
                        + " by name (digits as #): {pool-#-thread-#=2}",
                "the kernel process has 33 OS threads after pass 3 but 24 after pass 1; at most 8 more expected"),
                problems(pass(0, 300, 40, 24, "main"), pass(1, 600, 150, 24, "main", "pool-1-thread-1"),
                        pass(2, 600, 200, 28, "main", "pool-1-thread-1", "pool-2-thread-1"),
                        pass(3, 470, 279, 33, "main", "pool-1-thread-1", "pool-2-thread-1", "pool-3-thread-1")));
    }
}
