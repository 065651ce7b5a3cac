package org.dltips.train.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One plain-SGD training step of a stack of dense layers, written directly on ND4J arrays and the BLAS library
 * ND4J loads, with buffers kept from batch to batch: the same arithmetic as DL4J's {@code MultiLayerNetwork.fit}
 * for such networks, without its per-step bookkeeping, which costs about as much as the matrix products on the
 * lecture network. Each weight update is folded into the product that computes its gradient ({@code W -= rate *
 * A' * delta} is one BLAS call), and the weights are updated in place, in the network's own parameter arrays, so
 * evaluation, saving and DL4J's own {@code fit} keep working.
 *
 * <p>{@code DenseSgdStep step = DenseSgdStep.forModel(model); if (step != null) loss = step.fit(x, y);}
 *
 * <p>Only networks this class computes exactly like DL4J get one: dense hidden layers and an output layer,
 * float weights, SGD with a constant rate, no dropout, regularization, weight noise, constraints or gradient
 * normalization. {@link #forModel} returns null for any other network.
 */
public final class DenseSgdStep {

    private final MultiLayerNetwork model;
    private final DenseLayers dense;
    private final int layers;
    private final HiddenActivation[] activations;
    private final OutputLoss outputLoss;
    private final double[] rates;
    private Buffers buffers;

    private DenseSgdStep(MultiLayerNetwork model, DenseLayers dense) {
        List<BaseLayer> confs = dense.confs();
        this.model = model;
        this.dense = dense;
        this.layers = dense.count();
        this.activations = new HiddenActivation[layers];
        this.rates = new double[layers];
        for (int i = 0; i < layers; i++) {
            activations[i] = HiddenActivation.of(confs.get(i).getActivationFn());
            rates[i] = ((Sgd) confs.get(i).getIUpdater()).getLearningRate();
        }
        OutputLayer output = (OutputLayer) confs.get(layers - 1);
        this.outputLoss = OutputLoss.of(output.getActivationFn(), output.getLossFn());
    }

    /** The step for {@code model}, or null when it has anything this class does not compute like DL4J. */
    public static DenseSgdStep forModel(MultiLayerNetwork model) {
        DenseLayers dense = DenseLayers.of(model);
        if (dense == null) {
            return null;
        }
        for (int i = 0; i < dense.count(); i++) {
            if (!plain(dense.confs().get(i)) || !model.getLayerWiseConfigurations().getConf(i).isMiniBatch()) {
                return null;
            }
        }
        return new DenseSgdStep(model, dense);
    }

    private static boolean plain(BaseLayer layer) {
        boolean constantSgd = layer.getIUpdater() instanceof Sgd sgd && sgd.getLearningRateSchedule() == null
                && layer.getBiasUpdater() == null;
        return constantSgd
                && layer.getIDropout() == null && layer.getWeightNoise() == null
                && (layer.getConstraints() == null || layer.getConstraints().isEmpty())
                && (layer.getRegularization() == null || layer.getRegularization().isEmpty())
                && (layer.getRegularizationBias() == null || layer.getRegularizationBias().isEmpty())
                && (layer.getGradientNormalization() == null
                        || layer.getGradientNormalization() == GradientNormalization.None);
    }

    /**
     * Trains on one batch ({@code features} rows and their one-hot {@code targets}) and returns the batch's
     * mean loss before the update, as DL4J's {@code score()} would; {@link #predictions()} then holds each
     * row's most probable class in that same forward pass.
     */
    public double fit(INDArray features, INDArray targets) {
        int rows = (int) features.rows();
        if (buffers == null || buffers.rows != rows) {
            close();
            buffers = new Buffers(rows);
        }
        Buffers b = buffers;
        Blas.Matrix[] weights = dense.weights();
        INDArray readable = Blas.readable(features); // an unusual layout is copied once
        Blas.Matrix input = Blas.Matrix.of(readable);
        Blas.Matrix below = input;
        for (int i = 0; i < layers; i++) {
            dense.affine(i, below, b.matrix(b.preOutput[i]), b.ones);
            if (i < layers - 1) {
                activations[i].forward(b.preOutput[i], b.output[i]);
                below = b.matrix(b.output[i]);
            }
        }
        int last = layers - 1;
        double score = outputLoss.apply(b.preOutput[last], targets, b.output[last], b.epsilon[last], b.scratch,
                b.predictions);
        INDArray delta = b.epsilon[last];
        for (int i = last; i >= 0; i--) {
            INDArray usable = Blas.readable(delta); // a DL4J activation's gradient may come in any layout
            if (usable != delta && !b.owns(delta)) {
                delta.close();
            }
            delta = usable;
            Blas.Matrix d = b.matrix(delta);
            if (i > 0) {
                Blas.gemm(d, false, weights[i], true, b.matrix(b.epsilon[i - 1]), 1, 0);
            }
            Blas.gemm(i == 0 ? input : b.matrix(b.output[i - 1]), true, d, false, weights[i], -rates[i], 1);
            Blas.addColumnSums(d, -rates[i], b.ones, dense.biases()[i]);
            INDArray used = delta;
            if (i > 0) {
                delta = activations[i - 1].backward(b.preOutput[i - 1], b.output[i - 1], b.epsilon[i - 1]);
            }
            if (!b.owns(used)) {
                used.close(); // a fresh array from a DL4J activation's gradient
            }
        }
        if (readable != features) {
            readable.close();
        }
        model.setScore(score);
        model.getLayerWiseConfigurations().setIterationCount(model.getLayerWiseConfigurations().getIterationCount() + 1);
        return score;
    }

    /** Frees the buffers now instead of when the garbage collector gets to them (they live outside the heap). */
    public void close() {
        if (buffers != null) {
            buffers.close();
            buffers = null;
        }
    }

    /** The most probable class of each row of the last batch, from its training forward pass. */
    public int[] predictions() {
        return buffers == null ? new int[0] : buffers.predictions.clone();
    }

    /** Arrays kept from batch to batch for one batch size (column-major, as the matrix products write them). */
    private final class Buffers {
        final int rows;
        final INDArray[] preOutput = new INDArray[layers];
        final INDArray[] output = new INDArray[layers];
        final INDArray[] epsilon = new INDArray[layers];
        final INDArray scratch; // the output layer's work space
        final Map<INDArray, Blas.Matrix> views = new IdentityHashMap<>();
        final INDArray onesArray;
        final FloatPointer ones;
        final int[] predictions;

        Buffers(int rows) {
            this.rows = rows;
            for (int i = 0; i < layers; i++) {
                long[] shape = {rows, dense.units(i)};
                preOutput[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
                output[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
                epsilon[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
            }
            scratch = Nd4j.create(DataType.FLOAT, new long[] {rows, dense.units(layers - 1)}, 'f');
            onesArray = Nd4j.ones(DataType.FLOAT, rows);
            ones = Blas.vector(onesArray);
            predictions = new int[rows];
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

        boolean owns(INDArray a) {
            if (scratch.data().address() == a.data().address()) {
                return true;
            }
            for (INDArray[] arrays : List.of(preOutput, output, epsilon)) {
                for (INDArray mine : arrays) {
                    if (mine.data().address() == a.data().address()) {
                        return true;
                    }
                }
            }
            return false;
        }

        void close() {
            for (INDArray[] arrays : List.of(preOutput, output, epsilon)) {
                for (INDArray a : arrays) {
                    a.close();
                }
            }
            scratch.close();
            onesArray.close();
        }
    }
}
