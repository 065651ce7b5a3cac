package org.dltips.kernel.execution;

import java.util.List;

/**
 * A cell that did not finish: a compile error, an exception, or a stop. Carries what the notebook shows.
 *
 * <p>{@code throw new CellFailure("ArithmeticException", "/ by zero", traceback);}
 */
public final class CellFailure extends Exception {

    private final String name;
    private final List<String> traceback;

    /**
     * @param name      short error name, such as {@code CompilationException} or {@code Interrupted}
     * @param message   what went wrong, in one line
     * @param traceback the lines the notebook prints
     */
    public CellFailure(String name, String message, List<String> traceback) {
        super(message, null, false, false);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    public String name() {
        return name;
    }

    public List<String> traceback() {
        return traceback;
    }
}
