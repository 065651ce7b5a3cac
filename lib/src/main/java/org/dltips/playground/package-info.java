/**
 * A 2-D playground for optimizers written by hand: surfaces with exact gradients ({@link
 * org.dltips.playground.Surface}), the update-rule interface a student implements ({@link
 * org.dltips.playground.Optimizer2D}), the lecture's optimizers ({@link org.dltips.playground.Optimizers}) and
 * runs that record a path ({@link org.dltips.playground.Playground}).
 *
 * <p>{@code Plots.trajectories(Surface.rosenbrock(), Playground.run(Surface.rosenbrock(), Optimizers.adam(0.01), 1000))}
 */
package org.dltips.playground;
