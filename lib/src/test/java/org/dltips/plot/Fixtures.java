package org.dltips.plot;

import java.util.ArrayList;
import java.util.List;
import org.dltips.train.EpochStats;

/** Small synthetic training histories shaped like the lecture's runs. */
final class Fixtures {

    private Fixtures() {
    }

    /** A run whose accuracy rises from {@code start} towards {@code trainEnd} / {@code testEnd}. */
    static List<EpochStats> run(int epochs, double start, double trainEnd, double testEnd) {
        List<EpochStats> list = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double progress = 1 - Math.exp(-e / 3.0);
            double train = start + (trainEnd - start) * progress;
            double test = start + (testEnd - start) * progress;
            list.add(new EpochStats(e, 2.3 * (1 - train) + 0.02, train, 2.3 * (1 - test) + 0.05, test, 1.8, 5500));
        }
        return list;
    }

    /** A run that stays at chance, like sigmoid with MSE. */
    static List<EpochStats> stuck(int epochs) {
        List<EpochStats> list = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            list.add(new EpochStats(e, 0.09 - 0.0001 * e, 0.1127, 0.09 - 0.0001 * e, 0.1135, 1.7, 5800));
        }
        return list;
    }
}
