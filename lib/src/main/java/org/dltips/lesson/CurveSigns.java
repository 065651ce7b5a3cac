package org.dltips.lesson;

import java.util.ArrayList;
import java.util.List;
import org.dltips.lesson.internal.Text;
import org.dltips.train.EpochStats;

/** Signs in the learning curves that the lecture teaches to read: overfitting, a rate too big, a blow-up. */
final class CurveSigns {

    /** Validation loss this many times its best counts as having risen. */
    static final double RISE = 1.1;
    /** Share of epochs whose training loss went up that counts as oscillating. */
    static final double OSCILLATION_SHARE = 1.0 / 3;
    /** How the note on a validation loss that rose again begins. */
    static final String VALIDATION_ROSE = "the validation loss was lowest at epoch";

    private CurveSigns() {
    }

    static List<String> read(List<EpochStats> epochs) {
        List<String> notes = new ArrayList<>();
        for (EpochStats epoch : epochs) {
            if (Double.isNaN(epoch.trainLoss()) || Double.isInfinite(epoch.trainLoss())) {
                notes.add("the training loss became " + epoch.trainLoss() + " at epoch " + epoch.epoch()
                        + ": the learning rate is too big, or the inputs are not normalized");
                return notes;
            }
        }
        int best = -1;
        for (int i = 0; i < epochs.size(); i++) {
            double loss = epochs.get(i).validationLoss();
            if (Double.isFinite(loss) && (best < 0 || loss < epochs.get(best).validationLoss())) {
                best = i;
            }
        }
        EpochStats last = epochs.get(epochs.size() - 1);
        if (best >= 0 && best < epochs.size() - 1 && last.validationLoss() > RISE * epochs.get(best).validationLoss()
                && last.trainLoss() < epochs.get(best).trainLoss()) {
            EpochStats lowest = epochs.get(best);
            notes.add(VALIDATION_ROSE + " " + lowest.epoch() + " (" + Text.number(lowest.validationLoss())
                    + ") and rose to " + Text.number(last.validationLoss()) + " by epoch " + last.epoch()
                    + " while the training loss kept falling: overfitting; early stopping would keep epoch "
                    + lowest.epoch());
        }
        int rises = 0;
        for (int i = 1; i < epochs.size(); i++) {
            if (epochs.get(i).trainLoss() > epochs.get(i - 1).trainLoss()) {
                rises++;
            }
        }
        if (epochs.size() >= 5 && rises >= OSCILLATION_SHARE * (epochs.size() - 1)) {
            notes.add("the training loss went up in " + rises + " of " + (epochs.size() - 1)
                    + " epochs: a loss that jumps around suggests the learning rate is too big");
        }
        return notes;
    }
}
