package org.dltips.data;

/**
 * Thrown when a data set's files cannot be found anywhere; the message lists every source tried and how to
 * provide the files.
 *
 * <p>{@code try { Mnist.load(); } catch (DataUnavailableException e) { System.out.println(e.getMessage()); }}
 */
public final class DataUnavailableException extends RuntimeException {

    /** Creates the exception with the full, multi-line explanation. */
    public DataUnavailableException(String message) {
        super(message);
    }
}
