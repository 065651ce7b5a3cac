package org.dltips.train.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
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
    private final int layers;
    private final Blas.Matrix[] weights;
    private final FloatPointer[] biases;
    private final HiddenActivation[] activations;
    private final OutputLoss outputLoss;
    private final double[] rates;
    private Buffers buffers;

    private DenseSgdStep(MultiLayerNetwork model, List<BaseLayer> confs, Blas.Matrix[] weights, FloatPointer[] biases) {
        this.model = model;
        this.layers = confs.size();
        this.weights = weights;
        this.biases = biases;
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
        MultiLayerConfiguration conf = model.getLayerWiseConfigurations();
        if (!Blas.available() || conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()
                || conf.getDataType() != DataType.FLOAT || conf.getConfs().isEmpty()) {
            return null;
        }
        List<BaseLayer> confs = new ArrayList<>();
        List<NeuralNetConfiguration> layerConfs = conf.getConfs();
        for (int i = 0; i < layerConfs.size(); i++) {
            Layer layer = layerConfs.get(i).getLayer();
            boolean last = i == layerConfs.size() - 1;
            boolean shapeOk = last ? layer.getClass() == OutputLayer.class : layer.getClass() == DenseLayer.class;
            if (!shapeOk || !plain((BaseLayer) layer) || !layerConfs.get(i).isMiniBatch()) {
                return null;
            }
            confs.add((BaseLayer) layer);
        }
        Blas.Matrix[] weights = new Blas.Matrix[confs.size()];
        FloatPointer[] biases = new FloatPointer[confs.size()];
        for (int i = 0; i < confs.size(); i++) {
            weights[i] = Blas.Matrix.of(model.getLayer(i).getParam("W"));
            biases[i] = Blas.vector(model.getLayer(i).getParam("b"));
            if (weights[i] == null || weights[i].transposed() || biases[i] == null) {
                return null;
            }
        }
        return new DenseSgdStep(model, confs, weights, biases);
    }

    private static boolean plain(BaseLayer layer) {
        boolean constantSgd = layer.getIUpdater() instanceof Sgd sgd && sgd.getLearningRateSchedule() == null
                && layer.getBiasUpdater() == null;
        boolean hasBias = !(layer instanceof DenseLayer dense) || dense.hasBias() && !dense.hasLayerNorm();
        return constantSgd && hasBias
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
        Blas.Matrix input = Blas.Matrix.of(features);
        INDArray copy = input == null ? features.dup('f') : null; // an unusual layout: copied once
        if (copy != null) {
            input = Blas.Matrix.require(copy);
        }
        Blas.Matrix below = input;
        for (int i = 0; i < layers; i++) {
            Blas.Matrix pre = b.matrix(b.preOutput[i]);
            Blas.gemm(below, false, weights[i], false, pre, 1, 0);
            Blas.addToRows(pre, biases[i], b.ones);
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
            if (Blas.Matrix.of(delta) == null) {
                delta = replaced(delta, b);
            }
            Blas.Matrix d = b.matrix(delta);
            if (i > 0) {
                Blas.gemm(d, false, weights[i], true, b.matrix(b.epsilon[i - 1]), 1, 0);
            }
            Blas.gemm(i == 0 ? input : b.matrix(b.output[i - 1]), true, d, false, weights[i], -rates[i], 1);
            Blas.addColumnSums(d, -rates[i], b.ones, biases[i]);
            INDArray used = delta;
            if (i > 0) {
                delta = activations[i - 1].backward(b.preOutput[i - 1], b.output[i - 1], b.epsilon[i - 1]);
            }
            if (!b.owns(used)) {
                used.close(); // a fresh array from a DL4J activation's gradient
            }
        }
        if (copy != null) {
            copy.close();
        }
        model.setScore(score);
        model.getLayerWiseConfigurations().setIterationCount(model.getLayerWiseConfigurations().getIterationCount() + 1);
        return score;
    }

    /** A column-major copy of a fresh gradient array DL4J handed back in a layout BLAS cannot read. */
    private static INDArray replaced(INDArray delta, Buffers b) {
        INDArray copy = delta.dup('f');
        if (!b.owns(delta)) {
            delta.close();
        }
        return copy;
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
                long[] shape = {rows, weights[i].columns()};
                preOutput[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
                output[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
                epsilon[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
            }
            scratch = Nd4j.create(DataType.FLOAT, new long[] {rows, weights[layers - 1].columns()}, 'f');
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
