package org.dltips.kernel.magic;

import org.dltips.kernel.execution.CellFailure;

import java.util.List;

/**
 * The failure a magic reports: one red line in the notebook saying what was wrong and how to fix it.
 *
 * <p>{@code throw MagicError.of("%jars found no file matching lib/*.jar");}
 */
final class MagicError {

    private MagicError() {
    }

    static CellFailure of(String message) {
        return new CellFailure("MagicError", message, List.of("\u001b[31m" + message + "\u001b[0m"));
    }
}
