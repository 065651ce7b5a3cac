package org.dltips.notebooks;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one notebook report and collects all of them into {@code target/notebook-summary.{md,json}}.
 *
 * <p>{@code NotebookReports.problems(report)} is empty for a notebook that passed.
 */
final class NotebookReports {

    /** The most resident memory a notebook's kernel may reach, in MiB (1 GiB). */
    static final double MEMORY_BAR_MIB = 1024;

    /** The bars, in lecture-epoch limits: the live demo in all, any cell of it, a 20-epoch lecture cell. */
    static final double DEMO_BAR = 800;
    static final double DEMO_CELL_BAR = 75;
    static final double LECTURE_CELL_BAR = 30;

    private final List<JsonObject> reports = new ArrayList<>();
    private double limit = Double.NaN; // the lecture epoch's limit on this machine, in seconds

    /** Sets the lecture epoch's limit ({@link EpochLimit}) the summary states times in; NaN leaves them out. */
    synchronized void limit(double seconds) {
        limit = seconds;
    }

    /**
     * What is wrong with a notebook run: error outputs, failed checks, missing images, a homework that did not do
     * its part ({@link HomeworkChecks}). Empty when it passed.
     */
    static List<String> problems(JsonObject report) {
        List<String> problems = new ArrayList<>();
        for (JsonElement error : report.getAsJsonArray("errors")) {
            JsonObject e = error.getAsJsonObject();
            problems.add("cell " + e.get("cell").getAsInt() + " failed with " + e.get("ename").getAsString() + ": "
                    + e.get("evalue").getAsString() + "\n    in: " + e.get("source").getAsString().replace("\n", " "));
        }
        if (report.get("expect_images").getAsBoolean() && report.get("images").getAsInt() == 0) {
            problems.add("no image/png output; every notebook must show at least one chart (or set notebook"
                    + " metadata {\"dltips\": {\"expect_images\": false}})");
        }
        double peak = peakMemory(report);
        if (peak > MEMORY_BAR_MIB) {
            problems.add(String.format("the kernel's resident memory peaked at %.0f MiB; a notebook's kernel must stay"
                    + " under %.0f MiB (1 GiB), so that a class of students fits on one machine", peak, MEMORY_BAR_MIB));
        }
        problems.addAll(HomeworkChecks.problems(report));
        if (problems.isEmpty() && report.get("exit").getAsInt() != 0) {
            problems.add("the runner exited with " + report.get("exit").getAsInt() + ":\n" + report.get("log"));
        }
        return problems;
    }

    synchronized void add(JsonObject report) {
        reports.add(report);
        String where = report.has("client") && !report.get("client").getAsString().equals("nbclient")
                ? " in " + report.get("client").getAsString() : "";
        System.out.printf("notebook %s%s: %.1f s, %d images, %s%n", name(report), where,
                report.get("seconds").getAsDouble(), report.get("images").getAsInt(),
                problems(report).isEmpty() ? "passed" : "FAILED");
    }

    double totalSeconds() {
        return secondsOf(".*");
    }

    /** Seconds of the notebooks whose file name matches {@code pattern}. */
    double secondsOf(String pattern) {
        return reports.stream().filter(r -> name(r).matches(pattern))
                .mapToDouble(r -> r.get("seconds").getAsDouble()).sum();
    }

    /**
     * Writes the Markdown table (notebook, client, seconds, images, status, slowest cell, the kernel's peak
     * resident memory) and the raw JSON reports.
     */
    synchronized void write(Path target) {
        StringBuilder md = new StringBuilder("| notebook | run in | seconds | images | status | slowest cell (s) "
                + "| peak memory (MiB) | limit-epochs | slowest cell (limit-epochs) |\n");
        md.append("|---|---|---:|---:|---|---:|---:|---:|---:|\n");
        JsonArray all = new JsonArray();
        for (JsonObject report : reports) {
            JsonArray slowest = report.getAsJsonArray("slowest_cells");
            String slow = slowest.isEmpty() ? "" : slowest.get(0).getAsJsonObject().get("seconds").getAsString();
            String client = report.has("client") ? report.get("client").getAsString() : "nbclient";
            double peak = peakMemory(report);
            md.append(String.format("| %s | %s | %.1f | %d | %s | %s | %s | %s | %s |%n", name(report), client,
                    report.get("seconds").getAsDouble(), report.get("images").getAsInt(),
                    status(report), slow, Double.isNaN(peak) ? "" : String.format("%.0f", peak),
                    inLimits(report.get("seconds").getAsDouble()), inLimits(slowestSeconds(report))));
            JsonObject copy = report.deepCopy();
            copy.remove("log");
            all.add(copy);
        }
        md.append(String.format("%nTotal: %d notebooks, %.1f s%n", reports.size(), totalSeconds()));
        if (!Double.isNaN(limit)) {
            md.append(bars());
        }
        writeSummary(target, "notebook-summary", md, all);
    }

    /** The times of the live demo against the bars, in lecture-epoch limits. */
    private String bars() {
        List<JsonObject> demo = reports.stream().filter(r -> name(r).matches("0[0-6]-.*\\.ipynb")).toList();
        double slowestCell = demo.stream().mapToDouble(NotebookReports::slowestSeconds).filter(x -> !Double.isNaN(x))
                .max().orElse(Double.NaN);
        double lectureCell = demo.stream().filter(r -> name(r).startsWith("01-")).mapToDouble(
                NotebookReports::slowestSeconds).findFirst().orElse(Double.NaN);
        return String.format("%nIn units of the lecture epoch's limit on this machine (%.3f s: an epoch's matrix"
                + " products at the measured product peak): the live demo (00 to 06) %s (bar %.0f), its slowest cell"
                + " %s (bar %.0f), notebook 01's slowest cell, a 20-epoch lecture run, %s (bar %.0f)%n", limit,
                inLimits(secondsOf("0[0-6]-.*\\.ipynb")), DEMO_BAR, inLimits(slowestCell), DEMO_CELL_BAR,
                inLimits(lectureCell), LECTURE_CELL_BAR);
    }

    private String inLimits(double seconds) {
        return Double.isNaN(limit) || Double.isNaN(seconds) ? "" : String.format("%.0f", seconds / limit);
    }

    private static double slowestSeconds(JsonObject report) {
        JsonArray slowest = report.getAsJsonArray("slowest_cells");
        return slowest == null || slowest.isEmpty() ? Double.NaN
                : slowest.get(0).getAsJsonObject().get("seconds").getAsDouble();
    }

    /** Writes {@code name}.md and {@code name}.json into {@code target} and prints the Markdown. */
    static void writeSummary(Path target, String name, CharSequence md, JsonElement json) {
        try {
            Files.createDirectories(target);
            Files.writeString(target.resolve(name + ".md"), md);
            Files.writeString(target.resolve(name + ".json"),
                    new GsonBuilder().setPrettyPrinting().create().toJson(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(md);
    }

    /** "passed" or "failed", with the tier of the last attempt for a homework notebook. */
    static String status(JsonObject report) {
        String status = problems(report).isEmpty() ? "passed" : "failed";
        if (report.has("feedback") && !report.getAsJsonArray("feedback").isEmpty()) {
            JsonArray feedback = report.getAsJsonArray("feedback");
            JsonElement tier = feedback.get(feedback.size() - 1).getAsJsonObject().get("tier");
            status += " (homework tier: " + (tier == null || tier.isJsonNull() ? "none" : tier.getAsString()) + ")";
        }
        return status;
    }

    /** The kernel's peak resident memory in MiB, NaN when the run could not read it. */
    static double peakMemory(JsonObject report) {
        JsonElement peak = report.get("peak_memory_mib");
        return peak == null || peak.isJsonNull() ? Double.NaN : peak.getAsDouble();
    }

    static String name(JsonObject report) {
        return Path.of(report.get("notebook").getAsString()).getFileName().toString();
    }
}
