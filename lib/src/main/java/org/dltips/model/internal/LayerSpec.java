package org.dltips.model.internal;

import org.dltips.model.Activation;

/**
 * One hidden layer as the builder records it.
 *
 * <p>{@code new LayerSpec(689, Activation.RELU, false, 0.7)}
 *
 * @param units number of neurons
 * @param activation activation function
 * @param batchNorm whether the pre-activation is batch-normalized
 * @param dropBefore probability of DROPPING each input of this layer during training (0 = no dropout)
 */
public record LayerSpec(int units, Activation activation, boolean batchNorm, double dropBefore) {

    /** The same layer with its pre-activation batch-normalized. */
    public LayerSpec withBatchNorm() {
        return new LayerSpec(units, activation, true, dropBefore);
    }
}
