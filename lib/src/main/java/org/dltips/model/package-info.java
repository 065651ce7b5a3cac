/**
 * A compact builder for fully connected classifiers over DL4J, and the {@link org.dltips.model.Network} that
 * trains, evaluates, inspects, saves and loads them.
 *
 * <p>{@code Network net = Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10)
 *     .loss(Loss.MSE).optimizer(Optimizer.sgd(0.1)).seed(1).build();}
 *
 * <p>Porting notes: {@code dropout(0.7)} DROPS 70% like Keras (DL4J's {@code dropOut} takes the probability to
 * keep and applies to the next layer's input; the conversion happens here). Weights start Glorot-uniform and
 * biases at 0, as in Keras.
 */
package org.dltips.model;
