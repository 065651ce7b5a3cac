package org.dltips.train.internal;

import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The inference pass of a network {@link LayerStack} reads (what {@code model.output(x, false)} computes) through
 * the BLAS calls of {@link DenseStep}, with buffers kept from chunk to chunk: evaluating the training and test sets
 * after every epoch took as long as the epoch's training. Weights and batch normalization's running statistics are
 * read where the network keeps them, so one instance follows training as it goes.
 *
 * <p>{@code try (DenseForward f = DenseForward.forModel(model, DenseForward.CHUNK)) { INDArray p = f.output(x); }}
 *
 * <p>Every network {@link LayerStack} reads gets one, whatever its optimizer, dropout or regularization (none of
 * which act at inference); {@link #forModel} returns null for any other network.
 */
public final class DenseForward implements AutoCloseable {

    /**
     * Rows a chunk of a large set is evaluated in: a multiple of the lecture's batch and not a power of two, whose
     * leading dimension makes OpenBLAS's products lose their place in the caches (chunks of 2 048 rows took 30 %
     * longer than chunks of 2 000 or 2 500 on a 2-core AMD EPYC).
     */
    public static final int CHUNK = 2500;

    private final LayerStack stack;
    private final int layers;
    private final IActivation outputActivation;
    private final int capacity;
    private final INDArray[] buffers; // views of the two alternating arrays, one per layer
    private final INDArray[] alternating;
    private final SlopePass slopes = new SlopePass();
    private final INDArray onesArray;
    private final FloatPointer ones;
    private float[] values; // batch normalization's work array

    private DenseForward(LayerStack stack, int capacity) {
        this.stack = stack;
        this.layers = stack.count();
        // each layer reads only the output of the one below, so two arrays, used in turn, hold every layer's output
        long widest = stack.parts().stream().mapToLong(LayerStack.Part::units).max().orElse(1);
        this.alternating = new INDArray[] {Nd4j.create(DataType.FLOAT, capacity * widest),
            Nd4j.create(DataType.FLOAT, capacity * widest)};
        this.buffers = new INDArray[layers];
        for (int i = 0; i < layers; i++) {
            long units = stack.part(i).units();
            buffers[i] = alternating[i % 2].get(NDArrayIndex.interval(0, capacity * units)).reshape('f', capacity, units);
        }
        this.outputActivation = ((BaseLayer) stack.part(layers - 1).conf()).getActivationFn();
        this.capacity = capacity;
        this.onesArray = Nd4j.ones(DataType.FLOAT, capacity);
        this.ones = Blas.vector(onesArray);
    }

    /** The pass for {@code model} on up to {@code rows} rows at a time, or null when it has other layers. */
    public static DenseForward forModel(MultiLayerNetwork model, int rows) {
        LayerStack stack = LayerStack.of(model);
        return stack == null ? null : new DenseForward(stack, Math.max(1, rows));
    }

    /**
     * The outputs of {@code model} for every row of {@code features}, a new array: through this pass in chunks of
     * at most {@code chunk} rows when the network has one, else through DL4J's {@code output(x, false)} in one go.
     */
    public static INDArray outputs(MultiLayerNetwork model, INDArray features, int chunk) {
        int n = (int) features.rows();
        try (DenseForward pass = forModel(model, Math.min(n, chunk))) {
            if (pass == null) {
                return model.output(features, false);
            }
            INDArray result = null;
            for (int start = 0; start < n; start += chunk) {
                int end = Math.min(n, start + chunk);
                INDArray p = pass.output(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
                if (result == null) {
                    result = Nd4j.create(DataType.FLOAT, n, p.columns());
                }
                result.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()).assign(p);
            }
            return result;
        }
    }

    /**
     * The network's outputs for the rows of {@code features} (at most the capacity given to {@link #forModel}),
     * in a buffer that the next call overwrites.
     */
    public INDArray output(INDArray features) {
        int rows = (int) features.rows();
        if (rows > capacity) {
            throw new IllegalArgumentException("a chunk of " + rows + " rows is larger than the " + capacity
                    + " this pass was made for");
        }
        INDArray readable = Blas.readable(features);
        INDArray below = readable;
        for (int i = 0; i < layers; i++) {
            LayerStack.Part part = stack.part(i);
            INDArray out = rows == capacity ? buffers[i]
                    : buffers[i].get(NDArrayIndex.interval(0, rows), NDArrayIndex.all());
            switch (part.kind()) {
                case DENSE, RESIDUAL, OUTPUT -> {
                    part.affine(Blas.Matrix.of(below), Blas.Matrix.require(out), ones);
                    if (part.kind() == LayerStack.Kind.OUTPUT) {
                        outputActivation.getActivation(out, false);
                    } else {
                        part.activation().forwardInHalves(out, out);
                    }
                    if (part.kind() == LayerStack.Kind.RESIDUAL) {
                        out.addi(below);
                    }
                }
                case NORM -> normalize(part.norm(), below, out);
                case ACTIVATION -> part.activation().forwardInHalves(below, out);
                case MAXOUT -> largestPieces(part, below, out);
                case PRELU -> slopes.forward(Blas.Matrix.require(below), Blas.vector(part.slopes()), Blas.Matrix.require(out));
                default -> throw new IllegalStateException("no inference pass for " + part.kind());
            }
            below = out;
        }
        if (readable != features) {
            readable.close();
        }
        return below;
    }

    /**
     * Maxout at inference: the element-wise maximum of the pieces' blocks of columns, in ND4J's own ops (a Java pass
     * would need arrays as large as the chunk on the heap, made again for every evaluation).
     */
    private static void largestPieces(LayerStack.Part part, INDArray z, INDArray out) {
        long units = part.units();
        out.assign(z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, units)));
        for (long p = 1; p < part.pieces(); p++) {
            Transforms.max(out, z.get(NDArrayIndex.all(), NDArrayIndex.interval(p * units, (p + 1) * units)), false);
        }
    }

    /**
     * Batch normalization at inference, with the running mean and variance in place of the batch's: each unit's
     * column scaled and shifted in one Java pass (ND4J's broadcast ops along the rows of a column-major array cost
     * five times the dense layer's product here).
     */
    private void normalize(LayerStack.NormParameters norm, INDArray x, INDArray out) {
        int units = (int) norm.units();
        float[] gamma = norm.gamma().toFloatVector();
        float[] beta = norm.beta().toFloatVector();
        float[] mean = norm.mean().toFloatVector();
        float[] variance = norm.variances();
        float eps = (float) norm.eps();
        Blas.Matrix in = Blas.Matrix.require(x);
        Blas.Matrix to = Blas.Matrix.require(out);
        int ld = in.ld();
        int rows = in.rows();
        int length = ld * (units - 1) + rows;
        if (values == null || values.length < length) {
            values = new float[length];
        }
        in.pointer().get(values, 0, length);
        for (int j = 0; j < units; j++) {
            float scale = gamma[j] / (float) Math.sqrt(variance[j] + eps);
            float shift = beta[j] - mean[j] * scale;
            for (int r = j * ld, end = r + rows; r < end; r++) {
                values[r] = values[r] * scale + shift;
            }
        }
        to.pointer().put(values, 0, length);
    }

    /** Frees the buffers now instead of when the garbage collector gets to them (they live outside the heap). */
    @Override
    public void close() {
        for (INDArray b : alternating) {
            b.close();
        }
        onesArray.close();
    }
}
