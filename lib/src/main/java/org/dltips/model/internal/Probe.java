package org.dltips.model.internal;

import org.dltips.model.LayerActivation;
import org.dltips.model.LayerGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks inside a network: gradient size per layer for one batch, activation statistics per hidden layer.
 *
 * <p>{@code Probe.gradients(model, x, y)}
 */
public final class Probe {

    private Probe() {
    }

    /** Mean |dL/dW| per layer for the batch {@code x, y}, computed in training mode without updating weights. */
    public static List<LayerGradient> gradients(MultiLayerNetwork model, INDArray x, INDArray y) {
        model.setInput(x);
        model.setLabels(y);
        model.computeGradientAndScore();
        Gradient gradient = model.gradient();
        List<LayerGradient> result = new ArrayList<>();
        for (LayerMap.Group group : LayerMap.of(model.getLayerWiseConfigurations())) {
            INDArray w = gradient.getGradientFor(group.weightIndex() + "_W");
            result.add(new LayerGradient(result.size() + 1, group.name(), w.norm1Number().doubleValue() / w.length()));
        }
        model.clearLayersStates();
        model.clear();
        return result;
    }

    /** Mean, standard deviation and saturated share of each hidden layer's outputs for the inputs {@code x}. */
    public static List<LayerActivation> activations(MultiLayerNetwork model, INDArray x) {
        List<INDArray> outputs = model.feedForward(x, false);
        List<LayerActivation> result = new ArrayList<>();
        for (LayerMap.Group group : LayerMap.of(model.getLayerWiseConfigurations())) {
            if (group.output()) {
                continue;
            }
            INDArray a = outputs.get(group.outputIndex() + 1);
            double saturated = 0;
            if (group.activation() != null) {
                float[] values = a.dup('c').data().asFloat();
                long count = 0;
                for (float v : values) {
                    if (group.activation().isSaturated(v)) {
                        count++;
                    }
                }
                saturated = (double) count / values.length;
            }
            result.add(new LayerActivation(result.size() + 1, group.name(), a.meanNumber().doubleValue(),
                    a.stdNumber().doubleValue(), saturated));
        }
        return result;
    }
}
