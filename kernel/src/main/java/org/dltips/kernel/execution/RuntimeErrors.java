package org.dltips.kernel.execution;

import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Formats an exception thrown by cell code: the exception, then only the frames a student wrote or called,
 * with cell line numbers; JShell's and the kernel's own frames are left out, repeated frames folded.
 *
 * <pre>{@code
 * java.lang.ArithmeticException: / by zero
 *     at divide (cell [3], line 2)
 *     at line 1 of this cell
 * }</pre>
 */
final class RuntimeErrors {

    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private RuntimeErrors() {
    }

    /**
     * @param where maps a JShell snippet id ("12") to a place such as "line 3" or "cell [2], line 3";
     *              given the snippet id and the snippet-relative line
     */
    static CellFailure of(JShellException exception, Throwable real, Function<String, Function<Integer, String>> where) {
        if (real instanceof CellInterruptedError) {
            return new CellFailure("Interrupted", real.getMessage(),
                    List.of(RED + "Interrupted: " + real.getMessage() + RESET));
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            String msg = "the cell uses " + unresolved.getSnippet().source().strip().lines().findFirst().orElse("")
                    + " which cannot run until the names it needs are declared";
            return new CellFailure("UnresolvedReference", msg, List.of(RED + msg + RESET));
        }
        List<String> lines = new ArrayList<>();
        String name = "Exception";
        String message = "";
        boolean top = true;
        for (Throwable t = exception; t != null; t = t.getCause()) {
            String className = clean(t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName());
            String msg = t.getMessage() == null ? null : clean(t.getMessage());
            String text = msg == null ? className : className + ": " + msg;
            if (top) {
                name = className.substring(className.lastIndexOf('.') + 1);
                message = msg == null ? "" : msg;
                lines.add(RED + text + RESET);
            } else {
                lines.add("Caused by: " + text);
            }
            lines.addAll(frames(t.getStackTrace(), where));
            top = false;
        }
        if (real instanceof OutOfMemoryError) {
            lines.add("The heap is full. The kernel keeps running and this cell's temporary objects are gone, but "
                    + "variables still hold theirs: set large ones to null, use smaller data, or raise -Xmx in the "
                    + "kernelspec (see the README).");
        }
        return new CellFailure(name, message, lines);
    }

    private static List<String> frames(StackTraceElement[] trace, Function<String, Function<Integer, String>> where) {
        List<String> out = new ArrayList<>();
        String previous = null;
        int repeats = 0;
        for (StackTraceElement e : trace) {
            if (e.getClassName().startsWith("org.dltips.kernel.execution.")) {
                continue;
            }
            if (isInfrastructure(e)) {
                break;
            }
            String line = describe(e, where);
            if (line.equals(previous)) {
                repeats++;
                continue;
            }
            if (repeats > 0) {
                out.add("    ... the line above repeats " + repeats + " more times");
                repeats = 0;
            }
            out.add(line);
            previous = line;
            if (isCellBody(e)) {
                break;
            }
        }
        if (repeats > 0) {
            out.add("    ... the line above repeats " + repeats + " more times");
        }
        return out;
    }

    /** The top level of a cell: JShell's wrapper method, which its traces show without a name. */
    private static boolean isCellBody(StackTraceElement e) {
        String m = e.getMethodName();
        return m.isEmpty() || m.equals("do_it$");
    }

    /** Removes JShell's wrapper class names: {@code REPL.$JShell$14.s} becomes {@code s}. */
    static String clean(String text) {
        return JSHELL_WRAPPER.matcher(text).replaceAll("");
    }

    private static final java.util.regex.Pattern JSHELL_WRAPPER =
            java.util.regex.Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Za-z]?(\\.|\\$|\\b)");

    private static boolean isInfrastructure(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("jdk.internal.reflect.")
                || c.startsWith("java.lang.reflect.") || c.startsWith("org.dltips.kernel.");
    }

    private static String describe(StackTraceElement e, Function<String, Function<Integer, String>> where) {
        String file = e.getFileName();
        if (file != null && file.startsWith("#")) {
            String place = where.apply(file.substring(1)).apply(e.getLineNumber());
            if (isCellBody(e)) {
                return "    at " + place;
            }
            String owner = clean(e.getClassName());
            owner = owner.isEmpty() ? "" : owner + ".";
            return "    at " + owner + e.getMethodName() + " (" + place + ")";
        }
        return "    at " + e;
    }
}
