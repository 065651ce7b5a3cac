/**
 * Interactive controls in the notebook (Jupyter widgets): sliders, a dropdown, a checkbox, a button, text, an
 * output area, rows and columns, and {@link org.dltips.widgets.Interactive} to re-run code when a control
 * changes. Introduced in the notebook "Playground".
 *
 * <p>{@code FloatLogSlider rate = FloatLogSlider.of("learning rate", 1e-3, 1, 0.1); Interactive.of(() -> System.out.println(rate.value()), rate)}
 *
 * <p>Callbacks run on the kernel's cell thread, one at a time and never beside a running cell; the stop
 * button stops them like a cell.
 */
package org.dltips.widgets;
