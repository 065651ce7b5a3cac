package org.dltips.model;

import org.dltips.model.internal.ConfigFactory;
import org.dltips.model.internal.LayerSpec;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a fully connected network layer by layer; start it with {@link Network#input(int)}.
 * Immutable: every method returns a new builder, so one base setup can branch into variants.
 *
 * <p>{@code NetworkBuilder base = Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10);
 * Network mse = base.loss(Loss.MSE).build();}
 *
 * <p>Defaults follow Keras and the lecture's demo: Xavier (Glorot uniform) weights, zero biases,
 * cross-entropy, SGD with rate 0.1, seed 1.
 */
public final class NetworkBuilder {

    private final int inputSize;
    private List<LayerSpec> hidden = List.of();
    private double pendingDrop;
    private int outputs;
    private Loss loss = Loss.CROSS_ENTROPY;
    private Optimizer optimizer = Optimizer.sgd(0.1);
    private Init init = Init.XAVIER;
    private double l1;
    private double l2;
    private double weightDecay;
    private long seed = 1;

    NetworkBuilder(int inputSize) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("Network.input got " + inputSize
                    + " inputs; expected the number of features per example, e.g. Network.input(784) for 28x28 images");
        }
        this.inputSize = inputSize;
    }

    /** A hidden layer of {@code units} neurons. {@code .dense(689, Activation.SIGMOID)} */
    public NetworkBuilder dense(int units, Activation activation) {
        checkNoOutput("dense");
        if (units < 1) {
            throw new IllegalArgumentException("dense got " + units + " units; expected 1 or more, e.g. dense(689, Activation.RELU)");
        }
        NetworkBuilder next = copy();
        List<LayerSpec> layers = new ArrayList<>(hidden);
        layers.add(new LayerSpec(units, activation, false, pendingDrop));
        next.hidden = List.copyOf(layers);
        next.pendingDrop = 0;
        return next;
    }

    /** {@code count} equal hidden layers. {@code .hidden(3, 689, Activation.SIGMOID)} */
    public NetworkBuilder hidden(int count, int units, Activation activation) {
        return hidden(count, units, activation, 0);
    }

    /**
     * {@code count} equal hidden layers, each followed by dropout that drops {@code dropProbability} of its
     * outputs. {@code .hidden(3, 689, Activation.RELU, 0.7)} is Keras's Dense(689) + Dropout(0.7), three times.
     */
    public NetworkBuilder hidden(int count, int units, Activation activation, double dropProbability) {
        if (count < 1) {
            throw new IllegalArgumentException("hidden got count " + count + "; expected 1 or more layers, e.g. hidden(3, 689, Activation.SIGMOID)");
        }
        NetworkBuilder next = this;
        for (int i = 0; i < count; i++) {
            next = next.dense(units, activation);
            if (dropProbability > 0) {
                next = next.dropout(dropProbability);
            }
        }
        return next;
    }

    /**
     * A Maxout layer (Maxout 層): each of its {@code units} holds {@code pieces} linear pieces {@code x W_p + b_p}
     * of its own and outputs the largest of them, so the network learns each unit's activation, a convex
     * piecewise-linear function. ReLU is the 2-piece case with one piece fixed at zero. It has {@code pieces}
     * times the weights of a dense layer of {@code units}, and costs that many times as much to train.
     *
     * <p>{@code Network.input(784).maxout(689, 2).softmax(10)}
     *
     * <p>Introduced in the notebook "Maxout and the ReLU family".
     */
    public NetworkBuilder maxout(int units, int pieces) {
        checkNoOutput("maxout");
        if (units < 1 || pieces < 2) {
            throw new IllegalArgumentException("maxout got " + units + " units of " + pieces + " pieces; expected 1 or"
                    + " more units and 2 or more pieces per unit, e.g. maxout(689, 2)");
        }
        NetworkBuilder next = copy();
        List<LayerSpec> layers = new ArrayList<>(hidden);
        layers.add(LayerSpec.maxout(units, pieces, pendingDrop));
        next.hidden = List.copyOf(layers);
        next.pendingDrop = 0;
        return next;
    }

    /** {@code count} equal Maxout layers. {@code .maxout(13, 689, 2)} */
    public NetworkBuilder maxout(int count, int units, int pieces) {
        if (count < 1) {
            throw new IllegalArgumentException("maxout got count " + count + "; expected 1 or more layers, e.g. maxout(13, 689, 2)");
        }
        NetworkBuilder next = this;
        for (int i = 0; i < count; i++) {
            next = next.maxout(units, pieces);
        }
        return next;
    }

    /**
     * Dropout after the previous layer (or on the inputs, if no layer came before): during training each
     * output is DROPPED with probability {@code dropProbability}, as in Keras's {@code Dropout(0.7)}.
     * Internally this becomes DL4J's {@code dropOut(1 - dropProbability)} on the next layer.
     */
    public NetworkBuilder dropout(double dropProbability) {
        checkNoOutput("dropout");
        if (!(dropProbability > 0 && dropProbability < 1)) {
            throw new IllegalArgumentException("dropout got " + dropProbability
                    + "; expected the probability to DROP a unit, between 0 and 1 (exclusive), e.g. dropout(0.5)");
        }
        if (pendingDrop > 0) {
            throw new IllegalStateException("dropout(" + dropProbability + ") follows dropout(" + pendingDrop
                    + ") with no layer between; give one dropout per layer");
        }
        NetworkBuilder next = copy();
        next.pendingDrop = dropProbability;
        return next;
    }

    /**
     * A hidden layer with a skip connection (殘差連接, residual connection): {@code out = x + act(x W + b)}, where
     * {@code x} is the layer's input. Input and output must have the same width, so {@code units} must equal the
     * previous layer's width (or the number of inputs). The gradient reaches the layers below through the
     * {@code + x} unchanged, which keeps a deep stack trainable.
     *
     * <p>{@code Network.input(784).dense(128, Activation.SIGMOID).residual(128, Activation.SIGMOID).softmax(10)}
     *
     * <p>Introduced in the notebook "Deep networks made trainable".
     */
    public NetworkBuilder residual(int units, Activation activation) {
        checkNoOutput("residual");
        int width = hidden.isEmpty() ? inputSize : hidden.get(hidden.size() - 1).units();
        if (units != width) {
            throw new IllegalArgumentException("residual(" + units + ", ...) follows " + (hidden.isEmpty()
                    ? width + " inputs" : "a layer of " + width + " units")
                    + "; a skip connection adds the layer's input to its output, so both need the same width:"
                    + " use residual(" + width + ", ...) or put dense(" + units + ", ...) before it");
        }
        if (activation == Activation.PRELU) {
            throw new IllegalArgumentException("residual(" + units + ", Activation.PRELU) is not supported: a"
                    + " parametric ReLU is a layer of its own in DL4J; use residual(" + units
                    + ", Activation.LEAKY_RELU) or dense(" + units + ", Activation.PRELU)");
        }
        if (pendingDrop > 0) {
            throw new IllegalStateException("residual(" + units + ", ...) follows dropout(" + pendingDrop
                    + "); dropout before a residual layer is not supported, put it after the residual layers instead");
        }
        NetworkBuilder next = copy();
        List<LayerSpec> layers = new ArrayList<>(hidden);
        layers.add(LayerSpec.residual(units, activation));
        next.hidden = List.copyOf(layers);
        return next;
    }

    /**
     * {@code count} residual layers of {@code units} each, like {@link #hidden(int, int, Activation)} with a skip
     * connection around every layer. {@code .dense(128, Activation.SIGMOID).residual(20, 128, Activation.SIGMOID)}
     */
    public NetworkBuilder residual(int count, int units, Activation activation) {
        if (count < 1) {
            throw new IllegalArgumentException("residual got count " + count
                    + "; expected 1 or more layers, e.g. residual(20, 128, Activation.SIGMOID)");
        }
        NetworkBuilder next = this;
        for (int i = 0; i < count; i++) {
            next = next.residual(units, activation);
        }
        return next;
    }

    /**
     * Batch-normalizes (批次標準化) the previous hidden layer: for a dense layer, its pre-activation, before the
     * activation ({@code .dense(689, RELU).batchNorm()}); for a residual layer, its output {@code x + act(x W + b)}
     * ({@code .residual(128, RELU).batchNorm()}).
     */
    public NetworkBuilder batchNorm() {
        checkNoOutput("batchNorm");
        if (hidden.isEmpty() || pendingDrop > 0) {
            throw new IllegalStateException("batchNorm() must directly follow a dense or residual layer, e.g. .dense(689, Activation.RELU).batchNorm()");
        }
        if (hidden.get(hidden.size() - 1).maxout()) {
            throw new IllegalStateException("batchNorm() after maxout(...) is not supported; put it after a dense or"
                    + " residual layer, e.g. .dense(689, Activation.RELU).batchNorm()");
        }
        NetworkBuilder next = copy();
        List<LayerSpec> layers = new ArrayList<>(hidden);
        layers.set(layers.size() - 1, layers.get(layers.size() - 1).withBatchNorm());
        next.hidden = List.copyOf(layers);
        return next;
    }

    /** The output layer: one softmax unit per class. {@code .softmax(10)} */
    public NetworkBuilder softmax(int classes) {
        checkNoOutput("softmax");
        if (classes < 2) {
            throw new IllegalArgumentException("softmax got " + classes + " classes; expected 2 or more, e.g. softmax(10) for digits");
        }
        NetworkBuilder next = copy();
        next.outputs = classes;
        return next;
    }

    /** The loss to minimize; default {@link Loss#CROSS_ENTROPY}. */
    public NetworkBuilder loss(Loss loss) {
        NetworkBuilder next = copy();
        next.loss = loss;
        return next;
    }

    /** The optimizer; default {@code Optimizer.sgd(0.1)}. */
    public NetworkBuilder optimizer(Optimizer optimizer) {
        NetworkBuilder next = copy();
        next.optimizer = optimizer;
        return next;
    }

    /** The weight initialization; default {@link Init#XAVIER}. */
    public NetworkBuilder init(Init init) {
        NetworkBuilder next = copy();
        next.init = init;
        return next;
    }

    /** L1 penalty {@code l1 * sum|w|} added to the loss (DL4J's {@code l1}); biases excluded. */
    public NetworkBuilder l1(double l1) {
        NetworkBuilder next = copy();
        next.l1 = checkCoefficient("l1", l1);
        return next;
    }

    /** L2 penalty {@code 0.5 * l2 * sum w^2} added to the loss (DL4J's {@code l2}); biases excluded. */
    public NetworkBuilder l2(double l2) {
        NetworkBuilder next = copy();
        next.l2 = checkCoefficient("l2", l2);
        return next;
    }

    /** Decoupled weight decay with any optimizer: after each step {@code w -= learningRate * decay * w}. */
    public NetworkBuilder weightDecay(double decay) {
        NetworkBuilder next = copy();
        next.weightDecay = checkCoefficient("weightDecay", decay);
        return next;
    }

    /** The seed for weights, dropout masks and shuffling; the same seed repeats a run. Default 1. */
    public NetworkBuilder seed(long seed) {
        NetworkBuilder next = copy();
        next.seed = seed;
        return next;
    }

    /** The seed this builder will use. */
    public long seed() {
        return seed;
    }

    /** The DL4J configuration this builder describes. */
    public MultiLayerConfiguration configuration() {
        if (outputs == 0) {
            throw new IllegalStateException("the network " + this + " has no output layer; add .softmax(10) before .build()");
        }
        if (weightDecay > 0 && optimizer.weightDecay() > 0) {
            throw new IllegalStateException("weight decay given twice: weightDecay(" + weightDecay + ") and "
                    + optimizer + "; keep one of them");
        }
        return ConfigFactory.configuration(inputSize, hidden, pendingDrop, outputs, loss, optimizer, init,
                l1, l2, weightDecay, seed);
    }

    /** Creates the network with freshly initialized weights. */
    public Network build() {
        return Network.create(configuration(), seed, toString());
    }

    @Override
    public String toString() {
        return ConfigFactory.describe(inputSize, hidden, pendingDrop, outputs, loss, optimizer, init, l1, l2,
                weightDecay, seed);
    }

    private NetworkBuilder copy() {
        NetworkBuilder next = new NetworkBuilder(inputSize);
        next.hidden = hidden;
        next.pendingDrop = pendingDrop;
        next.outputs = outputs;
        next.loss = loss;
        next.optimizer = optimizer;
        next.init = init;
        next.l1 = l1;
        next.l2 = l2;
        next.weightDecay = weightDecay;
        next.seed = seed;
        return next;
    }

    private void checkNoOutput(String method) {
        if (outputs > 0) {
            throw new IllegalStateException(method + "(...) comes after softmax(" + outputs
                    + "); the output layer must be last, so move softmax(...) to the end");
        }
    }

    private static double checkCoefficient(String method, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(method + " got " + value + "; expected 0 or a small positive number such as 1e-4");
        }
        return value;
    }
}
