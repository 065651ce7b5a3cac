package org.dltips.train.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Counts right answers in each batch's TRAINING forward pass (dropout on), at no extra forward pass: DL4J hands
 * listeners the activations that enter the output layer, and the most probable class only needs the output
 * layer's linear part (softmax keeps the order). Dropout on the output layer's own input is not re-applied.
 *
 * <p>{@code model.addListeners(running); running.expect(labels, start);}
 */
public final class RunningAccuracy extends BaseTrainingListener {

    private int[] labels;
    private int offset;
    private long correct;
    private long seen;

    /** The next forward pass sees the examples whose labels are {@code labels[offset...]}. */
    public void expect(int[] labels, int offset) {
        this.labels = labels;
        this.offset = offset;
    }

    /** Starts counting afresh (at each epoch). */
    public void reset() {
        correct = 0;
        seen = 0;
    }

    /** Share right since the last reset; NaN before any batch. */
    public double accuracy() {
        return seen == 0 ? Double.NaN : (double) correct / seen;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (labels == null || !(model instanceof MultiLayerNetwork net)) {
            return;
        }
        INDArray input = activations.get(activations.size() - 1);
        Layer output = net.getOutputLayer();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray scores = input.mmul(output.getParam("W")).addiRowVector(output.getParam("b"));
            count(scores.argMax(1).toIntVector());
        }
    }

    /** Counts the classes predicted for the examples announced by {@link #expect}. */
    public void count(int[] predicted) {
        if (labels == null) {
            return;
        }
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[offset + i]) {
                correct++;
            }
        }
        seen += predicted.length;
        labels = null;
    }
}
