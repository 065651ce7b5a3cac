package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Network;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftTargetsTest {

    private final Dataset train = Synthetic.blobs(300, 8, 3, 1);
    private final Dataset test = Synthetic.blobs(150, 8, 3, 2);

    @Test
    void accuracyOnMixedExamplesIsNotReportedButLossIsAgainstTheSoftTargets() {
        Dataset mixed = train.mixup(1.0, 2, 3);
        Network net = Synthetic.builder(8, 3).build();
        History h = net.fit(mixed, mixed, Fit.epochs(3).batchSize(50).quiet());
        assertTrue(Double.isNaN(h.last().trainAccuracy()));
        assertTrue(Double.isNaN(h.last().validationAccuracy()));
        assertTrue(Double.isNaN(h.last().runningTrainAccuracy()));
        Evaluation e = net.evaluate(mixed);
        assertTrue(Double.isNaN(e.accuracy()));
        INDArray p = net.output(mixed.features());
        double crossEntropy = -Transforms.log(p, true).muli(mixed.targets()).sumNumber().doubleValue() / mixed.size();
        assertEquals(crossEntropy, e.loss(), 1e-4);
        assertEquals(crossEntropy, h.last().trainLoss(), 1e-4);
    }

    @Test
    void evaluateTrainingOnMeasuresTheOriginalImages() {
        Dataset mixed = train.mixup(0.2, 2, 3);
        Network net = Synthetic.builder(8, 3).build();
        History h = net.fit(mixed, test, Fit.epochs(6).batchSize(50).quiet().evaluateTrainingOn(train));
        assertEquals(net.evaluate(train).accuracy(), h.last().trainAccuracy(), 1e-12);
        assertEquals(net.evaluate(train).loss(), h.last().trainLoss(), 1e-6);
        assertTrue(h.last().trainAccuracy() > 0.9, h.toString());
        assertTrue(h.last().validationAccuracy() > 0.9, h.toString());
        Fit fit = Fit.epochs(2).evaluateTrainingOn(train);
        assertSame(train, fit.withEpochs(5).batchSize(10).trainingEvaluationSet(mixed));
        assertSame(mixed, Fit.epochs(2).trainingEvaluationSet(mixed));
        var none = assertThrows(IllegalArgumentException.class, () -> Fit.epochs(2).evaluateTrainingOn(null));
        assertTrue(none.getMessage().startsWith("evaluateTrainingOn(null): pass the original training set"));
        var wrong = assertThrows(IllegalArgumentException.class,
                () -> net.fit(mixed, test, Fit.epochs(1).quiet().evaluateTrainingOn(Synthetic.blobs(30, 5, 3, 1))));
        assertTrue(wrong.getMessage().startsWith("the training evaluation set has 5 features per example"),
                wrong.getMessage());
    }
}
