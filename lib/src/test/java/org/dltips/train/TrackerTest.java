package org.dltips.train;

import org.dltips.data.Dataset;
import org.dltips.model.Network;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tracker measures a second held-out set each epoch, exactly as fit measures its validation set. */
class TrackerTest {

    private final Dataset train = Synthetic.blobs(120, 8, 3, 1);
    private final Dataset validation = Synthetic.blobs(60, 8, 3, 2);
    private final Dataset other = Synthetic.blobs(90, 8, 3, 3, 1.5);

    @Test
    void tracksTheSameNumbersFitWouldReportForThatSet() {
        Tracker tracker = Tracker.on(other);
        Network tracked = Synthetic.builder(8, 3).build();
        History withTracker = tracked.fit(train, validation, Fit.epochs(4).batchSize(20).quiet().callbacks(tracker));
        Network direct = Synthetic.builder(8, 3).build();
        History onOther = direct.fit(train, other, Fit.epochs(4).batchSize(20).quiet());

        assertEquals(4, tracker.epochs().size());
        assertArrayEquals(onOther.validationAccuracy(), tracker.accuracy(), 1e-6);
        assertArrayEquals(onOther.validationLoss(), tracker.loss(), 1e-5);
        assertArrayEquals(withTracker.trainAccuracy(), tracker.epochs().stream()
                .mapToDouble(EpochStats::trainAccuracy).toArray(), 0, "training numbers are the fit's own");
        assertEquals(tracker.accuracy()[2], tracker.accuracyAt(3));
        assertTrue(withTracker.validationAccuracy()[3] != tracker.accuracy()[3]
                || withTracker.validationLoss()[3] != tracker.loss()[3], "the validation set is not replaced in the history");
    }

    @Test
    void aNewFitStartsAFreshRecordAndStopsWithEarlyStopping() {
        Tracker tracker = Tracker.on(other);
        Network net = Synthetic.builder(8, 3).build();
        net.fit(train, validation, Fit.epochs(3).quiet().callbacks(tracker));
        net.fit(train, Synthetic.shiftedLabels(validation),
                Fit.epochs(10).quiet().callbacks(EarlyStopping.patience(1), tracker));
        List<EpochStats> epochs = tracker.epochs();
        assertTrue(epochs.size() < 10, "early stopping ended the second fit, got " + epochs.size() + " epochs");
        assertEquals(1, epochs.get(0).epoch());
    }

    @Test
    void explainsMisuse() {
        assertEquals("Tracker.on got no data set; pass the set to measure after every epoch, e.g. Tracker.on(test)",
                assertThrows(IllegalArgumentException.class, () -> Tracker.on(null)).getMessage());
        Tracker tracker = Tracker.on(other);
        assertEquals("accuracyAt got epoch 1; the tracker measured epochs 1 to 0 (none: pass it to fit with "
                        + "Fit.callbacks(tracker))",
                assertThrows(IllegalArgumentException.class, () -> tracker.accuracyAt(1)).getMessage());
        Network wrongSize = Synthetic.builder(8, 4).build();
        Dataset four = Synthetic.blobs(40, 8, 4, 1);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> wrongSize.fit(four, Fit.epochs(1).quiet().callbacks(tracker))).getMessage()
                .startsWith("the tracked set has 3 classes but the network's softmax has 4 outputs"));
    }
}
