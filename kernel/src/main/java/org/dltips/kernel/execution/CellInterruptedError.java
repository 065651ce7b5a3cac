package org.dltips.kernel.execution;

/**
 * Thrown inside cell code when the notebook's stop button was pressed. An {@link Error}, so that
 * {@code catch (Exception e)} in a student's loop does not swallow it.
 *
 * <p>{@code throw new CellInterruptedError();}
 */
public final class CellInterruptedError extends Error {

    /** Creates the error with the message the notebook shows. */
    public CellInterruptedError() {
        super("the cell was stopped by an interrupt request (the stop button); "
                + "variables defined before the stop keep their values");
    }
}
