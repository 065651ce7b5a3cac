package org.dltips.kernel.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a snippet of Java mentions, and the names it declares, read from its tokens (comments, string,
 * character and text-block literals skipped). Both err on the side of more names: they decide which import
 * lines a compile keeps ({@link ImportPruning}).
 *
 * <p>{@code JavaNames.declared("List<String> names = load(a, b);")} is {@code [names]}.
 */
final class JavaNames {

    private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
            "abstract", "default", "strictfp", "transient", "volatile", "native", "sealed", "non");
    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("return", "throw", "new", "assert", "break",
            "continue", "yield", "else", "do", "case", "import", "package");

    private JavaNames() {
    }

    /** True for an import statement, which can change what any other snippet's names mean. */
    static boolean isImport(String source) {
        List<Token> t = tokens(source);
        return !t.isEmpty() && t.get(0).text().equals("import");
    }

    /** Every identifier in {@code source}, keywords included. */
    static Set<String> mentioned(String source) {
        Set<String> names = new HashSet<>();
        for (Token t : tokens(source)) {
            if (t.identifier()) {
                names.add(t.text());
            }
        }
        return names;
    }

    /**
     * The top-level names {@code source} declares when it is a declaration (a variable, a method or a type);
     * empty for a statement or an expression.
     */
    static Set<String> declared(String source) {
        List<Token> top = new ArrayList<>();
        for (Token t : tokens(source)) {
            if (t.depth() == 0) {
                top.add(t);
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 1 < top.size(); i++) {
            if (TYPE_KEYWORDS.contains(top.get(i).text()) && top.get(i + 1).identifier()) {
                names.add(top.get(i + 1).text());
            }
        }
        if (!names.isEmpty() || !startsWithType(top)) {
            return names;
        }
        boolean initializer = false;
        int angles = 0;
        for (int i = 0; i < top.size(); i++) {
            String t = top.get(i).text();
            if (t.equals("=")) {
                initializer = true;
            } else if (t.equals(",") && initializer || t.equals(";")) {
                initializer = false;
            } else if (!initializer && t.equals("<")) {
                angles++;
            } else if (!initializer && t.equals(">")) {
                angles = Math.max(0, angles - 1);
            } else if (!initializer && angles == 0 && top.get(i).identifier() && namesDeclarator(top, i + 1)
                    && (i == 0 || !top.get(i - 1).text().equals("@") && !top.get(i - 1).text().equals("."))) {
                names.add(t);
            }
        }
        return names;
    }

    /** True when the token at {@code i} (after a name) shows the name is declared: {@code = , ; ( [] } or the end. */
    private static boolean namesDeclarator(List<Token> top, int i) {
        if (i >= top.size()) {
            return true;
        }
        String t = top.get(i).text();
        if (t.equals("[")) {
            return i + 1 < top.size() && top.get(i + 1).text().equals("]")
                    && (i + 2 >= top.size() || !top.get(i + 2).identifier());
        }
        return t.equals("=") || t.equals(",") || t.equals(";") || t.equals("(");
    }

    /** Annotations and modifiers, then a type followed by a name (or a type parameter list): a declaration. */
    private static boolean startsWithType(List<Token> top) {
        int i = 0;
        while (i < top.size()) {
            String t = top.get(i).text();
            if (t.equals("@") && i + 1 < top.size()) {
                i += 2;
                while (i + 1 < top.size() && top.get(i).text().equals(".")) {
                    i += 2;
                }
                if (i + 1 < top.size() && top.get(i).text().equals("(") && top.get(i + 1).text().equals(")")) {
                    i += 2;
                }
            } else if (MODIFIERS.contains(t) || t.equals("-") && i > 0 && top.get(i - 1).text().equals("non")) {
                i++;
            } else {
                break;
            }
        }
        if (i >= top.size()) {
            return false;
        }
        if (top.get(i).text().equals("<")) {
            return true;
        }
        if (!top.get(i).identifier() || STATEMENT_KEYWORDS.contains(top.get(i).text())) {
            return false;
        }
        i++;
        while (i + 1 < top.size() && top.get(i).text().equals(".") && top.get(i + 1).identifier()) {
            i += 2;
        }
        if (i < top.size() && top.get(i).text().equals("<")) {
            int open = 0;
            do {
                String t = top.get(i).text();
                open += t.equals("<") ? 1 : t.equals(">") ? -1 : 0;
                i++;
            } while (i < top.size() && open > 0);
        }
        while (i + 1 < top.size() && top.get(i).text().equals("[") && top.get(i + 1).text().equals("]")) {
            i += 2;
        }
        return i < top.size() && top.get(i).identifier();
    }

    /** One token: an identifier or keyword, or one character of punctuation; {@code depth} counts open brackets. */
    record Token(String text, boolean identifier, int depth) {
    }

    static List<Token> tokens(String s) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (c == '/' && next == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? s.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(s.substring(start, i), true, depth));
            } else if (Character.isDigit(c)) {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || s.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                }
                boolean doubled = (c == '=' || c == '-' || c == '+' || c == '&' || c == '|' || c == ':') && next == c
                        || (c == '!' || c == '<' || c == '>') && next == '=' || c == '-' && next == '>';
                tokens.add(new Token(doubled ? s.substring(i, i + 2) : String.valueOf(c), false, depth));
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                }
                i += doubled ? 2 : 1;
            }
        }
        return tokens;
    }
}
