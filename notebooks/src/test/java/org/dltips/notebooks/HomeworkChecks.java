package org.dltips.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a homework notebook must show besides running clean, read from the feedback it published. The notebook's
 * metadata names its role: {@code {"dltips": {"homework": "assignment"}}} for the unfilled homework, which must
 * fail gracefully (every attempt graded, target not reached, a diagnosis and a hint); {@code "solution"} for the
 * solution, whose last attempt must reach at least the pass tier.
 *
 * <p>{@code HomeworkChecks.problems(report)} is empty for a notebook that is no homework or did its part.
 */
final class HomeworkChecks {

    static final String ASSIGNMENT = "assignment";
    static final String SOLUTION = "solution";

    private HomeworkChecks() {
    }

    /** The problems with the homework part of a report from run_notebook.py; empty when it is no homework. */
    static List<String> problems(JsonObject report) {
        JsonElement role = report.get("homework");
        if (role == null || role.isJsonNull()) {
            return List.of();
        }
        List<JsonObject> feedback = new ArrayList<>();
        if (report.has("feedback")) {
            report.getAsJsonArray("feedback").forEach(f -> feedback.add(f.getAsJsonObject()));
        }
        if (feedback.isEmpty()) {
            return List.of("the homework published no feedback (application/vnd.dltips+json with \"homework\" and \"attempt\");"
                    + " each attempt must end with a cell whose value is homework.grade(...)");
        }
        return switch (role.getAsString()) {
            case ASSIGNMENT -> assignment(feedback);
            case SOLUTION -> solution(feedback.get(feedback.size() - 1));
            default -> List.of("unknown homework role \"" + role.getAsString() + "\" in the notebook metadata;"
                    + " expected {\"dltips\": {\"homework\": \"" + ASSIGNMENT + "\"}} or \"" + SOLUTION + "\"");
        };
    }

    /** The unfilled homework: every attempt graded, not reached, with a diagnosis and a hint. */
    private static List<String> assignment(List<JsonObject> feedback) {
        List<String> problems = new ArrayList<>();
        for (JsonObject f : feedback) {
            String attempt = "unfilled homework, " + text(f, "attempt");
            if (!isNull(f, "problem")) {
                problems.add(attempt + " could not be graded, so its pre-filled cells are broken: " + text(f, "problem"));
                continue;
            }
            if (f.has("reached") && f.get("reached").getAsBoolean()) {
                problems.add(attempt + " reached the " + text(f, "tier") + " tier with test accuracy "
                        + text(f, "test_accuracy") + "; the pre-filled network must stay below the pass target, or"
                        + " the homework gives itself away");
            }
            if (isNull(f, "diagnosis") || text(f, "diagnosis").isBlank()) {
                problems.add(attempt + " has no diagnosis in its feedback");
            }
            if (isNull(f, "hint") || text(f, "hint").isBlank()) {
                problems.add(attempt + " has no hint in its feedback");
            }
        }
        return problems;
    }

    /** The solution: its last attempt reaches at least the pass tier. */
    private static List<String> solution(JsonObject last) {
        if (!isNull(last, "problem")) {
            return List.of("solution, " + text(last, "attempt") + " could not be graded: " + text(last, "problem"));
        }
        if (last.has("reached") && last.get("reached").getAsBoolean()) {
            return List.of();
        }
        return List.of("solution, " + text(last, "attempt") + " did not reach the pass tier: test accuracy "
                + text(last, "test_accuracy") + ", targets " + last.get("targets"));
    }

    private static boolean isNull(JsonObject f, String key) {
        return !f.has(key) || f.get(key).isJsonNull();
    }

    private static String text(JsonObject f, String key) {
        return isNull(f, key) ? "null" : f.get(key).getAsString();
    }
}
