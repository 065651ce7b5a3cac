package org.dltips.kernel.execution;

/**
 * What a cell produced: the value of its final expression, if it ended in one.
 *
 * <p>{@code if (result.hasValue()) show(result.value());}
 */
public record CellResult(boolean hasValue, Object value) {

    /** A cell that ended in a statement or declaration. */
    public static final CellResult NONE = new CellResult(false, null);
}
