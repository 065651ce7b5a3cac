package org.dltips.kernel.execution;

/**
 * A quick is-complete answer for the first second after start, while JShell is still being built: a
 * console asks before its first prompt and gives up after one second. Counts brackets outside string and
 * character literals and comments; open brackets mean more lines are needed.
 *
 * <p>{@code BracketBalance.isComplete("for (int i = 0; i < 3; i++) {")} gives four spaces of indent.
 */
public final class BracketBalance {

    private BracketBalance() {
    }

    /** {@code "complete"}, {@code "invalid"} (more closing than opening brackets), or the next line's indent. */
    public static String isComplete(String code) {
        int depth = 0;
        boolean inString = false;
        boolean inChar = false;
        boolean inLineComment = false;
        boolean inBlockComment = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : '\0';
            if (inLineComment) {
                inLineComment = c != '\n';
            } else if (inBlockComment) {
                if (c == '*' && next == '/') {
                    inBlockComment = false;
                    i++;
                }
            } else if (inString || inChar) {
                if (c == '\\') {
                    i++;
                } else if ((inString && c == '"') || (inChar && c == '\'')) {
                    inString = false;
                    inChar = false;
                }
            } else if (c == '/' && next == '/') {
                inLineComment = true;
            } else if (c == '/' && next == '*') {
                inBlockComment = true;
                i++;
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
                if (depth < 0) {
                    return "invalid";
                }
            }
        }
        if (depth > 0 || inBlockComment || inString) {
            return "    ".repeat(Math.max(1, depth));
        }
        return "complete";
    }
}
