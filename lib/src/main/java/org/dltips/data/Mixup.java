package org.dltips.data;

import org.dltips.data.internal.FeatureStore;
import org.dltips.data.internal.Mixing;

import java.util.Random;

/** Builds the mixed set behind {@link Dataset#mixup(double, int, long)}. */
final class Mixup {

    private Mixup() {
    }

    /**
     * Each example followed by {@code copies} mixes of it with a partner drawn at random from the whole set:
     * features and targets {@code lambda * own + (1 - lambda) * partner}, lambda ~ Beta(alpha, alpha).
     */
    static Dataset of(Dataset data, double alpha, int copies, long seed) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("mixup(" + alpha + ", " + copies + ", " + seed + ") needs alpha > 0: "
                    + "the mixing weight is drawn from Beta(alpha, alpha). Small values such as 0.2 mix a little "
                    + "(most weights near 0 or 1), alpha = 1 mixes uniformly.");
        }
        Checks.checkCopies(copies, "mixup(" + alpha + ", " + copies + ", " + seed + ")");
        int n = data.size();
        int inputs = data.inputSize();
        int classes = data.numClasses();
        float[] x = data.featureArray();
        float[] t = data.targetArray();
        int rows = n * (copies + 1);
        float[] mixedX = new float[rows * inputs];
        float[] mixedT = new float[rows * classes];
        int[] labels = new int[rows];
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            int at = i * (copies + 1);
            for (int k = 0; k <= copies; k++) {
                int partner = k == 0 ? i : random.nextInt(n);
                double lambda = k == 0 ? 1 : Mixing.beta(alpha, random);
                Mixing.mix(x, i * inputs, x, partner * inputs, lambda, mixedX, (at + k) * inputs, inputs);
                Mixing.mix(t, i * classes, t, partner * classes, lambda, mixedT, (at + k) * classes, classes);
                labels[at + k] = largest(mixedT, (at + k) * classes, classes);
            }
        }
        return data.mixed(FeatureStore.ofFloats(mixedX, inputs), labels, mixedT);
    }

    /** The class with the largest share in a target row; the lower class on a tie. */
    static int largest(float[] targets, int from, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (targets[from + c] > targets[from + best]) {
                best = c;
            }
        }
        return best;
    }
}
