package org.dltips.kernel.execution;

/**
 * What {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} become inside a cell: ending the
 * Java process would kill the notebook kernel and every variable in it.
 *
 * <p>{@code System.exit(0); // in a cell: throws KernelExitException}
 */
public final class KernelExitException extends RuntimeException {

    /** @param call the call that was made, such as {@code System.exit(0)} */
    public KernelExitException(String call) {
        super(call + " was called in a cell; the kernel does not exit from cell code, because that would "
                + "lose every variable. To end the cell, return or throw an exception; to start over, "
                + "use Kernel > Restart.");
    }
}
