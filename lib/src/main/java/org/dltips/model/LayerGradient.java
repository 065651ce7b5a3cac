package org.dltips.model;

/**
 * How strongly one layer's weights are pushed by the loss on a batch: the mean of |dL/dW| over its weights.
 * Plotted per layer, it shows the vanishing gradient: tiny values near the input of a deep sigmoid network.
 *
 * <p>{@code net.gradients(train, 100).forEach(g -> System.out.println(g.layer() + " " + g.meanAbsGradient()));}
 *
 * @param index 1-based position among the layers with weights (the output layer is last)
 * @param layer readable name, e.g. "hidden 1 (689 sigmoid)"
 * @param meanAbsGradient mean absolute gradient of the loss with respect to the layer's weights (biases excluded)
 */
public record LayerGradient(int index, String layer, double meanAbsGradient) {
}
