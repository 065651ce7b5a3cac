/**
 * Data sets for the notebooks: MNIST and Fashion-MNIST read from checksummed IDX files, with subsets,
 * shuffling, train/validation splits, scaling, noise and image grids.
 *
 * <p>{@code ImageSet mnist = Mnist.load(); Dataset train = mnist.train().first(10_000).scaled();}
 *
 * <p>Scaling is always an explicit call: {@link org.dltips.data.ImageSet#train()} gives raw pixels 0..255,
 * {@link org.dltips.data.Dataset#scaled()} divides them by 255 once (a second call is an error), and
 * {@link org.dltips.data.Dataset#withNoise(double, long)} refuses raw pixels, where the lecture's N(0, 1) noise
 * would be 255 times too weak. Where files come from, and how to provide them offline, is described on
 * {@link org.dltips.data.Mnist}; {@link org.dltips.data.Datasets} fetches them ahead of time.
 */
package org.dltips.data;
