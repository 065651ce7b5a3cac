package org.dltips.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.dltips.train.EpochStats;
import org.junit.jupiter.api.Test;

/** Verdicts on the numbers of the lecture's live demo. */
class DiagnosisTest {

    @Test
    void sigmoidWithMseIsAnOptimizationProblem() {
        Diagnosis d = Diagnosis.of(0.113, 0.114);
        assertEquals(Verdict.OPTIMIZATION, d.verdict());
        assertEquals("An optimization problem: training accuracy 0.113, test accuracy 0.114. Training accuracy is "
                + "below 0.9, so the network does not even fit the data it learns from. This is not overfitting: "
                + "fix training first (dropout or regularization now would only lower training accuracy further).",
                d.summary());
        assertTrue(d.suggestions().get(0).startsWith("cross-entropy"), d.suggestions().toString());
    }

    @Test
    void noisyTestSetIsAGeneralizationProblem() {
        Diagnosis d = Diagnosis.of(1.000, 0.475);
        assertEquals(Verdict.GENERALIZATION, d.verdict());
        assertEquals("A generalization problem: training accuracy 1.000, test accuracy 0.475. Training is good (at "
                + "least 0.9) but the test set is 0.525 lower, more than the allowed gap of 0.05.", d.summary());
        assertTrue(d.suggestions().stream().anyMatch(s -> s.startsWith("dropout")), d.suggestions().toString());
    }

    @Test
    void reluWithAdamIsGood() {
        assertEquals(Verdict.GOOD, Diagnosis.of(0.999, 0.963).verdict());
        assertEquals(List.of(), Diagnosis.of(0.999, 0.963).suggestions());
    }

    @Test
    void predictingOneClassIsFailedTrainingWithItsShare() {
        int[] predicted = new int[1000];
        Arrays.fill(predicted, 1);
        predicted[0] = 7;
        Diagnosis d = Diagnosis.of(0.1127, 0.1135).withPredictions(predicted);
        assertEquals(Verdict.FAILED_TRAINING, d.verdict());
        assertTrue(d.summary().startsWith("Training failed: the network predicts class 1 for 100% of inputs "
                + "(training accuracy 0.113, test accuracy 0.114)."), d.summary());
    }

    @Test
    void variedPredictionsDoNotCountAsOneClass() {
        int[] predicted = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(Verdict.OPTIMIZATION, Diagnosis.of(0.5, 0.5).withPredictions(predicted).verdict());
    }

    @Test
    void thresholdsCanBeChangedAndTheLastEpochIsUsed() {
        List<EpochStats> epochs = List.of(new EpochStats(1, 1, 0.5, 1, 0.5, 1, 1),
                new EpochStats(2, 1, 0.85, 1, 0.80, 1, 1));
        assertEquals(Verdict.OPTIMIZATION, Diagnosis.of(epochs).verdict());
        assertEquals(Verdict.GOOD, Diagnosis.of(epochs).thresholds(0.8, 0.1).verdict());
    }

    @Test
    void displaysAsHtmlTextAndJson() {
        var bundle = Diagnosis.of(0.991, 0.612).mimeBundle();
        assertTrue(bundle.get("text/html").contains("<b>Diagnosis: a generalization problem"), bundle.get("text/html"));
        assertTrue(bundle.get("text/plain").contains("\nTry:\n  - early stopping"), bundle.get("text/plain"));
        assertEquals("{\"verdict\": \"GENERALIZATION\", \"train_accuracy\": 0.991, \"test_accuracy\": 0.612, "
                + "\"majority_share\": null}", bundle.get("application/json"));
    }
}
