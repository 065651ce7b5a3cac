package org.dltips.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Image captions: class names, and for mixed examples the two classes with the largest shares, {@code "3 .70 8 .30"}. */
final class Captions {

    private Captions() {
    }

    /** Captions of examples {@code from..from+count-1}: the class name, or both shares for a mixed set. */
    static List<String> of(int[] labels, float[] targets, List<String> names, int from, int count) {
        List<String> captions = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            captions.add(targets == null ? names.get(labels[i]) : mixed(targets, i, names));
        }
        return captions;
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
