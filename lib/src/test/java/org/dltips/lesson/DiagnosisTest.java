package org.dltips.lesson;

import org.dltips.display.Displayable;
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
    void aConfusionMatrixWithOneFullColumnIsFailedTraining() {
        int[][] counts = {{0, 98, 0}, {0, 113, 0}, {0, 95, 2}};
        Diagnosis d = Diagnosis.of(0.37, 0.37).withConfusionMatrix(counts);
        assertEquals(Verdict.FAILED_TRAINING, d.verdict());
        assertTrue(d.summary().startsWith("Training failed: the network predicts class 1 for 99% of inputs"),
                d.summary());
        assertEquals("{\"verdict\": \"FAILED_TRAINING\", \"train_accuracy\": 0.37, \"test_accuracy\": 0.37, "
                + "\"majority_share\": " + (306 / 308.0) + "}", d.mimeBundle().get(Displayable.DATA));
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
    void aValidationLossThatRisesAgainIsNotedAsOverfitting() {
        List<EpochStats> epochs = List.of(new EpochStats(1, 1.0, 0.80, 1.0, 0.78, 1, 1),
                new EpochStats(2, 0.5, 0.95, 0.6, 0.90, 1, 1), new EpochStats(3, 0.2, 0.99, 0.7, 0.89, 1, 1),
                new EpochStats(4, 0.1, 1.00, 0.9, 0.88, 1, 1));
        Diagnosis d = Diagnosis.of(epochs);
        assertEquals(Verdict.GENERALIZATION, d.verdict());
        assertEquals(List.of("the validation loss was lowest at epoch 2 (0.6) and rose to 0.9 by epoch 4 while the "
                + "training loss kept falling: overfitting; early stopping would keep epoch 2"), d.notes());
        assertTrue(d.toString().contains("\nNote: the validation loss was lowest at epoch 2"), d.toString());
    }

    @Test
    void aJumpingOrExplodingTrainingLossPointsAtTheLearningRate() {
        double[] losses = {2.0, 1.5, 1.8, 1.2, 1.6, 1.1};
        List<EpochStats> jumping = new java.util.ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            jumping.add(new EpochStats(i + 1, losses[i], 0.5, Double.NaN, Double.NaN, 1, 1));
        }
        assertEquals(List.of("the training loss went up in 2 of 5 epochs: a loss that jumps around suggests the "
                + "learning rate is too big"), Diagnosis.of(jumping).notes());
        List<EpochStats> exploded = List.of(new EpochStats(1, 2.0, 0.1, 2, 0.1, 1, 1),
                new EpochStats(2, Double.NaN, 0.1, Double.NaN, 0.1, 1, 1));
        assertEquals(List.of("the training loss became NaN at epoch 2: the learning rate is too big, or the inputs "
                + "are not normalized"), Diagnosis.of(exploded).notes());
    }

    @Test
    void smoothCurvesHaveNoNotes() {
        List<EpochStats> smooth = List.of(new EpochStats(1, 1.0, 0.9, 1.0, 0.9, 1, 1),
                new EpochStats(2, 0.5, 0.95, 0.6, 0.94, 1, 1));
        assertEquals(List.of(), Diagnosis.of(smooth).notes());
    }

    @Test
    void displaysAsHtmlTextAndJson() {
        var bundle = Diagnosis.of(0.991, 0.612).mimeBundle();
        assertTrue(bundle.get("text/html").contains("<b>Diagnosis: a generalization problem"), bundle.get("text/html"));
        assertTrue(bundle.get("text/plain").contains("\nTry:\n  - early stopping"), bundle.get("text/plain"));
        assertEquals("{\"verdict\": \"GENERALIZATION\", \"train_accuracy\": 0.991, \"test_accuracy\": 0.612, "
                + "\"majority_share\": null}", bundle.get(Displayable.DATA));
    }
}
