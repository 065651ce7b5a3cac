/**
 * Training: the fit settings ({@link org.dltips.train.Fit}), what each epoch measured
 * ({@link org.dltips.train.History}, {@link org.dltips.train.EpochStats}), callbacks with begin/end hooks
 * (progress, early stopping, checkpoint, time budget, a {@link org.dltips.train.Tracker} for one more held-out
 * set), and {@link org.dltips.train.Evaluation}.
 *
 * <p>{@code History h = net.fit(train, test, Fit.epochs(20).batchSize(100).callbacks(EarlyStopping.patience(3)));}
 *
 * <p>Training accuracy in the history is measured on the whole training set after each epoch with dropout off;
 * the running accuracy during the epoch (dropout on) is kept next to it. Interrupting the thread (the notebook's
 * stop button) ends training between two batches with a {@link org.dltips.train.TrainingInterruptedException};
 * the weights and the history so far are kept.
 */
package org.dltips.train;
