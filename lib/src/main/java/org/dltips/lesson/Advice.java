package org.dltips.lesson;

import java.util.List;

/** The lecture's tips, grouped by the problem they help with. */
final class Advice {

    static final List<String> OPTIMIZATION = List.of(
            "cross-entropy instead of MSE as the loss of a classifier",
            "ReLU (or Leaky ReLU, SELU) instead of sigmoid, above all in deep networks",
            "Adam, or another learning rate: a loss that jumps around means the rate is too big",
            "normalized inputs (e.g. pixels divided by 255)",
            "a mini-batch size that gives enough updates per epoch (e.g. 100, not 10 000)");

    static final List<String> GENERALIZATION = List.of(
            "early stopping on a validation set split off the SHUFFLED training data",
            "regularization: L2 / weight decay, or AdamW",
            "dropout after the hidden layers (training accuracy will drop a little)",
            "more data, or data augmentation that keeps every label true");

    private Advice() {
    }

    static List<String> forVerdict(Verdict verdict) {
        return switch (verdict) {
            case FAILED_TRAINING, OPTIMIZATION -> OPTIMIZATION;
            case GENERALIZATION -> GENERALIZATION;
            case GOOD -> List.of();
        };
    }
}
