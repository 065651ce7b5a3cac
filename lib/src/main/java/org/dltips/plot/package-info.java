/**
 * Charts for the notebooks: learning curves, comparisons of runs, train-vs-test bars, gradient magnitude per
 * layer, activation functions, image grids, confusion matrices and optimizer paths.
 *
 * <p>{@code Plots.learningCurves("ReLU", history.epochs())}
 *
 * <p>Start at {@link org.dltips.plot.Plots}; {@code org.dltips.plot.internal} holds the drawing code and is not
 * part of the public API.
 */
package org.dltips.plot;
