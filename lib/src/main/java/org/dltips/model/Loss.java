package org.dltips.model;

import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The loss a network minimizes.
 *
 * <p>{@code Network.input(784).dense(689, Activation.SIGMOID).softmax(10).loss(Loss.MSE).build();}
 *
 * <p>Introduced in the notebook of the live demo, where mean squared error leaves the network at 11% and
 * cross-entropy takes it to 87%.
 */
public enum Loss {
    /** Mean squared error between the softmax output and the one-hot target, averaged over the outputs. */
    MSE(LossFunctions.LossFunction.MSE),
    /** Multi-class cross-entropy, -sum(y log p): the default, and the lecture's choice for classification. */
    CROSS_ENTROPY(LossFunctions.LossFunction.MCXENT);

    private final LossFunctions.LossFunction dl4j;

    Loss(LossFunctions.LossFunction dl4j) {
        this.dl4j = dl4j;
    }

    /** The DL4J loss function this stands for. */
    public LossFunctions.LossFunction toDl4j() {
        return dl4j;
    }
}
