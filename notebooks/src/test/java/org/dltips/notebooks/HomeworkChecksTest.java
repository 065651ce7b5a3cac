package org.dltips.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The homework checks on hand-written reports, the shape run_notebook.py prints. */
class HomeworkChecksTest {

    private static final String NOT_REACHED = "{\"homework\": \"13-homework.ipynb\", \"attempt\": \"attempt 1\", "
            + "\"tier\": \"none\", \"reached\": false, \"targets\": {\"pass\": 0.6, \"strong\": 0.7, \"boss\": 0.85}, "
            + "\"train_accuracy\": 0.11, \"test_accuracy\": 0.11, \"diagnosis\": \"FAILED_TRAINING\", "
            + "\"hint\": \"Work on optimization first\", \"problem\": null}";
    private static final String PASSED = NOT_REACHED.replace("\"tier\": \"none\", \"reached\": false",
            "\"tier\": \"pass\", \"reached\": true").replace("\"test_accuracy\": 0.11", "\"test_accuracy\": 0.64");

    private static JsonObject report(String role, String... feedback) {
        String json = "{\"notebook\": \"x.ipynb\", \"errors\": [], \"images\": 1, \"expect_images\": true, "
                + "\"exit\": 0, \"homework\": " + (role == null ? "null" : "\"" + role + "\"") + ", \"feedback\": ["
                + String.join(", ", feedback) + "]}";
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void aNotebookThatIsNoHomeworkHasNoHomeworkProblems() {
        assertEquals(List.of(), HomeworkChecks.problems(report(null)));
        JsonObject old = report(null);
        old.remove("homework");
        old.remove("feedback");
        assertEquals(List.of(), HomeworkChecks.problems(old));
        assertEquals(List.of(), NotebookReports.problems(old));
    }

    @Test
    void theUnfilledHomeworkPassesWhenItFailsGracefully() {
        assertEquals(List.of(), HomeworkChecks.problems(report("assignment", NOT_REACHED, NOT_REACHED)));
        assertEquals("passed (homework tier: none)", NotebookReports.status(report("assignment", NOT_REACHED)));
    }

    @Test
    void theUnfilledHomeworkMustNotReachTheTarget() {
        assertEquals(List.of("unfilled homework, attempt 1 reached the pass tier with test accuracy 0.64; the "
                + "pre-filled network must stay below the pass target, or the homework gives itself away"),
                HomeworkChecks.problems(report("assignment", PASSED)));
    }

    @Test
    void theUnfilledHomeworkNeedsADiagnosisAndAHint() {
        String bare = NOT_REACHED.replace("\"FAILED_TRAINING\"", "null").replace("\"Work on optimization first\"", "\"\"");
        assertEquals(List.of("unfilled homework, attempt 1 has no diagnosis in its feedback",
                "unfilled homework, attempt 1 has no hint in its feedback"),
                HomeworkChecks.problems(report("assignment", bare)));
    }

    @Test
    void anUngradableAttemptInTheUnfilledHomeworkMeansItsCellsAreBroken() {
        String problem = NOT_REACHED.replace("\"problem\": null", "\"problem\": \"the network was never trained\"");
        List<String> problems = HomeworkChecks.problems(report("assignment", problem));
        assertEquals(List.of("unfilled homework, attempt 1 could not be graded, so its pre-filled cells are broken: "
                + "the network was never trained"), problems);
    }

    @Test
    void noFeedbackAtAllIsAProblemForBothRoles() {
        for (String role : List.of("assignment", "solution")) {
            List<String> problems = HomeworkChecks.problems(report(role));
            assertEquals(1, problems.size());
            assertTrue(problems.get(0).startsWith("the homework published no feedback"), problems::toString);
        }
    }

    @Test
    void theSolutionsLastAttemptMustReachThePassTier() {
        assertEquals(List.of(), HomeworkChecks.problems(report("solution", NOT_REACHED, PASSED)));
        assertEquals(List.of("solution, attempt 1 did not reach the pass tier: test accuracy 0.11, targets "
                + "{\"pass\":0.6,\"strong\":0.7,\"boss\":0.85}"), HomeworkChecks.problems(report("solution", PASSED,
                NOT_REACHED)));
        List<String> viaReports = NotebookReports.problems(report("solution", NOT_REACHED));
        assertEquals(1, viaReports.size(), viaReports::toString);
        assertEquals("failed (homework tier: none)", NotebookReports.status(report("solution", NOT_REACHED)));
    }

    @Test
    void anUnknownRoleIsNamed() {
        assertEquals(List.of("unknown homework role \"teacher\" in the notebook metadata; expected {\"dltips\": "
                + "{\"homework\": \"assignment\"}} or \"solution\""), HomeworkChecks.problems(report("teacher",
                NOT_REACHED)));
    }
}
