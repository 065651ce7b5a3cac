package org.dltips.lesson;

/**
 * What a {@link Diagnosis} concluded, following the lecture's recipe. Introduced in the first notebook.
 *
 * <p>{@code if (Diagnosis.of(0.113, 0.114).verdict() == Verdict.OPTIMIZATION) ...}
 */
public enum Verdict {
    /** The network predicts (almost) one class for everything: training failed outright. */
    FAILED_TRAINING("training failed: the network predicts one class for almost everything"),
    /** Training accuracy is poor: an optimization problem, not overfitting. */
    OPTIMIZATION("an optimization problem: poor on the TRAINING set"),
    /** Training accuracy is good but test accuracy is much lower: a generalization problem. */
    GENERALIZATION("a generalization problem: good on the training set, much worse on the test set"),
    /** Good on both sets. */
    GOOD("good on both the training and the test set");

    private final String meaning;

    Verdict(String meaning) {
        this.meaning = meaning;
    }

    /** The verdict in words. */
    public String meaning() {
        return meaning;
    }
}
