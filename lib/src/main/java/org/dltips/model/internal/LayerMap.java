package org.dltips.model.internal;

import org.dltips.model.Activation;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.nd4j.linalg.activations.IActivation;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups DL4J layers into the layers a student wrote: a dense layer, with its batch-normalization and
 * activation layers when {@code batchNorm()} was used, its parametric ReLU layer or its Maxout groups (named
 * "689 maxout x2"), or a residual layer (named "..., skip"), then the output layer.
 *
 * <p>{@code LayerMap.of(model.getLayerWiseConfigurations()).get(0).name()} is "hidden 1 (689 sigmoid)".
 */
public final class LayerMap {

    /**
     * One layer as the student sees it.
     *
     * @param name readable name
     * @param weightIndex DL4J index of the layer holding the weights "W"
     * @param outputIndex DL4J index of the last layer of the group (its activations are the group's output)
     * @param activation the activation whose outputs the group emits; null for the softmax output and for a
     *                   residual layer, whose output x + act(x W + b) is a sum, not an activation
     * @param output whether this is the output layer
     */
    public record Group(String name, int weightIndex, int outputIndex, Activation activation, boolean output) {
    }

    private LayerMap() {
    }

    /** The groups, hidden layers first, the output layer last. */
    public static List<Group> of(MultiLayerConfiguration configuration) {
        List<Group> groups = new ArrayList<>();
        int count = configuration.getConfs().size();
        for (int i = 0; i < count; i++) {
            Layer layer = configuration.getConf(i).getLayer();
            if (layer instanceof OutputLayer out) {
                groups.add(new Group("output (" + out.getNOut() + " softmax)", i, i, null, true));
            } else if (layer instanceof DenseLayer dense) {
                int last = i;
                IActivation function = dense.getActivationFn();
                Activation activation = activationOf(function);
                long units = dense.getNOut();
                String label = null;
                while (last + 1 < count && !startsGroup(configuration.getConf(last + 1).getLayer())) {
                    last++;
                    Layer next = configuration.getConf(last).getLayer();
                    if (next instanceof ActivationLayer a) {
                        function = a.getActivationFn();
                        activation = activationOf(function);
                    } else if (next instanceof PReLULayer) {
                        activation = Activation.PRELU;
                    } else if (next instanceof MaxoutGroups m) {
                        units = m.getUnits();
                        label = "maxout x" + m.getPieces();
                        activation = null;
                    }
                }
                if (label == null) {
                    label = activation == null ? function.toString() : activation.name().toLowerCase();
                }
                boolean residual = dense instanceof ResidualDense;
                int number = groups.size() + 1;
                groups.add(new Group("hidden " + number + " (" + units + " " + label
                        + (residual ? ", skip" : "") + ")", i, last, residual ? null : activation, false));
                i = last;
            }
        }
        return groups;
    }

    private static boolean startsGroup(Layer layer) {
        return layer instanceof DenseLayer || layer instanceof OutputLayer;
    }

    private static Activation activationOf(IActivation function) {
        for (Activation a : Activation.values()) {
            if (a.hasDl4jFunction() && a.toDl4j().getActivationFunction().getClass() == function.getClass()) {
                return a;
            }
        }
        return null;
    }
}
