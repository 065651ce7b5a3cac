package org.dltips.train.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays {@link DenseStep} keeps from batch to batch for one batch size, column-major as the matrix products
 * write them, one slot per layer where the layer needs it (null elsewhere).
 *
 * <p>{@code StepBuffers b = new StepBuffers(stack, retain, 100, 'c'); b.pre[0]; b.close();}
 */
final class StepBuffers implements AutoCloseable {

    final int rows;
    final char inputOrder;
    final INDArray[] pre; // x W + b of the weighted layers
    final INDArray[] out; // every layer's output
    final INDArray[] branch; // act(x W + b) of residual layers, before the input is added
    final INDArray[] grad; // the loss's gradient with respect to each layer's input (from the second layer on)
    final INDArray[] masks; // dropout masks, in the order DL4J makes them
    final INDArray[] dropped;
    final NormPass[] norms;
    final MaxoutPass[] maxouts;
    final SlopePass[] slopes;
    final INDArray lossGradient; // with respect to the output layer's pre-activation
    final INDArray scratch; // the output layer's work space
    final FloatPointer ones;
    final int[] predictions;
    private final INDArray onesArray;
    private final List<INDArray> all = new ArrayList<>();
    private final Map<INDArray, Blas.Matrix> views = new IdentityHashMap<>();

    StepBuffers(LayerStack stack, double[] retain, int rows, char inputOrder) {
        this.rows = rows;
        this.inputOrder = inputOrder;
        int layers = stack.count();
        pre = new INDArray[layers];
        out = new INDArray[layers];
        branch = new INDArray[layers];
        grad = new INDArray[layers];
        masks = new INDArray[layers];
        dropped = new INDArray[layers];
        norms = new NormPass[layers];
        maxouts = new MaxoutPass[layers];
        slopes = new SlopePass[layers];
        for (int i = 0; i < layers; i++) {
            LayerStack.Part part = stack.part(i);
            long units = part.units();
            if (part.hasWeights()) {
                pre[i] = matrix(units);
            }
            // a dense layer without activation (before batch normalization) outputs its pre-activation itself
            boolean identity = part.kind() == LayerStack.Kind.DENSE && part.activation().isIdentity();
            out[i] = identity ? pre[i] : matrix(units);
            if (part.kind() == LayerStack.Kind.RESIDUAL) {
                branch[i] = matrix(units);
            }
            if (part.norm() != null) {
                norms[i] = new NormPass(part.norm(), rows);
            }
            if (part.kind() == LayerStack.Kind.MAXOUT) {
                maxouts[i] = new MaxoutPass((int) units, part.pieces());
            }
            if (part.kind() == LayerStack.Kind.PRELU) {
                slopes[i] = new SlopePass();
            }
            long inputs = i == 0 ? part.weights().rows() : stack.part(i - 1).units();
            if (i > 0) {
                grad[i] = matrix(inputs);
            }
            if (retain[i] > 0) {
                masks[i] = Nd4j.create(DataType.FLOAT, new long[] {rows, inputs}, i == 0 ? inputOrder : 'c');
                all.add(masks[i]);
                dropped[i] = matrix(inputs);
            }
        }
        long classes = stack.part(layers - 1).units();
        lossGradient = matrix(classes);
        scratch = matrix(classes);
        onesArray = Nd4j.ones(DataType.FLOAT, rows);
        ones = Blas.vector(onesArray);
        predictions = new int[rows];
    }

    private INDArray matrix(long columns) {
        INDArray a = Nd4j.create(DataType.FLOAT, new long[] {rows, columns}, 'f');
        all.add(a);
        return a;
    }

    /** The BLAS view of {@code a}: made once for the buffers, afresh for any other array. */
    Blas.Matrix matrix(INDArray a) {
        Blas.Matrix kept = views.get(a);
        if (kept != null) {
            return kept;
        }
        Blas.Matrix m = Blas.Matrix.of(a);
        if (owns(a)) {
            views.put(a, m);
        }
        return m;
    }

    /** Whether {@code a} is (a view of) one of these arrays, which must not be closed by the step. */
    boolean owns(INDArray a) {
        long address = a.data().address();
        for (INDArray mine : all) {
            if (mine.data().address() == address) {
                return true;
            }
        }
        return false;
    }

    /** Frees the arrays now (they live outside the heap). */
    @Override
    public void close() {
        for (INDArray a : all) {
            a.close();
        }
        onesArray.close();
    }
}
