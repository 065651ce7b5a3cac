package org.dltips.lesson;

import java.util.LinkedHashMap;
import java.util.Map;

/** The class a model predicts most often, and its share of all predictions. */
record Majority(int predictedClass, double share) {

    static Majority ofPredictions(int[] predictedClasses) {
        if (predictedClasses == null || predictedClasses.length == 0) {
            throw new IllegalArgumentException("withPredictions needs the predicted class of each example, got none");
        }
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int c : predictedClasses) {
            counts.merge(c, 1, Integer::sum);
        }
        Map.Entry<Integer, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new Majority(top.getKey(), top.getValue() / (double) predictedClasses.length);
    }

    static Majority ofConfusionMatrix(int[][] counts) {
        int classes = counts.length;
        long total = 0;
        long[] predicted = new long[classes];
        for (int[] row : counts) {
            for (int j = 0; j < classes; j++) {
                predicted[j] += row[j];
                total += row[j];
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("the confusion matrix is empty (all counts 0); evaluate on a non-empty set");
        }
        int top = 0;
        for (int j = 1; j < classes; j++) {
            top = predicted[j] > predicted[top] ? j : top;
        }
        return new Majority(top, predicted[top] / (double) total);
    }
}
