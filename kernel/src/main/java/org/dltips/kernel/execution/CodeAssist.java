package org.dltips.kernel.execution;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /** Contextual help, the same in plain text and in HTML; both empty when nothing was found. */
    public record Help(String plain, String html) {
        public boolean isEmpty() {
            return plain.isEmpty();
        }
    }

    /**
     * Signature and Javadoc of what is at {@code cursor} (where the sources are there; otherwise what is missing),
     * and with {@code detailed} the source of its declaration too.
     */
    public synchronized Help documentation(String code, int cursor, boolean detailed) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        // Include the name the cursor sits in, up to its end, so "Math.ab|s(" documents abs.
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        String prefix = code.substring(0, end);
        List<SourceCodeAnalysis.Documentation> docs = List.of();
        if (end < code.length() && code.charAt(end) == '(') {
            // With the arguments typed so far, JShell keeps only the overloads that apply.
            docs = lookup(code.substring(0, closingParen(code, end)));
        }
        if (docs.isEmpty()) {
            docs = lookup(prefix + "(");
        }
        if (docs.isEmpty()) {
            docs = lookup(prefix);
        }
        if (docs.isEmpty()) {
            return new Help("", "");
        }
        StringBuilder plain = new StringBuilder();
        StringBuilder html = new StringBuilder();
        boolean anyJavadoc = false;
        for (SourceCodeAnalysis.Documentation d : docs) {
            JavadocText javadoc = d.javadoc() == null || d.javadoc().isBlank() ? null : JavadocText.parse(d.javadoc());
            anyJavadoc |= javadoc != null;
            plain.append(plain.length() > 0 ? "\n\n" : "").append(d.signature());
            html.append(html.length() > 0 ? "<hr>" : "").append("<pre><code>")
                    .append(JavadocText.escape(d.signature())).append("</code></pre>");
            if (javadoc != null) {
                plain.append("\n").append(javadoc.plain().indent(4).stripTrailing());
                html.append(javadoc.html());
            }
        }
        if (!anyJavadoc) {
            String missing = "No Javadoc: the sources of this class are not installed (for the JDK's own classes,"
                    + " install the JDK's sources, e.g. the openjdk-17-source package).";
            plain.append("\n\n").append(missing);
            html.append("<p><i>").append(missing).append("</i></p>");
        }
        if (detailed) {
            List<String> declarations = declarations(code, end, docs);
            if (!declarations.isEmpty()) {
                plain.append("\n\nDeclaration:\n").append(String.join("\n\n", declarations).indent(4)
                        .stripTrailing());
                html.append("<p><b>Declaration</b></p><pre><code>")
                        .append(JavadocText.escape(String.join("\n\n", declarations))).append("</code></pre>");
            }
        }
        return new Help(plain.toString(), html.toString());
    }

    /** The sources of the declarations shown, when the type can be named and its sources are there. */
    private List<String> declarations(String code, int end, List<SourceCodeAnalysis.Documentation> docs) {
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        String member = code.substring(start, end);
        if (member.isEmpty()) {
            return List.of();
        }
        int q = start - 1;
        String type;
        if (q >= 0 && code.charAt(q) == '.') {
            int from = q;
            while (from > 0 && (Character.isJavaIdentifierPart(code.charAt(from - 1)) || code.charAt(from - 1) == '.')) {
                from--;
            }
            type = typeOf(code.substring(from, q));
        } else {
            type = typeOf(member);
        }
        if (type == null) {
            return List.of();
        }
        Set<Integer> arities = new HashSet<>();
        boolean isType = type.equals(member) || type.endsWith("." + member);
        if (!isType) {
            docs.forEach(d -> arities.add(arity(d.signature())));
        }
        List<Path> roots = JavadocSources.install(ClassPaths.kernel());
        return Declarations.find(roots, type, member, isType ? Set.of() : arities);
    }

    /** The qualified name of a type name, or of the type of an expression; null when neither. */
    private String typeOf(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String type = analysis.analyzeType(text, text.length());
        String name = type == null || type.isBlank() ? text : type.replaceAll("<.*", "");
        // JShell documents a type by its qualified name: "org.dltips.model.Network".
        for (SourceCodeAnalysis.Documentation d : analysis.documentation(name, name.length(), false)) {
            String signature = d.signature().replaceAll("<.*", "");
            if (QUALIFIED.matcher(signature).matches() && signature.endsWith(name)) {
                return signature;
            }
        }
        return null;
    }

    private static final Pattern QUALIFIED = Pattern.compile("[\\w$]+(\\.[\\w$]+)*");

    /** Number of parameters in a signature such as {@code int Math.max(int a, int b)}. */
    static int arity(String signature) {
        int open = signature.indexOf('(');
        int close = signature.lastIndexOf(')');
        if (open < 0 || close <= open + 1) {
            return 0;
        }
        int depth = 0;
        int count = 1;
        for (char c : signature.substring(open + 1, close).toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                count++;
            }
        }
        return count;
    }

    /** Index of the parenthesis closing the one at {@code open}, or the end of the code. */
    private static int closingParen(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    private List<SourceCodeAnalysis.Documentation> lookup(String prefix) {
        JavadocSources.install(ClassPaths.kernel());
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
