package org.dltips.train.internal;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * One plain-SGD training step of a stack of dense layers, written directly on ND4J with buffers kept from
 * batch to batch: the same arithmetic as DL4J's {@code MultiLayerNetwork.fit} for such networks (its own
 * activation and loss objects compute the non-linear parts), without its per-step bookkeeping, which costs
 * about as much as the matrix products on the lecture network. Weights are updated in place, in the
 * network's own parameter arrays, so evaluation, saving and DL4J's own {@code fit} keep working.
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
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final IActivation[] activations;
    private final double[] rates;
    private final ILossFunction loss;
    private Buffers buffers;

    private DenseSgdStep(MultiLayerNetwork model, List<BaseLayer> confs, ILossFunction loss) {
        this.model = model;
        this.layers = confs.size();
        this.weights = new INDArray[layers];
        this.biases = new INDArray[layers];
        this.activations = new IActivation[layers];
        this.rates = new double[layers];
        for (int i = 0; i < layers; i++) {
            weights[i] = model.getLayer(i).getParam("W");
            biases[i] = model.getLayer(i).getParam("b");
            activations[i] = confs.get(i).getActivationFn();
            rates[i] = ((Sgd) confs.get(i).getIUpdater()).getLearningRate();
        }
        this.loss = loss;
    }

    /** The step for {@code model}, or null when it has anything this class does not compute like DL4J. */
    public static DenseSgdStep forModel(MultiLayerNetwork model) {
        MultiLayerConfiguration conf = model.getLayerWiseConfigurations();
        if (conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()
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
        OutputLayer output = (OutputLayer) confs.get(confs.size() - 1);
        return new DenseSgdStep(model, confs, output.getLossFn());
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
        INDArray input = features;
        for (int i = 0; i < layers; i++) {
            Nd4j.gemm(input, weights[i], b.preOutput[i], false, false, 1.0, 0.0);
            b.preOutput[i].addiRowVector(biases[i]);
            b.output[i].assign(b.preOutput[i]);
            activations[i].getActivation(b.output[i], true);
            input = b.output[i];
        }
        int last = layers - 1;
        double score = loss.computeScore(targets, b.scratch[last].assign(b.preOutput[last]), activations[last], null,
                true);
        INDArray classes = b.output[last].argMax(1);
        b.predictions = classes.toIntVector();
        classes.close();
        INDArray delta = loss.computeGradient(targets, b.scratch[last].assign(b.preOutput[last]), activations[last],
                null);
        delta.divi(rows); // DL4J averages over the batch (forModel only takes mini-batch networks)
        INDArray lossGradient = delta;
        for (int i = last; i >= 0; i--) {
            INDArray below = i == 0 ? features : b.output[i - 1];
            Nd4j.gemm(below, delta, b.weightGradient[i], true, false, 1.0, 0.0);
            INDArray biasGradient = delta.sum(0).reshape(biases[i].shape());
            if (i > 0) {
                Nd4j.gemm(delta, weights[i], b.epsilon[i - 1], false, true, 1.0, 0.0);
                delta = activations[i - 1].backprop(b.scratch[i - 1].assign(b.preOutput[i - 1]), b.epsilon[i - 1])
                        .getFirst();
            }
            weights[i].subi(b.weightGradient[i].muli(rates[i]));
            biases[i].subi(biasGradient.muli(rates[i]));
            biasGradient.close();
        }
        if (lossGradient.data().address() != b.scratch[last].data().address()) {
            lossGradient.close(); // a fresh array (cross-entropy); MSE's backprop returns the scratch buffer itself
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
        return buffers == null ? new int[0] : buffers.predictions;
    }

    /** Arrays kept from batch to batch for one batch size (column-major, as the matrix product writes them). */
    private final class Buffers {
        final int rows;
        final INDArray[] preOutput = new INDArray[layers];
        final INDArray[] output = new INDArray[layers];
        final INDArray[] epsilon = new INDArray[layers];
        final INDArray[] scratch = new INDArray[layers];
        final INDArray[] weightGradient = new INDArray[layers];
        int[] predictions = new int[0];

        Buffers(int rows) {
            this.rows = rows;
            for (int i = 0; i < layers; i++) {
                long units = weights[i].columns();
                preOutput[i] = Nd4j.create(DataType.FLOAT, new long[] {rows, units}, 'f');
                output[i] = Nd4j.create(DataType.FLOAT, new long[] {rows, units}, 'f');
                epsilon[i] = Nd4j.create(DataType.FLOAT, new long[] {rows, units}, 'f');
                scratch[i] = Nd4j.create(DataType.FLOAT, new long[] {rows, units}, 'f');
                weightGradient[i] = Nd4j.create(DataType.FLOAT, weights[i].shape(), 'f');
            }
        }

        void close() {
            for (INDArray[] arrays : List.of(preOutput, output, epsilon, scratch, weightGradient)) {
                for (INDArray a : arrays) {
                    a.close();
                }
            }
        }
    }
}
