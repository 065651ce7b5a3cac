package org.dltips.train;

/**
 * What one epoch of training measured. Accuracy is a fraction in [0, 1]; a metric that was not
 * measured (no validation set given) is {@code Double.NaN}.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean loss over the training set
 * @param trainAccuracy accuracy on the training set
 * @param validationLoss loss on the validation or test set given to {@code fit}
 * @param validationAccuracy accuracy on the validation or test set given to {@code fit}
 * @param seconds wall-clock seconds the epoch's training took (evaluation excluded)
 * @param samplesPerSecond training samples processed per second in this epoch
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double seconds, double samplesPerSecond) {
}
