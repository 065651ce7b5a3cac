package org.dltips.data;

import org.dltips.data.internal.FeatureStore;
import org.dltips.model.Network;
import org.dltips.train.Fit;
import org.dltips.train.Synthetic;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftTargetTrainingTest {

    @Test
    void fitTrainsTowardsTheSoftTargetsNotTheLargestLabels() {
        // Identical inputs, every target 30% class 0 and 70% class 1 (labelled 1): the best output is 0.3 / 0.7.
        // Trained on the labels instead, the network would output class 1 with a probability near 1.
        int n = 20;
        float[] x = new float[n * 2];
        Arrays.fill(x, 1f);
        float[] targets = new float[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            targets[2 * i] = 0.3f;
            targets[2 * i + 1] = 0.7f;
            labels[i] = 1;
        }
        Dataset plain = new Dataset(x, labels, 2, 2);
        Dataset soft = plain.mixed(FeatureStore.ofFloats(x, 2), labels, targets);
        Network net = Synthetic.builder(2, 2).build();
        net.fit(soft, Fit.epochs(200).batchSize(n).quiet());
        assertEquals(0.7, net.output(plain.features()).getDouble(0, 1), 0.02);
    }
}
