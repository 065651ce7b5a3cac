package org.dltips.lesson;

/**
 * The three steps of machine learning a training method can change: the loss, the function set (the
 * network), or the optimization that searches it. Introduced in the notebook on overfitting and its cures.
 *
 * <p>{@code MethodTable.comparedWith("no cure", 1.0, 0.80).add("L2 in the loss", Step.LOSS, 0.99, 0.84)}
 */
public enum Step {
    /** Step 1: what makes a function good, e.g. L2 regularization, more data, data augmentation. */
    LOSS("1. the loss"),
    /** Step 2: which functions can be chosen at all, e.g. a smaller network, a CNN. */
    FUNCTION_SET("2. the function set"),
    /** Step 3: how the best function is searched for, e.g. Adam, weight decay, early stopping, dropout. */
    OPTIMIZATION("3. the optimization");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /** The step's number and name, e.g. "1. the loss". */
    public String label() {
        return label;
    }
}
