package org.dltips.kernel.execution;

import jdk.jshell.Diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Formats javac's diagnostics for a cell: cell-relative line numbers and the failing span underlined.
 *
 * <pre>{@code
 * error on line 2: cannot find symbol
 *   symbol:   variable y
 *  2 | int z = y + 1;
 *    |         ^
 * }</pre>
 */
final class CompileErrors {

    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private CompileErrors() {
    }

    /**
     * @param cell       the whole cell text
     * @param pieceStart where the failing snippet starts in the cell
     */
    static CellFailure of(List<Diag> diags, String cell, int pieceStart) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag d : diags) {
            if (!d.isError()) {
                continue;
            }
            int start = clamp(pieceStart + (int) Math.max(0, d.getStartPosition()), cell);
            int end = clamp(pieceStart + (int) Math.max(d.getStartPosition() + 1, d.getEndPosition()), cell);
            int line = lineOf(cell, start);
            String message = cleanMessage(d.getMessage(Locale.ENGLISH));
            if (first == null) {
                first = "line " + line + ": " + message.lines().findFirst().orElse("");
            }
            String[] msgLines = message.split("\n");
            lines.add(RED + "error on line " + line + ": " + msgLines[0] + RESET);
            for (int i = 1; i < msgLines.length; i++) {
                lines.add(msgLines[i]);
            }
            lines.addAll(underline(cell, start, end, line));
        }
        if (first == null) {
            first = "the cell could not be compiled";
            lines.add(first);
        }
        return new CellFailure("CompilationException", first, lines);
    }

    private static List<String> underline(String cell, int start, int end, int line) {
        int lineStart = cell.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start < lineStart) {
            lineStart = start;
        }
        int lineEnd = cell.indexOf('\n', start);
        if (lineEnd < 0) {
            lineEnd = cell.length();
        }
        String text = cell.substring(lineStart, lineEnd);
        String number = String.valueOf(line);
        String gutter = " ".repeat(number.length());
        int from = start - lineStart;
        int width = Math.max(1, Math.min(end, lineEnd) - start);
        String marks = " ".repeat(Math.max(0, from)) + "^".repeat(width);
        return List.of(number + " | " + text, gutter + " | " + RED + marks + RESET);
    }

    /** 1-based line of {@code offset} in {@code text}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String cleanMessage(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n")) {
            if (!line.contains("$JShell$") && !line.trim().equals("location: class")) {
                out.append(out.length() == 0 ? "" : "\n").append(line);
            }
        }
        return out.toString();
    }

    private static int clamp(int offset, String cell) {
        return Math.max(0, Math.min(offset, cell.length()));
    }
}
