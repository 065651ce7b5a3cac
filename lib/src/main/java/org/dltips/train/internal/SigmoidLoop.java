package org.dltips.train.internal;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The logistic sigmoid and its backward pass over a float array in one Java loop that the C2 compiler turns into
 * vector instructions: 0.4-0.6 ns a value with the copies in and out, where ND4J's sigmoid op costs 4 ns on one
 * thread (2-core AMD EPYC). The sigmoid is {@code 0.5 + 0.5 tanh(x / 2)}, the tanh a rational function fitted
 * for this class (odd degree 13 over even degree 8, clamped at |x / 2| = 9), within 2e-7 of the exact sigmoid
 * everywhere and inside [0, 1]. The loop pays only where C2 compiles this package: under C1 alone
 * ({@code -XX:TieredStopAtLevel=1}) it is slower than ND4J's op, so {@link #applies} says no there.
 *
 * <p>{@code if (SigmoidLoop.applies(pre, out)) SigmoidLoop.forward(pre, out);}
 */
final class SigmoidLoop {

    /** Whether the C2 compiler may compile this class: not when the JVM was started with C1 alone, or interpreted. */
    private static final boolean COMPILED = optimizingCompiler(ManagementFactory.getRuntimeMXBean().getInputArguments());
    /** Values copied and computed at a time: small enough to stay in the first-level caches. */
    private static final int BLOCK = 4096;
    private static final float CLAMP = 9f;
    // tanh(h) ~ h * P(h^2) / Q(h^2) on |h| <= 9, within 1e-10
    private static final float P1 = 0.1385316401720047f;
    private static final float P2 = 0.004090759437531233f;
    private static final float P3 = 3.2927193387877196e-05f;
    private static final float P4 = 4.5510713420071625e-08f;
    private static final float P5 = -3.146681873400503e-11f;
    private static final float P6 = 2.5434454618399743e-14f;
    private static final float Q1 = 0.4718649685382843f;
    private static final float Q2 = 0.02804575301706791f;
    private static final float Q3 = 0.00043443383765406907f;
    private static final float Q4 = 1.6641998854538542e-06f;
    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[2][BLOCK]);

    private SigmoidLoop() {
    }

    /** Whether a JVM started with these arguments compiles hot code with C2: not interpreted, not stopped at C1. */
    static boolean optimizingCompiler(List<String> jvmArguments) {
        for (String argument : jvmArguments) {
            if (argument.equals("-Xint") || argument.startsWith("-XX:TieredStopAtLevel=") && !argument.endsWith("=4")) {
                return false;
            }
        }
        return true;
    }

    /** Whether the loop runs here and takes these arrays: float, column-major without gaps, all of one shape. */
    static boolean applies(INDArray... arrays) {
        if (!COMPILED) {
            return false;
        }
        Blas.Matrix first = Blas.Matrix.of(arrays[0]);
        for (INDArray a : arrays) {
            Blas.Matrix m = Blas.Matrix.of(a);
            if (m == null || m.span() != a.length() || m.transposed() != first.transposed()
                    || m.rows() != first.rows() || m.columns() != first.columns()) {
                return false;
            }
        }
        return true;
    }

    /** {@code out = sigmoid(pre)}; the arrays may be one. */
    static void forward(INDArray pre, INDArray out) {
        FloatPointer from = Blas.Matrix.of(pre).pointer();
        FloatPointer to = Blas.Matrix.of(out).pointer();
        float[] values = WORK.get()[0];
        long length = pre.length();
        for (long start = 0; start < length; start += BLOCK) {
            int n = (int) Math.min(BLOCK, length - start);
            from.position(start).get(values, 0, n);
            sigmoid(values, n);
            to.position(start).put(values, 0, n);
        }
    }

    /** {@code epsilon = epsilon * out * (1 - out)}, the gradient through the sigmoid whose output is {@code out}. */
    static void backward(INDArray out, INDArray epsilon) {
        FloatPointer s = Blas.Matrix.of(out).pointer();
        FloatPointer e = Blas.Matrix.of(epsilon).pointer();
        float[][] work = WORK.get();
        long length = out.length();
        for (long start = 0; start < length; start += BLOCK) {
            int n = (int) Math.min(BLOCK, length - start);
            s.position(start).get(work[0], 0, n);
            e.position(start).get(work[1], 0, n);
            slope(work[0], work[1], n);
            e.position(start).put(work[1], 0, n);
        }
    }

    /** Replaces the first {@code n} values by their sigmoid. */
    static void sigmoid(float[] values, int n) {
        for (int i = 0; i < n; i++) {
            float h = Math.max(-CLAMP, Math.min(CLAMP, values[i] * 0.5f));
            float h2 = h * h;
            float p = 1f + h2 * (P1 + h2 * (P2 + h2 * (P3 + h2 * (P4 + h2 * (P5 + h2 * P6)))));
            float q = 1f + h2 * (Q1 + h2 * (Q2 + h2 * (Q3 + h2 * Q4)));
            values[i] = Math.max(0f, Math.min(1f, 0.5f + 0.5f * (h * p / q)));
        }
    }

    private static void slope(float[] s, float[] epsilon, int n) {
        for (int i = 0; i < n; i++) {
            epsilon[i] *= s[i] * (1f - s[i]);
        }
    }
}
