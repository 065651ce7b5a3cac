package org.dltips.train.internal;

import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One training step of a network of dense layers, residual layers, batch normalization, activation layers, Maxout
 * groups and parametric ReLU layers, written directly on ND4J arrays and the BLAS library ND4J loads, with buffers
 * kept from batch to batch: the same
 * arithmetic as DL4J's {@code MultiLayerNetwork.fit} for such networks, without its per-step bookkeeping, which
 * costs about as much as the matrix products on the lecture network. The weights are updated in place, in the
 * network's own parameter arrays, so evaluation, saving and DL4J's own {@code fit} keep working.
 *
 * <p>With plain SGD at a constant rate each weight update is folded into the product that computes its gradient
 * ({@code W -= rate * A' * delta} is one BLAS call). With any other updater DL4J's networks use here (Adam,
 * momentum, Nesterov, RMSProp, Adagrad, learning-rate schedules, L1, L2, weight decay) the gradients go to a flat
 * array and {@link ParameterUpdate} applies the updater. Dropout draws its masks with ND4J's own op from ND4J's
 * random generator, in DL4J's order, so a seeded network drops the same units either way. Batch normalization
 * ({@link NormPass}) also moves its running mean and spread after every batch, as DL4J does.
 *
 * <p>{@code DenseStep step = DenseStep.forModel(model); if (step != null) loss = step.fit(x, y);}
 *
 * <p>Only networks this class computes exactly like DL4J get one: the layers {@link LayerStack} reads, float
 * weights, no weight noise, constraints or gradient normalization, dropout with a fixed probability on dense
 * and output layers. {@link #forModel} returns null for any other network.
 */
public final class DenseStep {

    private final MultiLayerNetwork model;
    private final LayerStack stack;
    private final int layers;
    private final OutputLoss outputLoss;
    private final double[] retain; // each layer's probability to keep an input, 0 for no dropout
    private final double[] foldedRates; // plain SGD: each layer's rate; null when an updater applies the gradients
    private final ParameterUpdate update;
    private final GradientSlots slots;
    private StepBuffers buffers;

    private DenseStep(MultiLayerNetwork model, LayerStack stack, double[] foldedRates, ParameterUpdate update) {
        this.model = model;
        this.stack = stack;
        this.layers = stack.count();
        this.retain = new double[layers];
        for (int i = 0; i < layers; i++) {
            IDropout dropout = stack.part(i).conf().getIDropout();
            retain[i] = dropout == null ? 0 : ((Dropout) dropout).getP();
        }
        BaseLayer output = (BaseLayer) stack.part(layers - 1).conf();
        this.outputLoss = OutputLoss.of(output.getActivationFn(),
                ((org.deeplearning4j.nn.conf.layers.OutputLayer) output).getLossFn());
        this.foldedRates = foldedRates;
        this.update = update;
        this.slots = new GradientSlots(model, stack, update);
    }

    /** The step for {@code model}, or null when it has anything this class does not compute like DL4J. */
    public static DenseStep forModel(MultiLayerNetwork model) {
        LayerStack stack = LayerStack.of(model);
        if (stack == null) {
            return null;
        }
        for (int i = 0; i < stack.count(); i++) {
            if (!supported(stack.part(i)) || !model.getLayerWiseConfigurations().getConf(i).isMiniBatch()) {
                return null;
            }
        }
        List<LayerStack.Part> learning = stack.parts().stream().filter(p -> p.conf() instanceof BaseLayer).toList();
        if (learning.stream().allMatch(p -> constantSgd((BaseLayer) p.conf()))) {
            double[] rates = stack.parts().stream().mapToDouble(p -> p.conf() instanceof BaseLayer layer
                    ? ((Sgd) layer.getIUpdater()).getLearningRate() : 0).toArray();
            return new DenseStep(model, stack, rates, null);
        }
        ParameterUpdate update = ParameterUpdate.forModel(model);
        return update == null ? null : new DenseStep(model, stack, null, update);
    }

    private static boolean supported(LayerStack.Part part) {
        Layer conf = part.conf();
        IDropout dropout = conf.getIDropout();
        boolean droppable = part.hasWeights() && part.kind() != LayerStack.Kind.RESIDUAL;
        boolean fixedDropout = dropout == null || droppable && dropout.getClass() == Dropout.class
                && ((Dropout) dropout).getPSchedule() == null;
        if (!fixedDropout) {
            return false;
        }
        if (!(conf instanceof BaseLayer layer)) {
            return true; // an activation layer: nothing to learn
        }
        return layer.getWeightNoise() == null && (layer.getConstraints() == null || layer.getConstraints().isEmpty())
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
            buffers = new StepBuffers(stack, retain, rows, features.ordering());
        }
        StepBuffers b = buffers;
        INDArray readable = Blas.readable(features); // an unusual layout is copied once
        Blas.Matrix[] inputs = forward(features, readable);
        int last = layers - 1;
        double score = outputLoss.apply(b.pre[last], targets, b.out[last], b.lossGradient, b.scratch,
                b.predictions);
        INDArray delta = b.lossGradient; // with respect to the output layer's pre-activation
        for (int i = last; i >= 0; i--) {
            INDArray below = backward(i, delta, inputs[i]);
            if (!b.owns(delta)) {
                delta.close(); // a fresh array from a DL4J activation's gradient
            }
            delta = below;
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

    /** The training forward pass; returns what each weighted layer multiplied (after dropout). */
    private Blas.Matrix[] forward(INDArray features, INDArray readable) {
        StepBuffers b = buffers;
        Blas.Matrix[] inputs = new Blas.Matrix[layers];
        INDArray below = readable;
        for (int i = 0; i < layers; i++) {
            LayerStack.Part part = stack.part(i);
            switch (part.kind()) {
                case DENSE, OUTPUT, RESIDUAL -> {
                    if (retain[i] > 0) {
                        below = dropOut(i, i == 0 ? features : below);
                    }
                    inputs[i] = b.matrix(below);
                    part.affine(inputs[i], b.matrix(b.pre[i]), b.ones);
                    if (part.kind() == LayerStack.Kind.RESIDUAL) {
                        part.activation().forwardInHalves(b.pre[i], b.branch[i]);
                        Nd4j.exec(new AddOp(b.branch[i], below, b.out[i]));
                    } else if (part.kind() == LayerStack.Kind.DENSE) {
                        part.activation().forwardInHalves(b.pre[i], b.out[i]);
                    }
                }
                case NORM -> b.norms[i].forward(below, b.out[i]);
                case ACTIVATION -> part.activation().forward(below, b.out[i]);
                case MAXOUT -> b.maxouts[i].forward(b.matrix(below), b.matrix(b.out[i]));
                case PRELU -> b.slopes[i].forward(b.matrix(below), Blas.vector(part.slopes()), b.matrix(b.out[i]));
                default -> throw new IllegalStateException("no forward pass for " + part.kind());
            }
            below = b.out[i];
        }
        return inputs;
    }

    /**
     * Layer {@code i}'s backward pass and update from {@code delta}, the loss's gradient with respect to its
     * output (for the output layer: its pre-activation); returns the gradient with respect to its input (null for
     * the first layer). May overwrite {@code delta}.
     */
    private INDArray backward(int i, INDArray delta, Blas.Matrix input) {
        StepBuffers b = buffers;
        LayerStack.Part part = stack.part(i);
        switch (part.kind()) {
            case OUTPUT -> {
                return affineBackward(i, delta, input, false);
            }
            case DENSE -> {
                INDArray d = part.activation().backwardInHalves(b.pre[i], b.out[i], delta);
                return closingFresh(d, affineBackward(i, d, input, false));
            }
            case RESIDUAL -> {
                b.grad[i].assign(delta); // the skip path hands the gradient down unchanged
                INDArray d = part.activation().backwardInHalves(b.pre[i], b.branch[i], delta);
                return closingFresh(d, affineBackward(i, d, input, true));
            }
            case NORM -> {
                GradientSlots.Norm at = slots.norm(i);
                HiddenActivation.FromOutput fused = fusedActivation(i + 1);
                b.norms[i].backward(delta, fused, fused == HiddenActivation.FromOutput.NONE ? null : b.out[i + 1],
                        i == 0 ? null : b.grad[i], at.gamma(), at.beta());
                b.norms[i].runningStatisticsSteps(at.mean(), at.spread());
                if (foldedRates != null) {
                    LayerStack.NormParameters p = part.norm();
                    int units = (int) p.units();
                    Blas.axpy(units, -foldedRates[i], at.gamma(), Blas.vector(p.gamma()));
                    Blas.axpy(units, -foldedRates[i], at.beta(), Blas.vector(p.beta()));
                    Blas.axpy(units, -1, at.mean(), Blas.vector(p.mean()));
                    Blas.axpy(units, -1, at.spread(), Blas.vector(p.spread()));
                }
                return i == 0 ? null : b.grad[i];
            }
            case MAXOUT -> {
                b.maxouts[i].backward(b.matrix(delta), b.matrix(b.grad[i]));
                return b.grad[i];
            }
            case PRELU -> {
                FloatPointer slopeGradient = slots.slopes(i);
                b.slopes[i].backward(b.matrix(b.out[i - 1]), b.matrix(delta), b.matrix(b.grad[i]), slopeGradient);
                if (foldedRates != null) {
                    Blas.axpy((int) part.units(), -foldedRates[i], slopeGradient, Blas.vector(part.slopes()));
                }
                return b.grad[i];
            }
            case ACTIVATION -> {
                if (fusedActivation(i) != HiddenActivation.FromOutput.NONE) {
                    return delta; // the batch normalization below applies this activation's derivative
                }
                // the layer below's output is this layer's input; a batch-normalization layer does not need it
                // again, any other layer does, so it is copied before the activation's gradient overwrites it
                INDArray in = stack.part(i - 1).kind() == LayerStack.Kind.NORM ? b.out[i - 1]
                        : b.grad[i].assign(b.out[i - 1]);
                return part.activation().backward(in, b.out[i], delta);
            }
            default -> throw new IllegalStateException("no backward pass for " + part.kind());
        }
    }

    /**
     * The derivative that the batch-normalization layer below layer {@code i} applies for it in its own pass, when
     * layer {@code i} is an activation that has one from its output alone (sigmoid); NONE otherwise.
     */
    private HiddenActivation.FromOutput fusedActivation(int i) {
        if (i >= layers || i == 0 || stack.part(i).kind() != LayerStack.Kind.ACTIVATION
                || stack.part(i - 1).kind() != LayerStack.Kind.NORM) {
            return HiddenActivation.FromOutput.NONE;
        }
        return stack.part(i).activation().fromOutput();
    }

    /** Returns {@code result}, after closing {@code used} if it is a fresh array from a DL4J activation's gradient. */
    private INDArray closingFresh(INDArray used, INDArray result) {
        if (used != result && !buffers.owns(used)) {
            used.close();
        }
        return result;
    }

    /**
     * The weights' part of a backward pass from {@code delta}, the gradient with respect to the pre-activation:
     * the gradient for the layer below (added to what is in its buffer when {@code accumulate}), masked by
     * dropout, then the weight and bias gradients, or with plain SGD the update itself.
     */
    private INDArray affineBackward(int i, INDArray delta, Blas.Matrix input, boolean accumulate) {
        StepBuffers b = buffers;
        LayerStack.Part part = stack.part(i);
        INDArray usable = Blas.readable(delta); // a DL4J activation's gradient may come in any layout
        Blas.Matrix d = b.matrix(usable);
        if (i > 0) {
            Blas.gemm(d, false, part.weights(), true, b.matrix(b.grad[i]), 1, accumulate ? 1 : 0);
            if (retain[i] > 0) {
                b.grad[i].muli(b.masks[i]);
            }
        }
        if (foldedRates != null) {
            Blas.gemm(input, true, d, false, part.weights(), -foldedRates[i], 1);
            Blas.columnSums(d, -foldedRates[i], b.ones, part.bias(), 1);
        } else {
            Blas.gemm(input, true, d, false, slots.weights(i), 1, 0);
            Blas.columnSums(d, 1, b.ones, slots.bias(i), 0);
        }
        if (usable != delta && !b.owns(usable)) {
            usable.close();
        }
        return i > 0 ? b.grad[i] : null;
    }

    /**
     * Layer {@code i}'s input with dropout applied as DL4J applies it: a mask of ones in the input's own element
     * order, ND4J's inverted-dropout op on it (each kept unit scaled by 1 / p), and the product.
     */
    private INDArray dropOut(int i, INDArray input) {
        StepBuffers b = buffers;
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
        slots.close();
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
}
