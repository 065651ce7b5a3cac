package org.dltips.train.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One training step of a stack of dense layers, written directly on ND4J arrays and the BLAS library ND4J loads,
 * with buffers kept from batch to batch: the same arithmetic as DL4J's {@code MultiLayerNetwork.fit} for such
 * networks, without its per-step bookkeeping, which costs about as much as the matrix products on the lecture
 * network. The weights are updated in place, in the network's own parameter arrays, so evaluation, saving and
 * DL4J's own {@code fit} keep working.
 *
 * <p>With plain SGD at a constant rate each weight update is folded into the product that computes its gradient
 * ({@code W -= rate * A' * delta} is one BLAS call). With any other updater DL4J's networks use here (Adam,
 * momentum, Nesterov, RMSProp, Adagrad, learning-rate schedules, L1, L2, weight decay) the gradients go to a flat
 * array and {@link ParameterUpdate} applies the updater. Dropout draws its masks with ND4J's own op from ND4J's
 * random generator, in DL4J's order, so a seeded network drops the same units either way.
 *
 * <p>{@code DenseStep step = DenseStep.forModel(model); if (step != null) loss = step.fit(x, y);}
 *
 * <p>Only networks this class computes exactly like DL4J get one: dense hidden layers and an output layer, float
 * weights, no weight noise, constraints or gradient normalization, dropout with a fixed probability. {@link
 * #forModel} returns null for any other network.
 */
public final class DenseStep {

    private final MultiLayerNetwork model;
    private final DenseLayers dense;
    private final int layers;
    private final HiddenActivation[] activations;
    private final OutputLoss outputLoss;
    private final double[] retain; // each layer's probability to keep an input, 0 for no dropout
    private final double[] foldedRates; // plain SGD: each layer's rate; null when an updater applies the gradients
    private final ParameterUpdate update;
    private final Blas.Matrix[] weightGradients;
    private final FloatPointer[] biasGradients;
    private Buffers buffers;

    private DenseStep(MultiLayerNetwork model, DenseLayers dense, double[] foldedRates, ParameterUpdate update) {
        List<BaseLayer> confs = dense.confs();
        this.model = model;
        this.dense = dense;
        this.layers = dense.count();
        this.activations = new HiddenActivation[layers];
        this.retain = new double[layers];
        for (int i = 0; i < layers; i++) {
            activations[i] = HiddenActivation.of(confs.get(i).getActivationFn());
            IDropout dropout = confs.get(i).getIDropout();
            retain[i] = dropout == null ? 0 : ((Dropout) dropout).getP();
        }
        OutputLayer output = (OutputLayer) confs.get(layers - 1);
        this.outputLoss = OutputLoss.of(output.getActivationFn(), output.getLossFn());
        this.foldedRates = foldedRates;
        this.update = update;
        this.weightGradients = new Blas.Matrix[layers];
        this.biasGradients = new FloatPointer[layers];
        if (update != null) {
            long base = Blas.vector(model.params()).address();
            for (int i = 0; i < layers; i++) {
                Blas.Matrix w = dense.weights()[i];
                long at = (w.pointer().address() - base) / Float.BYTES;
                long size = (long) w.rows() * w.columns();
                INDArray flat = update.gradient();
                weightGradients[i] = Blas.Matrix.require(
                        flat.get(NDArrayIndex.interval(at, at + size)).reshape('f', w.rows(), w.columns()));
                long biasAt = (dense.biases()[i].address() - base) / Float.BYTES;
                biasGradients[i] = Blas.vector(flat.get(NDArrayIndex.interval(biasAt, biasAt + w.columns())));
            }
        }
    }

    /** The step for {@code model}, or null when it has anything this class does not compute like DL4J. */
    public static DenseStep forModel(MultiLayerNetwork model) {
        DenseLayers dense = DenseLayers.of(model);
        if (dense == null) {
            return null;
        }
        for (int i = 0; i < dense.count(); i++) {
            if (!supported(dense.confs().get(i)) || !model.getLayerWiseConfigurations().getConf(i).isMiniBatch()) {
                return null;
            }
        }
        if (dense.confs().stream().allMatch(DenseStep::constantSgd)) {
            double[] rates = dense.confs().stream().mapToDouble(l -> ((Sgd) l.getIUpdater()).getLearningRate()).toArray();
            return new DenseStep(model, dense, rates, null);
        }
        ParameterUpdate update = ParameterUpdate.forModel(model);
        return update == null ? null : new DenseStep(model, dense, null, update);
    }

    private static boolean supported(BaseLayer layer) {
        IDropout dropout = layer.getIDropout();
        boolean fixedDropout = dropout == null
                || dropout.getClass() == Dropout.class && ((Dropout) dropout).getPSchedule() == null;
        return fixedDropout && layer.getWeightNoise() == null
                && (layer.getConstraints() == null || layer.getConstraints().isEmpty())
                && (layer.getGradientNormalization() == null
                        || layer.getGradientNormalization() == GradientNormalization.None);
    }

    private static boolean constantSgd(BaseLayer layer) {
        return layer.getIUpdater() instanceof Sgd sgd && sgd.getLearningRateSchedule() == null
                && layer.getBiasUpdater() == null
                && (layer.getRegularization() == null || layer.getRegularization().isEmpty())
                && (layer.getRegularizationBias() == null || layer.getRegularizationBias().isEmpty());
    }

    /**
     * Trains on one batch ({@code features} rows and their one-hot {@code targets}) and returns the batch's
     * mean loss before the update, plus any L1, L2 or weight-decay penalty, as DL4J's {@code score()} would;
     * {@link #predictions()} then holds each row's most probable class in that same forward pass.
     */
    public double fit(INDArray features, INDArray targets) {
        int rows = (int) features.rows();
        if (buffers == null || buffers.rows != rows || buffers.inputOrder != features.ordering()) {
            releaseBuffers();
            buffers = new Buffers(rows, features.ordering());
        }
        Buffers b = buffers;
        Blas.Matrix[] weights = dense.weights();
        INDArray readable = Blas.readable(features); // an unusual layout is copied once
        INDArray below = readable;
        Blas.Matrix[] inputs = new Blas.Matrix[layers]; // what each layer multiplied, after dropout
        for (int i = 0; i < layers; i++) {
            if (retain[i] > 0) {
                below = dropOut(i, i == 0 ? features : below);
            }
            inputs[i] = b.matrix(below);
            dense.affine(i, inputs[i], b.matrix(b.preOutput[i]), b.ones);
            if (i < layers - 1) {
                activations[i].forward(b.preOutput[i], b.output[i]);
                below = b.output[i];
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
                if (retain[i] > 0) {
                    b.epsilon[i - 1].muli(b.masks[i]);
                }
            }
            if (foldedRates != null) {
                Blas.gemm(inputs[i], true, d, false, weights[i], -foldedRates[i], 1);
                Blas.columnSums(d, -foldedRates[i], b.ones, dense.biases()[i], 1);
            } else {
                Blas.gemm(inputs[i], true, d, false, weightGradients[i], 1, 0);
                Blas.columnSums(d, 1, b.ones, biasGradients[i], 0);
            }
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
        var conf = model.getLayerWiseConfigurations();
        if (update != null) {
            score += update.apply(conf.getIterationCount(), conf.getEpochCount());
        }
        model.setScore(score);
        conf.setIterationCount(conf.getIterationCount() + 1);
        return score;
    }

    /**
     * Layer {@code i}'s input with dropout applied as DL4J applies it: a mask of ones in the input's own element
     * order, ND4J's inverted-dropout op on it (each kept unit scaled by 1 / p), and the product.
     */
    private INDArray dropOut(int i, INDArray input) {
        Buffers b = buffers;
        INDArray mask = b.masks[i].assign(1.0);
        Nd4j.getExecutioner().exec(new DropOutInverted(mask, mask, retain[i]));
        Nd4j.getExecutioner().exec(new MulOp(input, mask, b.dropped[i]));
        return b.dropped[i];
    }

    /** Writes the updater's state back into the network and frees the buffers (they live outside the heap). */
    public void close() {
        releaseBuffers();
        if (update != null) {
            update.close();
        }
    }

    private void releaseBuffers() {
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
        final char inputOrder;
        final INDArray[] preOutput = new INDArray[layers];
        final INDArray[] output = new INDArray[layers];
        final INDArray[] epsilon = new INDArray[layers];
        final INDArray[] masks = new INDArray[layers]; // dropout masks, in the order DL4J makes them
        final INDArray[] dropped = new INDArray[layers];
        final INDArray scratch; // the output layer's work space
        final Map<INDArray, Blas.Matrix> views = new IdentityHashMap<>();
        final INDArray onesArray;
        final FloatPointer ones;
        final int[] predictions;

        Buffers(int rows, char inputOrder) {
            this.rows = rows;
            this.inputOrder = inputOrder;
            for (int i = 0; i < layers; i++) {
                long[] shape = {rows, dense.units(i)};
                preOutput[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
                output[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
                epsilon[i] = Nd4j.create(DataType.FLOAT, shape, 'f');
                if (retain[i] > 0) {
                    long[] in = {rows, dense.weights()[i].rows()};
                    masks[i] = Nd4j.create(DataType.FLOAT, in, i == 0 ? inputOrder : 'c');
                    dropped[i] = Nd4j.create(DataType.FLOAT, in, 'f');
                }
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
            for (INDArray[] arrays : List.of(preOutput, output, epsilon, dropped)) {
                for (INDArray mine : arrays) {
                    if (mine != null && mine.data().address() == a.data().address()) {
                        return true;
                    }
                }
            }
            return false;
        }

        void close() {
            for (INDArray[] arrays : List.of(preOutput, output, epsilon, masks, dropped)) {
                for (INDArray a : arrays) {
                    if (a != null) {
                        a.close();
                    }
                }
            }
            scratch.close();
            onesArray.close();
        }
    }
}
