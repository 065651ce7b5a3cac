package org.dltips.model;

/**
 * Statistics of one hidden layer's outputs over a data set, inference mode.
 *
 * <p>{@code net.activations(test).get(0).fractionSaturated()}
 *
 * @param index 1-based hidden layer number
 * @param layer readable name, e.g. "hidden 1 (689 sigmoid)"
 * @param mean mean output
 * @param std standard deviation of the outputs
 * @param fractionSaturated share of outputs where the activation is flat and passes almost no gradient
 *                          (see {@link Activation#isSaturated(double)}); for ReLU, the share of dead (zero) outputs;
 *                          0 for a residual layer, whose output x + act(x W + b) is a sum, not an activation
 */
public record LayerActivation(int index, String layer, double mean, double std, double fractionSaturated) {
}
