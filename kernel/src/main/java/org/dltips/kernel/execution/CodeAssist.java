package org.dltips.kernel.execution;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion, documentation lookup and the is-complete check for the notebook, from JShell's source analysis.
 *
 * <p>{@code assist.complete("Math.ab", 7)  // Completions(["abs("], 5, 7)}
 */
public final class CodeAssist {

    /** Candidate texts replacing {@code code[start, end)}. */
    public record Completions(List<String> matches, int start, int end) {
    }

    private final SourceCodeAnalysis analysis;
    private final SnippetSplitter splitter;

    CodeAssist(JShell jshell, SnippetSplitter splitter) {
        this.analysis = jshell.sourceCodeAnalysis();
        this.splitter = splitter;
    }

    /** Completions at {@code cursor} in a cell that may hold several statements. */
    public synchronized Completions complete(String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        SnippetSplitter.Piece piece = splitter.current(code.substring(0, at));
        String text = piece.source() + code.substring(at);
        int local = at - piece.start();
        int[] anchor = new int[1];
        Set<String> matches = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(text, local, anchor)) {
            matches.add(s.continuation());
        }
        return new Completions(new ArrayList<>(matches), piece.start() + anchor[0], at);
    }

    /** Signature and Javadoc (where available) of what is at {@code cursor}, or an empty string. */
    public synchronized String documentation(String code, int cursor, boolean detailed) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        // Include the name the cursor sits in, up to its end, so "Math.ab|s(" documents abs.
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        // JShell documents the invocation whose parentheses the cursor is in, so look at "name(" first.
        String prefix = code.substring(0, end);
        List<SourceCodeAnalysis.Documentation> docs = lookup(prefix + "(");
        if (docs.isEmpty()) {
            docs = lookup(prefix);
        }
        StringBuilder out = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(d.signature());
            String javadoc = d.javadoc() == null ? null : plainJavadoc(d.javadoc());
            if (detailed && javadoc != null && !javadoc.isBlank()) {
                out.append("\n\n").append(javadoc.strip());
            } else if (javadoc != null && !javadoc.isBlank()) {
                out.append("\n").append(javadoc.strip().lines().findFirst().orElse(""));
            }
        }
        return out.toString();
    }

    private static final Pattern CODE = Pattern.compile("\\{@(?:code|literal)\\s+([^}]*)}");
    private static final Pattern LINK = Pattern.compile("\\{@link(?:plain)?\\s+([^}\\s]+)(?:\\s+([^}]*))?}");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    /** Javadoc as a reader sees it: inline tags and HTML markup turned into plain text. */
    static String plainJavadoc(String javadoc) {
        String text = CODE.matcher(javadoc).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2) != null ? m.group(2)
                : m.group(1).replaceFirst("^#", "").replace('#', '.')));
        text = text.replaceAll("(?i)<p>\\s*", "\n\n").replaceAll("(?i)<li>\\s*", "\n- ");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\n{3,}", "\n\n");
    }

    private List<SourceCodeAnalysis.Documentation> lookup(String prefix) {
        JavadocSources.install(ClassPaths.expanded(System.getProperty("java.class.path")));
        SnippetSplitter.Piece piece = splitter.current(prefix);
        return analysis.documentation(piece.source(), piece.source().length(), true);
    }

    /**
     * The Jupyter is-complete answer: {@code "complete"}, {@code "invalid"}, or, for code that needs more
     * lines, the indent of the next line.
     */
    public synchronized String isComplete(String code) {
        String remaining = code;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return "    ".repeat(Math.max(1, openBraces(code)));
            }
            if (c == Completeness.UNKNOWN) {
                return "invalid";
            }
            String rest = info.remaining();
            if (c == Completeness.EMPTY || rest == null || rest.isBlank() || rest.length() >= remaining.length()) {
                return "complete";
            }
            remaining = rest;
        }
    }

    void warmUp() {
        complete("Math.ma", 7);
        isComplete("int x = 1;");
    }

    private static int openBraces(String code) {
        int depth = 0;
        for (char c : code.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return depth;
    }
}
