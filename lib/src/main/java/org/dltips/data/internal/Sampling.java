package org.dltips.data.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded random choices behind subsets and noise: a permutation, a stratified sample, Gaussian noise. Uses
 * {@link Random}, whose sequence is fixed by the Java specification, so a seed gives the same result on every
 * Java version.
 *
 * <p>{@code int[] order = Sampling.permutation(60_000, 7);}
 */
public final class Sampling {

    private Sampling() {
    }

    /** The numbers 0..size-1 in an order shuffled with {@code seed} (Fisher-Yates). */
    public static int[] permutation(int size, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int kept = order[i];
            order[i] = order[j];
            order[j] = kept;
        }
        return order;
    }

    /**
     * Indices of {@code n} examples chosen with {@code seed} so that each class keeps its share: class c gets
     * {@code n * count[c] / size} examples rounded down, and the examples left over go to the classes with the
     * largest remainders. The indices come back in ascending order.
     */
    public static int[] stratified(int[] labels, int numClasses, int n, long seed) {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        int[] quota = new int[numClasses];
        long[] remainder = new long[numClasses];
        int given = 0;
        for (int c = 0; c < numClasses; c++) {
            long share = (long) n * counts[c];
            quota[c] = (int) (share / labels.length);
            remainder[c] = share % labels.length;
            given += quota[c];
        }
        for (; given < n; given++) {
            int best = -1;
            for (int c = 0; c < numClasses; c++) {
                if (quota[c] < counts[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
        }
        int[] chosen = new int[n];
        int filled = 0;
        for (int i : permutation(labels.length, seed)) {
            if (quota[labels[i]] > 0) {
                quota[labels[i]]--;
                chosen[filled++] = i;
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /** A copy of {@code values} with N(0, stddev²) noise drawn with {@code seed} added to each value. */
    public static float[] withGaussianNoise(float[] values, double stddev, long seed) {
        float[] noisy = values.clone();
        Random random = new Random(seed);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += (float) (random.nextGaussian() * stddev);
        }
        return noisy;
    }

    /**
     * A copy of {@code labels} in which {@code round(fraction * length)} examples, chosen with {@code seed}, get
     * another class, drawn uniformly from the other {@code numClasses - 1}: every chosen label really is wrong.
     */
    public static int[] withWrongLabels(int[] labels, int numClasses, double fraction, long seed) {
        int[] noisy = labels.clone();
        int count = (int) Math.round(fraction * labels.length);
        int[] order = permutation(labels.length, seed);
        Random random = new Random(seed ^ 0x5DEECE66DL);
        for (int k = 0; k < count; k++) {
            int i = order[k];
            int other = random.nextInt(numClasses - 1);
            noisy[i] = other >= labels[i] ? other + 1 : other;
        }
        return noisy;
    }

    /** The numbers {@code from..to-1}. */
    public static int[] range(int from, int to) {
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return indices;
    }
}
