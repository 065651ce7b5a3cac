package org.dltips.data;

/**
 * A data set cut in two: examples to train on and examples held out to validate on.
 * Introduced in the validation-split step of the lecture notebook.
 *
 * <p>{@code Split split = train.shuffled(7).split(0.8); split.train().size(); // 8000 of 10000}
 */
public record Split(Dataset train, Dataset validation) {
}
