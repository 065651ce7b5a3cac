package org.dltips.display;

import java.util.ServiceLoader;

/**
 * Shows values from library code: in a notebook as charts, tables and images, elsewhere as text.
 *
 * <p>{@code Output.show(Plots.learningCurves(history));}
 */
public final class Output {

    private static volatile OutputSink sink;

    private Output() {
    }

    /** Shows {@code value} as a new output; the returned handle redraws it in place. */
    public static LiveDisplay show(Object value) {
        return sink().show(value);
    }

    /** True when running inside a notebook kernel that renders rich output. */
    public static boolean isNotebook() {
        return sink().isNotebook();
    }

    /** The sink in use: the one a kernel registered, or plain text on standard output. */
    public static OutputSink sink() {
        OutputSink current = sink;
        if (current == null) {
            synchronized (Output.class) {
                current = sink;
                if (current == null) {
                    current = ServiceLoader.load(OutputSink.class, Output.class.getClassLoader())
                            .findFirst()
                            .orElseGet(ConsoleSink::new);
                    sink = current;
                }
            }
        }
        return current;
    }

    /** Replaces the sink, for a kernel that starts after this class was loaded, and for tests. */
    public static void setSink(OutputSink replacement) {
        sink = replacement;
    }

    /** Prints text; an update prints the new value on a fresh line. */
    static final class ConsoleSink implements OutputSink {
        @Override
        public boolean isNotebook() {
            return false;
        }

        @Override
        public LiveDisplay show(Object value) {
            System.out.println(value);
            return System.out::println;
        }
    }
}
