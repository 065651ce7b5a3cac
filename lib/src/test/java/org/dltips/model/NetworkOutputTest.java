package org.dltips.model;

import org.dltips.data.Dataset;
import org.dltips.train.Fit;
import org.dltips.train.Synthetic;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Network.output} gives what DL4J's output gives, chunk by chunk through the library's pass. */
class NetworkOutputTest {

    @Test
    void outputOfMoreRowsThanAChunkIsDl4jsOutput() {
        Dataset data = Synthetic.blobs(5000, 10, 3, 8);
        for (NetworkBuilder builder : new NetworkBuilder[] {
            Network.input(10).hidden(2, 16, Activation.RELU).softmax(3),
            Network.input(10).maxout(16, 3).dense(8, Activation.PRELU).softmax(3)}) {
            Network net = builder.seed(4).build();
            net.fit(data.first(500), Fit.epochs(1).batchSize(50).quiet());
            INDArray ours = net.output(data.features());
            INDArray dl4j = net.model().output(data.features(), false);
            assertArrayEquals(dl4j.shape(), ours.shape(), "one row of class probabilities per example");
            double gap = dl4j.sub(ours).amaxNumber().doubleValue();
            assertTrue(gap < 1e-5, builder + ": outputs differ from DL4J's by " + gap);
        }
    }
}
