package org.dltips.display;

/**
 * Where library code sends rich output. A notebook kernel registers an implementation with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.dltips.display.OutputSink}); without one,
 * {@link Output} falls back to printing text on standard output.
 *
 * <p>The library never depends on a kernel: the kernel depends on the library and plugs in here.
 */
public interface OutputSink {

    /** True when output goes to a notebook that can show images and redraw an output in place. */
    boolean isNotebook();

    /** Shows {@code value} as a new output and returns a handle that redraws it in place. */
    LiveDisplay show(Object value);
}
