package org.dltips.kernel.internal;

/**
 * A cell read {@code System.in} where no one can type: the front end ran it without keyboard input (nbclient,
 * nbconvert and papermill do), or no cell is running. Unchecked, so that {@code Scanner} passes it on instead
 * of turning it into "No line found".
 *
 * <p>{@code throw new NoKeyboardInputException("...");}
 */
public final class NoKeyboardInputException extends IllegalStateException {

    public NoKeyboardInputException(String message) {
        super(message);
    }
}
