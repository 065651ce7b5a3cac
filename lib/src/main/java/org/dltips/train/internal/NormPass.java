package org.dltips.train.internal;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalization in {@link DenseStep}, for one batch size: the training pass with the batch's own mean and
 * variance, its gradient, and the running statistics DL4J keeps for inference, with DL4J's arithmetic (the
 * variance divides by the batch size, {@code eps} is added before the square root, the running mean and spread
 * move by {@code 1 - decay} of the way to the batch's after every batch). Each pass is a Java loop over the
 * column-major arrays, one column (one unit) at a time: ND4J's broadcast ops along rows of a column-major array
 * took 85 microseconds each on 100 x 689 values, and DL4J's layer runs about twenty ops a batch.
 *
 * <p>{@code NormPass p = new NormPass(params, rows); p.forward(x, out); ...; p.backward(g, dx, dGamma, dBeta);}
 */
final class NormPass {

    private static final double HALF_OVER_LN10 = 1 / (2 * Math.log(10.0));

    private final LayerStack.NormParameters params;
    private final int rows;
    private final int units;
    private final float[] mean; // the batch's, per unit
    private final float[] variance;
    private final float[] std; // sqrt(variance + eps)
    private final float[] gamma;
    private final float[] beta;
    private final float[] xHat; // (x - mean) / std, column-major, kept from the forward pass for the backward
    private final float[] values; // the array being read or written, column-major
    private final float[] outputs; // the following activation's output, when its derivative is applied here

    NormPass(LayerStack.NormParameters params, int rows) {
        this.params = params;
        this.rows = rows;
        this.units = (int) params.units();
        this.mean = new float[units];
        this.variance = new float[units];
        this.std = new float[units];
        this.gamma = new float[units];
        this.beta = new float[units];
        this.xHat = new float[rows * units];
        this.values = new float[rows * units];
        this.outputs = new float[rows * units];
    }

    /** {@code out = gamma * (x - mean) / std + beta} with the batch's mean and variance, kept for the gradient. */
    void forward(INDArray x, INDArray out) {
        read(x, values);
        Blas.vector(params.gamma()).get(gamma);
        Blas.vector(params.beta()).get(beta);
        float eps = (float) params.eps();
        for (int j = 0; j < units; j++) {
            int from = j * rows;
            double sum = 0;
            for (int r = from; r < from + rows; r++) {
                sum += values[r];
            }
            float m = (float) (sum / rows);
            double squares = 0;
            for (int r = from; r < from + rows; r++) {
                float d = values[r] - m;
                squares += d * d;
            }
            float v = (float) (squares / rows);
            float s = (float) Math.sqrt(v + eps);
            mean[j] = m;
            variance[j] = v;
            std[j] = s;
            float g = gamma[j];
            float b = beta[j];
            for (int r = from; r < from + rows; r++) {
                float h = (values[r] - m) / s;
                xHat[r] = h;
                values[r] = h * g + b;
            }
        }
        write(values, out);
    }

    /**
     * From {@code g}, the loss's gradient with respect to the last {@link #forward}'s output, or, when {@code
     * activation} is not NONE, with respect to the output {@code activated} of the activation that followed it
     * (whose derivative this pass then applies first): writes the gradients of gamma and beta into {@code dGamma}
     * and {@code dBeta} (contiguous, one value per unit) and, when {@code dx} is not null, the gradient with respect
     * to its input, {@code gamma / std * (g - mean(g) - xHat * mean(g * xHat))} per unit. Uses the gamma of the
     * forward pass.
     */
    void backward(INDArray g, HiddenActivation.FromOutput activation, INDArray activated, INDArray dx,
                  FloatPointer dGamma, FloatPointer dBeta) {
        read(g, values);
        if (activation == HiddenActivation.FromOutput.SIGMOID) {
            read(activated, outputs);
            for (int k = 0; k < values.length; k++) {
                float s = outputs[k];
                values[k] *= (1 - s) * s;
            }
        }
        float[] sumsOfG = new float[units];
        float[] sumsOfGxHat = new float[units];
        for (int j = 0; j < units; j++) {
            int from = j * rows;
            double sum = 0;
            double weighted = 0;
            for (int r = from; r < from + rows; r++) {
                sum += values[r];
                weighted += values[r] * xHat[r];
            }
            sumsOfG[j] = (float) sum;
            sumsOfGxHat[j] = (float) weighted;
            if (dx != null) {
                float meanG = (float) (sum / rows);
                float meanGxHat = (float) (weighted / rows);
                float scale = gamma[j] / std[j];
                for (int r = from; r < from + rows; r++) {
                    values[r] = scale * (values[r] - meanG - xHat[r] * meanGxHat);
                }
            }
        }
        dBeta.put(sumsOfG);
        dGamma.put(sumsOfGxHat);
        if (dx != null) {
            write(values, dx);
        }
    }

    /**
     * The change of the running mean and spread DL4J makes after this batch, written as the amounts to subtract
     * ({@code old - new}), which is how DL4J's updater applies them: {@code mean - decay * mean - (1 - decay) *
     * batch mean}, and for the log10 standard deviation half the log10 of the old variance over the new.
     */
    void runningStatisticsSteps(FloatPointer meanStep, FloatPointer spreadStep) {
        float keep = (float) params.decay();
        float move = (float) (1 - params.decay());
        float[] running = params.mean().toFloatVector();
        float[] runningVariance = params.variances();
        float[] meanSteps = new float[units];
        float[] spreadSteps = new float[units];
        for (int j = 0; j < units; j++) {
            meanSteps[j] = (running[j] - mean[j]) * move;
            float old = runningVariance[j];
            if (params.logStd()) {
                float next = old * keep + variance[j] * move;
                spreadSteps[j] = (float) (Math.log(old / next) * HALF_OVER_LN10);
            } else {
                spreadSteps[j] = (old - variance[j]) * move;
            }
        }
        meanStep.put(meanSteps);
        spreadStep.put(spreadSteps);
    }

    /** Copies a rows x units array into {@code to}, column-major. */
    private void read(INDArray a, float[] to) {
        Blas.Matrix m = Blas.Matrix.of(a);
        if (m != null && !m.transposed() && m.ld() == rows) {
            m.pointer().get(to, 0, to.length);
            return;
        }
        try (INDArray copy = a.dup('f')) {
            Blas.Matrix.require(copy).pointer().get(to, 0, to.length);
        }
    }

    /** Copies {@code from} (column-major) into the rows x units array {@code a}, one the step made itself. */
    private void write(float[] from, INDArray a) {
        Blas.Matrix m = Blas.Matrix.require(a);
        if (m.ld() != rows) {
            throw new IllegalStateException("expected a contiguous column-major array, got " + a.shapeInfoToString());
        }
        m.pointer().put(from, 0, from.length);
    }
}
