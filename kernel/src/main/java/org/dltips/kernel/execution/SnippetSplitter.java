package org.dltips.kernel.execution;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a cell into the snippets JShell evaluates one at a time, remembering where each starts in the cell.
 *
 * <p>{@code splitter.split("int x = 1; x + 1")  // [Piece("int x = 1;", 0), Piece("x + 1", 11)]}
 */
final class SnippetSplitter {

    /**
     * One snippet: its source as JShell wants it, where that source starts in the cell (so JShell's positions
     * map back to the cell), and whether it is complete.
     */
    record Piece(String source, int start, Completeness completeness) {

        /** Offset in the cell of the snippet's first non-blank character. */
        int firstCode() {
            return start + leadingSpace(source);
        }

        boolean incomplete() {
            return completeness == Completeness.DEFINITELY_INCOMPLETE
                    || completeness == Completeness.CONSIDERED_INCOMPLETE;
        }
    }

    private final SourceCodeAnalysis analysis;

    SnippetSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<Piece> split(String cell) {
        List<Piece> pieces = new ArrayList<>();
        String remaining = cell;
        while (!remaining.isBlank()) {
            int consumed = cell.length() - remaining.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) {
                break;
            }
            if (!c.isComplete()) {
                pieces.add(new Piece(remaining, consumed, c));
                break;
            }
            // JShell may or may not keep the snippet's leading blanks in source(); align on the first code.
            String source = info.source();
            int start = consumed + leadingSpace(remaining) - leadingSpace(source);
            pieces.add(new Piece(source, start, c));
            remaining = info.remaining();
        }
        return pieces;
    }

    /** The text of the snippet that contains the end of {@code prefix}, and where it starts. */
    Piece current(String prefix) {
        String remaining = prefix;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String rest = info.remaining();
            if (!info.completeness().isComplete() || rest == null || rest.isBlank()
                    || rest.length() >= remaining.length()) {
                return new Piece(remaining, prefix.length() - remaining.length(), info.completeness());
            }
            remaining = rest;
        }
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
