package org.dltips.lesson;

import org.dltips.display.Displayable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dltips.data.Dataset;
import org.dltips.model.Activation;
import org.dltips.model.Network;
import org.dltips.model.Optimizer;
import org.dltips.train.EpochStats;
import org.dltips.train.Fit;
import org.dltips.train.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grading a homework: tiers, the diagnosis behind the hint, and feedback instead of exceptions for mistakes. */
class HomeworkTest {

    private static final Targets TARGETS = Targets.of(0.60, 0.70, 0.85);
    private static final Dataset TRAIN = Synthetic.blobs(300, 8, 3, 1);
    private static final Dataset TEST = Synthetic.blobs(150, 8, 3, 2);

    private static Homework homework(Dataset test) {
        return Homework.of("13-homework.ipynb", TRAIN, test, TARGETS);
    }

    private static Network trained(Network net) {
        net.fit(TRAIN, Fit.epochs(5).batchSize(30).quiet());
        return net;
    }

    // ---- tiers

    @Test
    void eachTargetStartsItsTierAndJustBelowIsTheTierUnder() {
        assertEquals(Tier.NONE, TARGETS.tierOf(0.5999));
        assertEquals(Tier.PASS, TARGETS.tierOf(0.60));
        assertEquals(Tier.PASS, TARGETS.tierOf(0.6999));
        assertEquals(Tier.STRONG, TARGETS.tierOf(0.70));
        assertEquals(Tier.STRONG, TARGETS.tierOf(0.8499));
        assertEquals(Tier.BOSS, TARGETS.tierOf(0.85));
        assertEquals(Tier.BOSS, TARGETS.tierOf(1.0));
        assertEquals(Tier.NONE, TARGETS.tierOf(Double.NaN));
        assertEquals(Tier.NONE, TARGETS.tierOf(0));
    }

    @Test
    void tiersAreOrderedAndKnowTheNextOne() {
        assertTrue(Tier.BOSS.atLeast(Tier.PASS));
        assertFalse(Tier.NONE.atLeast(Tier.PASS));
        assertEquals(Tier.PASS, Tier.NONE.next());
        assertNull(Tier.BOSS.next());
        assertEquals(0.70, TARGETS.accuracyFor(Tier.STRONG));
        assertEquals(0, TARGETS.accuracyFor(Tier.NONE));
    }

    @Test
    void targetsThatDoNotRiseAreRejectedWithWhatWasGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Targets.of(0.7, 0.6, 0.85));
        assertEquals("the targets must rise within (0, 1]: 0 < pass < strong < boss <= 1, got pass 0.7, strong 0.6, "
                + "boss 0.85; e.g. targets(0.60, 0.70, 0.85)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Targets.of(0.6, 0.7, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Targets.of(0, 0.7, 0.8));
    }

    // ---- the diagnosis behind the hint

    private static Feedback graded(Diagnosis diagnosis, double train, double test) {
        return Feedback.graded("13-homework.ipynb", "attempt 1", TARGETS, diagnosis, train, test, List.of());
    }

    @Test
    void theDemosFailingNetworkGetsAnOptimizationHintAndNoTier() {
        int[] predicted = new int[1000];
        Arrays.fill(predicted, 1);
        Feedback f = graded(Diagnosis.of(0.113, 0.114).withPredictions(predicted), 0.113, 0.114);
        assertEquals(Verdict.FAILED_TRAINING, f.verdict());
        assertEquals(Tier.NONE, f.tier());
        assertFalse(f.reached());
        assertEquals(HomeworkHints.OPTIMIZATION + " Next: the pass tier at test accuracy 0.6.", f.hint());
        assertEquals("attempt 1: target not reached yet, test accuracy 0.114 (pass tier at 0.6)", f.headline());
    }

    @Test
    void poorTrainingIsAnOptimizationProblemEvenWhenTestIsAsPoor() {
        Feedback f = graded(Diagnosis.of(0.55, 0.50), 0.55, 0.50);
        assertEquals(Verdict.OPTIMIZATION, f.verdict());
        assertTrue(f.hint().startsWith("Work on optimization first"), f.hint());
    }

    @Test
    void goodTrainingWithAPoorTestSetIsAGeneralizationHint() {
        Feedback f = graded(Diagnosis.of(1.0, 0.50), 1.0, 0.50);
        assertEquals(Verdict.GENERALIZATION, f.verdict());
        assertEquals(Tier.NONE, f.tier());
        assertTrue(f.hint().startsWith("Training works; now work on generalization"), f.hint());
        Feedback strong = graded(Diagnosis.of(0.99, 0.72), 0.99, 0.72);
        assertEquals(Tier.STRONG, strong.tier());
        assertTrue(strong.reached());
        assertTrue(strong.hint().endsWith("Next: the boss tier at test accuracy 0.85."), strong.hint());
    }

    @Test
    void goodOnBothSetsButBelowTheTargetPointsBackToOptimization() {
        Feedback f = graded(Diagnosis.of(0.92, 0.90), 0.92, 0.90);
        assertEquals(Verdict.GOOD, f.verdict());
        assertEquals(Tier.BOSS, f.tier());
        assertEquals(HomeworkHints.TOP, f.hint());
        Feedback weak = Feedback.graded("h", "a", Targets.of(0.93, 0.95, 0.97), Diagnosis.of(0.92, 0.90), 0.92, 0.90,
                List.of());
        assertTrue(weak.hint().startsWith(HomeworkHints.WEAK_ON_BOTH), weak.hint());
    }

    @Test
    void hintsNameTheKindOfTipNeverATip() {
        for (String hint : List.of(HomeworkHints.OPTIMIZATION, HomeworkHints.GENERALIZATION, HomeworkHints.WEAK_ON_BOTH)) {
            for (String tip : List.of("ReLU", "relu", "cross-entropy", "Adam", "dropout", "Dropout", "noise",
                    "augment", "sigmoid", "MSE", "L2", "early stopping")) {
                assertFalse(hint.contains(tip), () -> "the hint gives away \"" + tip + "\": " + hint);
            }
        }
    }

    @Test
    void theJsonCarriesTierAccuraciesDiagnosisAndHint() {
        Feedback f = graded(Diagnosis.of(0.113, 0.114), 0.113, 0.114);
        String json = f.toJson();
        assertTrue(json.startsWith("{\"homework\": \"13-homework.ipynb\", \"attempt\": \"attempt 1\", \"tier\": "
                + "\"none\", \"reached\": false, \"targets\": {\"pass\": 0.6, \"strong\": 0.7, \"boss\": 0.85}, "
                + "\"next_target\": 0.6, \"train_accuracy\": 0.113, \"test_accuracy\": 0.114, \"diagnosis\": "
                + "\"OPTIMIZATION\", \"hint\": \"Work on optimization first"), json);
        assertTrue(json.endsWith("\"problem\": null, \"notes\": []}"), json);
        assertEquals(json, f.mimeBundle().get(Displayable.DATA));
        assertTrue(f.mimeBundle().get("text/html").contains("Hint:"));
    }

    // ---- real networks, and the mistakes students make

    @Test
    void aTrainedNetworkOnEasyDataReachesTheTopTier() {
        Homework homework = homework(TEST);
        Feedback f = homework.grade("attempt 1", trained(Synthetic.builder(8, 3).build()));
        assertNull(f.problem());
        assertEquals(Verdict.GOOD, f.verdict(), f::toString);
        assertEquals(Tier.BOSS, f.tier(), f::toString);
        assertEquals(Tier.BOSS, homework.bestTier());
    }

    @Test
    void aTestSetItCannotGeneralizeToIsDiagnosedAsSuch() {
        Feedback f = homework(Synthetic.shiftedLabels(TEST)).grade("attempt 1",
                trained(Synthetic.builder(8, 3).build()));
        assertEquals(Verdict.GENERALIZATION, f.verdict(), f::toString);
        assertEquals(Tier.NONE, f.tier());
        assertTrue(f.toJson().contains("\"diagnosis\": \"GENERALIZATION\""), f.toJson());
    }

    @Test
    void noNetworkIsFeedbackNotAnException() {
        Feedback f = homework(TEST).grade("attempt 1", null);
        assertEquals("attempt 1 has no network (got null). Build one in the cell marked YOUR NETWORK HERE, starting "
                + "with Network.input(8) and ending with .softmax(3) and .build(), train it, then run this cell again.",
                f.problem());
        assertEquals(f.problem(), f.hint());
        assertEquals(Tier.NONE, f.tier());
        assertNull(f.verdict());
        assertTrue(f.toJson().contains("\"diagnosis\": null"), f.toJson());
        assertTrue(f.toString().startsWith("attempt 1 could not be graded\nWhat to fix: attempt 1 has no network"),
                f.toString());
        assertTrue(f.mimeBundle().get("text/html").contains("What to fix:"));
    }

    @Test
    void wrongInputSizeSaysWhichSizeToUse() {
        Network net = trained(Synthetic.builder(8, 3).build());
        Feedback f = homework(TEST).grade("attempt 1", Network.input(5).dense(4, Activation.RELU).softmax(3).build());
        assertEquals("the network takes 5 inputs per example, but the data has 8 values per example. Start the "
                + "network with Network.input(8), train it again, then run this cell again.", f.problem());
        assertNull(homework(TEST).grade("ok", net).problem());
    }

    @Test
    void wrongOutputSizeSaysHowManyClasses() {
        Feedback f = homework(TEST).grade("attempt 1", Network.input(8).dense(4, Activation.RELU).softmax(10).build());
        assertEquals("the network's softmax has 10 outputs, but the data has 3 classes. End the network with "
                + ".softmax(3), train it again, then run this cell again.", f.problem());
    }

    @Test
    void anUntrainedNetworkIsAskedToBeTrained() {
        Feedback f = homework(TEST).grade("attempt 1", Synthetic.builder(8, 3).build());
        assertTrue(f.problem().startsWith("the network was never trained (net.history() is null: fit was not called "
                + "on it), so its weights are still random. Run its training cell"), f.problem());
        assertFalse(f.reached());
    }

    @Test
    void aSavedAndReloadedNetworkIsGradedOnItsWeightsAndAnUntrainedOneScoresLow(@TempDir Path dir) {
        Network net = trained(Synthetic.builder(8, 3).build());
        net.save(dir.resolve("net.zip"));
        Homework homework = homework(TEST);
        Feedback reloaded = homework.gradeWeights("attempt 1", Network.load(dir.resolve("net.zip")));
        Feedback direct = homework(TEST).grade("attempt 1", net);
        assertNull(reloaded.problem(), reloaded::toString);
        assertEquals(direct.testAccuracy(), reloaded.testAccuracy(), 1e-9);
        assertEquals(direct.tier(), reloaded.tier());
        Feedback untrained = homework.gradeWeights("attempt 2", Synthetic.builder(8, 3).build());
        assertNull(untrained.problem(), untrained::toString);
        assertTrue(untrained.testAccuracy() < 0.7 && untrained.tier() == Tier.NONE, untrained::toString);
        assertTrue(homework.gradeWeights("attempt 3", Network.input(8).dense(4, Activation.RELU).softmax(10).build())
                .problem().startsWith("the network's softmax has 10 outputs"));
    }

    @Test
    void aBlankNameIsNumberedAndRegradingReplacesTheAttempt() {
        Homework homework = homework(TEST);
        homework.grade("", null);
        homework.grade(null, null);
        assertEquals(List.of("attempt 1", "attempt 2"), homework.attempts().stream().map(Feedback::attempt).toList());
        homework.grade("attempt 1", trained(Synthetic.builder(8, 3).build()));
        assertEquals(2, homework.attempts().size());
        assertEquals("attempt 1", homework.best().attempt());
        assertTrue(homework.toJson().contains("\"best_tier\": \"boss\", \"reached\": true"), homework.toJson());
    }

    @Test
    void noGradedAttemptMeansNoBestAndTierNone() {
        Homework homework = homework(TEST);
        assertNull(homework.best());
        homework.grade("attempt 1", null);
        assertNull(homework.best());
        assertEquals(Tier.NONE, homework.bestTier());
        assertTrue(homework.mimeBundle().get("text/html").contains("could not be graded"));
    }

    @Test
    void aSlowRateIsGradedWithItsCurveNotes() {
        Network slow = Network.input(8).dense(4, Activation.SIGMOID).softmax(3).optimizer(Optimizer.sgd(1e-6))
                .seed(3).build();
        slow.fit(TRAIN, Fit.epochs(2).batchSize(30).quiet());
        Feedback f = homework(TEST).grade("slow", slow);
        assertNull(f.problem());
        assertTrue(f.verdict() == Verdict.OPTIMIZATION || f.verdict() == Verdict.FAILED_TRAINING, f::toString);
        assertTrue(f.hint().startsWith("Work on optimization first"), f.hint());
    }

    @Test
    void unmeasuredTrainingLossIsNotMistakenForABlowUp() {
        EpochStats skipped = new EpochStats(1, Double.NaN, Double.NaN, 0.5, 0.8, 1, 100, 0.4, 0.85);
        EpochStats blownUp = new EpochStats(1, Double.NaN, Double.NaN, Double.NaN, 0.1, 1, 100, Double.NaN, 0.1);
        assertFalse(Homework.trainingLossMeasured(List.of(skipped)));
        assertTrue(Homework.trainingLossMeasured(List.of(blownUp)));
        Network net = Synthetic.builder(8, 3).build();
        net.fit(TRAIN, Fit.epochs(2).batchSize(30).quiet().evaluateTraining(false));
        assertEquals(List.of(), homework(TEST).grade("a", net).notes());
    }

    @Test
    void missingDataIsATeachersMistakeAndThrowsWithWhatWasGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Homework.of("13-homework.ipynb", TRAIN, null, TARGETS));
        assertTrue(e.getMessage().contains("got \"13-homework.ipynb\", 300 examples of 8 values in 3 classes, null"),
                e.getMessage());
    }

    @Test
    void curveNotesKeepTrainingSignsButNotTheHintToPickAnEpochByTheTestSet() {
        List<EpochStats> overfitting = new java.util.ArrayList<>();
        List<EpochStats> jumpy = new java.util.ArrayList<>();
        for (int e = 1; e <= 6; e++) {
            overfitting.add(new EpochStats(e, 1.0 / e, 0.9, e == 1 ? 1.0 : 1.0 + e, 0.5, 1, 100));
            jumpy.add(new EpochStats(e, e % 2 == 0 ? 2.0 : 1.0, 0.5, 1.0, 0.5, 1, 100));
        }
        assertEquals(1, CurveSigns.read(overfitting).size(), () -> CurveSigns.read(overfitting).toString());
        assertEquals(List.of(), Homework.curveNotes(overfitting));
        assertEquals(CurveSigns.read(jumpy), Homework.curveNotes(jumpy));
        assertTrue(Homework.curveNotes(jumpy).get(0).contains("learning rate is too big"), Homework.curveNotes(jumpy)::toString);
    }

    @Test
    void anAttemptIsFoundByNameAndAMissingOneIsFeedbackNotAnException() {
        Homework homework = homework(TEST);
        Feedback graded = homework.grade("attempt 1", trained(Synthetic.builder(8, 3).build()));
        assertEquals(graded, homework.attempt("attempt 1"));
        Feedback missing = homework.attempt("attempt 2");
        assertEquals("attempt 2 was not graded yet; the attempts graded are [attempt 1]. Run its feedback cell, "
                + "homework.grade(\"attempt 2\", net), first.", missing.problem());
        assertTrue(Double.isNaN(missing.testAccuracy()));
        assertEquals(1, homework.attempts().size());
    }
}
