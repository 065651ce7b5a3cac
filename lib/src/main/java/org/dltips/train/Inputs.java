package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Network;

/** Checks that a data set fits a network before training or evaluating. {@code Inputs.check(net, test, "test")} */
final class Inputs {

    private Inputs() {
    }

    static void check(Network network, Dataset data, String role) {
        if (data == null) {
            throw new IllegalArgumentException("the " + role + " set is null; pass a Dataset, e.g. Mnist.load().train()");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("the " + role + " set is empty; pass a set with at least one example");
        }
        if (data.inputSize() != network.inputSize()) {
            throw new IllegalArgumentException("the " + role + " set has " + data.inputSize()
                    + " features per example but the network expects " + network.inputSize()
                    + "; build it with Network.input(" + data.inputSize() + ") or flatten the images");
        }
        if (data.numClasses() != network.outputSize()) {
            throw new IllegalArgumentException("the " + role + " set has " + data.numClasses()
                    + " classes but the network's softmax has " + network.outputSize()
                    + " outputs; use .softmax(" + data.numClasses() + ")");
        }
    }
}
