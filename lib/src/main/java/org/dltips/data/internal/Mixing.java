package org.dltips.data.internal;

import java.util.Random;

/**
 * The random draws and arithmetic behind mixup: mixing weights from a Beta(alpha, alpha) distribution and
 * convex combinations of two rows. Uses {@link Random}, so a seed gives the same draws on every Java version.
 *
 * <p>{@code double lambda = Mixing.beta(0.2, random); float[] row = Mixing.mix(a, b, lambda);}
 */
public final class Mixing {

    private Mixing() {
    }

    /**
     * A draw from Beta(alpha, alpha), as X / (X + Y) with X and Y drawn from Gamma(alpha, 1). When both
     * underflow to 0 (possible for a tiny alpha, whose Beta puts almost all weight at 0 and 1), 0 or 1 is
     * returned with equal chance.
     */
    public static double beta(double alpha, Random random) {
        double x = gamma(alpha, random);
        double y = gamma(alpha, random);
        if (x + y == 0) {
            return random.nextBoolean() ? 1 : 0;
        }
        return x / (x + y);
    }

    /**
     * A draw from Gamma(shape, 1) by Marsaglia and Tsang's method; a shape below 1 is drawn as
     * Gamma(shape + 1) times U^(1 / shape).
     */
    static double gamma(double shape, Random random) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Writes {@code lambda * a[aFrom..] + (1 - lambda) * b[bFrom..]} ({@code length} values) into {@code out[outFrom..]}. */
    public static void mix(float[] a, int aFrom, float[] b, int bFrom, double lambda, float[] out, int outFrom,
                           int length) {
        for (int k = 0; k < length; k++) {
            out[outFrom + k] = (float) (lambda * a[aFrom + k] + (1 - lambda) * b[bFrom + k]);
        }
    }
}
