package org.dltips.data;

import java.util.List;
import java.util.Locale;

/** Image captions of mixed examples: the two classes with the largest shares, {@code "3 .70 8 .30"}. */
final class Captions {

    private Captions() {
    }

    /** The caption of row {@code row} of the row-major soft {@code targets}; one class name when it has it all. */
    static String mixed(float[] targets, int row, List<String> names) {
        int classes = names.size();
        int from = row * classes;
        int first = Mixup.largest(targets, from, classes);
        int second = -1;
        for (int c = 0; c < classes; c++) {
            if (c != first && (second < 0 || targets[from + c] > targets[from + second])) {
                second = c;
            }
        }
        if (second < 0 || targets[from + second] < 0.01f) {
            return names.get(first);
        }
        return names.get(first) + share(targets[from + first]) + " " + names.get(second) + share(targets[from + second]);
    }

    private static String share(float value) {
        return String.format(Locale.ROOT, " .%02d", Math.round(value * 100));
    }
}
