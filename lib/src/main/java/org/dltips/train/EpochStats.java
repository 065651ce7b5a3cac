package org.dltips.train;

/**
 * What one epoch of training measured. Accuracy is a fraction in [0, 1]; a metric that was not
 * measured (no validation set given) is {@code Double.NaN}.
 *
 * <p>{@code EpochStats last = history.last(); last.trainAccuracy();}
 *
 * <p>Two kinds of training numbers: {@code trainLoss}/{@code trainAccuracy} are measured on the whole training
 * set AFTER the epoch, with dropout off (what the lecture's tables report); {@code runningTrainLoss}/
 * {@code runningTrainAccuracy} are averaged over the epoch's batches WHILE training, with dropout on and the
 * weights still moving (what Keras prints during fit; the "0.954 while dropping" of the lecture's demo).
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean loss over the training set, evaluated after the epoch (dropout off); over the set given
 *                  to {@link Fit#evaluateTrainingOn}, if any
 * @param trainAccuracy accuracy on the training set, evaluated after the epoch (dropout off); over the set
 *                      given to {@link Fit#evaluateTrainingOn}, if any; NaN on a mixed set (mixup)
 * @param validationLoss loss on the validation or test set given to {@code fit}
 * @param validationAccuracy accuracy on the validation or test set given to {@code fit}
 * @param seconds wall-clock seconds the epoch's training took (evaluation excluded)
 * @param samplesPerSecond training samples processed per second in this epoch
 * @param runningTrainLoss mean of the batch losses during the epoch (dropout on, regularization included)
 * @param runningTrainAccuracy share of training examples classified right during the epoch, each measured
 *                             in its batch's training forward pass before that batch's update (dropout on);
 *                             NaN when training on a mixed set
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double seconds, double samplesPerSecond,
                         double runningTrainLoss, double runningTrainAccuracy) {

    /** Stats without the running (during-epoch) measurements, which are set to {@code Double.NaN}. */
    public EpochStats(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                      double validationAccuracy, double seconds, double samplesPerSecond) {
        this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, seconds, samplesPerSecond,
                Double.NaN, Double.NaN);
    }
}
