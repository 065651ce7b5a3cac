package org.dltips.model;

/**
 * The activation function of a hidden layer.
 *
 * <p>{@code Network.input(784).dense(689, Activation.RELU).softmax(10).build();}
 *
 * <p>Introduced in the notebook on the vanishing gradient (sigmoid versus ReLU); the ReLU variants and Maxout
 * ({@link NetworkBuilder#maxout(int, int)}) come back in the notebook "Maxout and the ReLU family".
 */
public enum Activation {
    /** 1 / (1 + e^-x): saturates at 0 and 1, the cause of the vanishing gradient in deep stacks. */
    SIGMOID(org.nd4j.linalg.activations.Activation.SIGMOID),
    /** Hyperbolic tangent: like sigmoid but centred on 0, saturates at -1 and 1. */
    TANH(org.nd4j.linalg.activations.Activation.TANH),
    /** max(0, x): the lecture's fix for the vanishing gradient. */
    RELU(org.nd4j.linalg.activations.Activation.RELU),
    /** x for x &gt; 0, 0.01 x otherwise: a ReLU whose units cannot die. */
    LEAKY_RELU(org.nd4j.linalg.activations.Activation.LEAKYRELU),
    /**
     * Parametric ReLU: x for x &gt; 0, a x otherwise, with a slope {@code a} per unit that training learns
     * (starting at 0.25). A layer of its own in DL4J ({@code PReLULayer}) after a dense layer without activation.
     */
    PRELU(null),
    /** Scaled exponential linear unit: self-normalizing with LeCun-normal weights. */
    SELU(org.nd4j.linalg.activations.Activation.SELU),
    /** Exponential linear unit. */
    ELU(org.nd4j.linalg.activations.Activation.ELU),
    /** log(1 + e^x): a smooth ReLU. */
    SOFTPLUS(org.nd4j.linalg.activations.Activation.SOFTPLUS),
    /** x / (1 + |x|). */
    SOFTSIGN(org.nd4j.linalg.activations.Activation.SOFTSIGN),
    /** A piecewise-linear sigmoid. */
    HARD_SIGMOID(org.nd4j.linalg.activations.Activation.HARDSIGMOID),
    /** Swish, x * sigmoid(x). */
    SWISH(org.nd4j.linalg.activations.Activation.SWISH),
    /** No activation: the layer stays linear. */
    IDENTITY(org.nd4j.linalg.activations.Activation.IDENTITY);

    private final org.nd4j.linalg.activations.Activation dl4j;

    Activation(org.nd4j.linalg.activations.Activation dl4j) {
        this.dl4j = dl4j;
    }

    /**
     * The DL4J activation this stands for.
     *
     * @throws IllegalStateException for {@link #PRELU}, whose learned slopes make it a layer, not a function
     */
    public org.nd4j.linalg.activations.Activation toDl4j() {
        if (dl4j == null) {
            throw new IllegalStateException(name() + " learns its slopes, so DL4J has it as a layer (PReLULayer),"
                    + " not as an activation function; use hasDl4jFunction() before toDl4j()");
        }
        return dl4j;
    }

    /** Whether DL4J has this as an activation function ({@link #toDl4j()}); false for {@link #PRELU}. */
    public boolean hasDl4jFunction() {
        return dl4j != null;
    }

    /**
     * True when {@code value}, an output of this activation, lies where the function is flat and passes
     * almost no gradient back: sigmoid outside (0.01, 0.99), tanh beyond ±0.99, ReLU at 0 or below.
     */
    public boolean isSaturated(double value) {
        return switch (this) {
            case SIGMOID, HARD_SIGMOID -> value < 0.01 || value > 0.99;
            case TANH, SOFTSIGN -> Math.abs(value) > 0.99;
            case RELU -> value <= 0;
            case SOFTPLUS -> value < 0.01;
            case ELU, SELU -> value < -0.99 * (this == SELU ? 1.7581 : 1.0);
            case LEAKY_RELU, PRELU, SWISH, IDENTITY -> false;
        };
    }
}
