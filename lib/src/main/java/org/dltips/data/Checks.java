package org.dltips.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the data classes, with messages that say what was expected and how to fix it. */
final class Checks {

    private Checks() {
    }

    /** "0", "1", ... up to {@code numClasses - 1}. */
    static List<String> numberNames(int numClasses) {
        List<String> names = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            names.add(String.valueOf(c));
        }
        return List.copyOf(names);
    }

    static float[] checkFeatures(float[] features, int[] labels, int inputSize, int numClasses) {
        Objects.requireNonNull(features, "features");
        checkLabels(Objects.requireNonNull(labels, "labels"), inputSize, numClasses);
        if ((long) labels.length * inputSize != features.length) {
            throw new IllegalArgumentException("features hold " + features.length + " values but "
                    + labels.length + " examples of " + inputSize + " inputs need "
                    + (long) labels.length * inputSize);
        }
        return features;
    }

    static void checkLabels(int[] labels, int inputSize, int numClasses) {
        if (inputSize <= 0 || numClasses <= 0) {
            throw new IllegalArgumentException("inputSize and numClasses must be positive, got "
                    + inputSize + " and " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " of example " + i
                        + " is outside [0, " + numClasses + ")");
            }
        }
    }

    /** The labels at {@code indices}, checking each index. */
    static int[] gather(int[] labels, int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            Objects.checkIndex(indices[i], labels.length);
            picked[i] = labels[indices[i]];
        }
        return picked;
    }

    /** The rows at {@code indices} of a row-major array with {@code width} values per row. */
    static float[] gatherRows(float[] values, int width, int[] indices) {
        float[] picked = new float[indices.length * width];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * width, picked, i * width, width);
        }
        return picked;
    }

    /** Checks the number of new copies per example asked of augmented(...) or mixup(...). */
    static void checkCopies(int copies, String call) {
        if (copies < 1) {
            throw new IllegalArgumentException(call + " asks for " + copies + " new copies of each example; "
                    + "expected 1 or more, such as 4 for a set 5 times as large (the originals stay in).");
        }
    }

    static int checkCount(int n, int available, String method) {
        if (n < 1 || n > available) {
            throw new IllegalArgumentException(method + "(" + n + ") asks for " + n + " examples, but "
                    + available + " are available; expected a count from 1 to " + available + ".");
        }
        return n;
    }

    static void checkLabelNoise(double fraction, int numClasses) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("withLabelNoise(" + fraction + ", seed) needs the share of wrong labels "
                    + "between 0 and 1, such as 0.2 for one label in five.");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("withLabelNoise needs at least 2 classes to make a label wrong, but "
                    + "this set has " + numClasses + ".");
        }
    }

    static int splitPoint(double fraction, int size) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split(" + fraction + ") needs the training fraction strictly "
                    + "between 0 and 1, such as 0.8 for 80% training and 20% validation.");
        }
        int cut = (int) Math.round(fraction * size);
        if (cut == 0 || cut == size) {
            throw new IllegalArgumentException("split(" + fraction + ") of " + size + " examples leaves "
                    + (cut == 0 ? "no training" : "no validation") + " examples; use a larger set or a fraction "
                    + "closer to 0.5.");
        }
        return cut;
    }
}
