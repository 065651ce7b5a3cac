package org.dltips.data;

import java.util.List;

/**
 * A data set of labelled images as published: a training set and a test set, both raw pixels 0..255, with the
 * class names. Introduced in the first notebook.
 *
 * <p>{@code ImageSet mnist = Mnist.load(); Dataset train = mnist.train().first(10_000).scaled();}
 */
public final class ImageSet {

    private final String name;
    private final Dataset train;
    private final Dataset test;

    ImageSet(String name, Dataset train, Dataset test) {
        this.name = name;
        this.train = train;
        this.test = test;
    }

    /** The data set's name, such as "MNIST". */
    public String name() {
        return name;
    }

    /** The training examples (60 000 for MNIST), raw pixels 0..255: call {@code scaled()} to normalize. */
    public Dataset train() {
        return train;
    }

    /** The test examples (10 000 for MNIST), raw pixels 0..255: call {@code scaled()} to normalize. */
    public Dataset test() {
        return test;
    }

    /** Name of each class, by label. */
    public List<String> classNames() {
        return train.classNames();
    }

    @Override
    public String toString() {
        return name + ": " + train.size() + " training and " + test.size() + " test images of "
                + train.imageHeight() + "x" + train.imageWidth() + " pixels, classes " + classNames();
    }
}
