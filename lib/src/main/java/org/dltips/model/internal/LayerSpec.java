package org.dltips.model.internal;

import org.dltips.model.Activation;

/**
 * One hidden layer as the builder records it.
 *
 * <p>{@code new LayerSpec(689, Activation.RELU, false, 0.7)}
 *
 * @param units number of neurons
 * @param activation activation function
 * @param batchNorm whether the layer is batch-normalized: the pre-activation of a plain layer, the output
 *                  {@code x + act(x W + b)} of a residual one
 * @param dropBefore probability of DROPPING each input of this layer during training (0 = no dropout)
 * @param residual whether the layer has a skip connection: {@code out = x + act(x W + b)}
 * @param pieces linear pieces per unit of a Maxout layer, whose unit outputs the largest of them (its
 *               {@code activation} is then {@link Activation#IDENTITY}); 1 for every other layer
 */
public record LayerSpec(int units, Activation activation, boolean batchNorm, double dropBefore, boolean residual,
                        int pieces) {

    /** A plain (non-residual) layer. */
    public LayerSpec(int units, Activation activation, boolean batchNorm, double dropBefore) {
        this(units, activation, batchNorm, dropBefore, false, 1);
    }

    /** A residual layer of {@code units} inputs and outputs. {@code LayerSpec.residual(256, Activation.RELU)} */
    public static LayerSpec residual(int units, Activation activation) {
        return new LayerSpec(units, activation, false, 0, true, 1);
    }

    /** A Maxout layer of {@code units} units of {@code pieces} pieces each. {@code LayerSpec.maxout(689, 2, 0)} */
    public static LayerSpec maxout(int units, int pieces, double dropBefore) {
        return new LayerSpec(units, Activation.IDENTITY, false, dropBefore, false, pieces);
    }

    /** Whether this is a Maxout layer. */
    public boolean maxout() {
        return pieces > 1;
    }

    /** The same layer, batch-normalized. */
    public LayerSpec withBatchNorm() {
        return new LayerSpec(units, activation, true, dropBefore, residual, pieces);
    }
}
