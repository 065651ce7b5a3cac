package org.dltips.data;

import java.util.List;

/**
 * How many examples each class has, and the share of the most common one: the accuracy a network gets by
 * predicting that class for everything. Introduced in the notebook's first failed run (sigmoid with MSE), whose
 * accuracy 0.1127 is exactly the share of digit 1 in the first 10 000 training images.
 *
 * <p>{@code ClassBalance balance = mnist.test().classBalance(); balance.mostCommonShare(); // 0.1135}
 */
public record ClassBalance(int[] counts, List<String> classNames) {

    /** Counts the labels of {@code labels} over {@code classNames.size()} classes. */
    static ClassBalance of(int[] labels, List<String> classNames) {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return new ClassBalance(counts, classNames);
    }

    /** Number of examples in all classes together. */
    public int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    /** Share of class {@code label} in [0, 1]; 0 for an empty set. */
    public double share(int label) {
        int total = total();
        return total == 0 ? 0 : (double) counts[label] / total;
    }

    /** The label of the most common class (the smallest such label on a tie). */
    public int mostCommonClass() {
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            best = counts[c] > counts[best] ? c : best;
        }
        return best;
    }

    /** The share of the most common class: the accuracy of always predicting it. */
    public double mostCommonShare() {
        return share(mostCommonClass());
    }

    /** One line per class: name, count and share, then the most common class. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < counts.length; c++) {
            text.append(String.format("%-12s %6d  %.4f%n", classNames.get(c), counts[c], share(c)));
        }
        return text.append(String.format("most common: %s, share %.4f", classNames.get(mostCommonClass()),
                mostCommonShare())).toString();
    }
}
