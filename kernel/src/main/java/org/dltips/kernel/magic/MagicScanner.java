package org.dltips.kernel.magic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the magics in a cell without mistaking Java for them. A cell magic is a first line {@code %%name args};
 * a line magic is a line {@code %name args} that starts where a new Java statement could start: outside strings,
 * text blocks, comments and brackets, after a {@code ;} or {@code }} or at the top of the cell. So
 * {@code a\n% b}, {@code String.format("%d")} and a {@code %} inside a text block stay Java.
 *
 * <p>{@code MagicScanner.scan("int x = 1;\n%time x + 1")  // [Java "int x = 1;" at line 1, Line time "x + 1" at 2]}
 */
public final class MagicScanner {

    /** A stretch of a cell: Java code, a line magic, or the cell magic that owns the whole cell. */
    public sealed interface Part permits Java, Line, Cell {
        /** The cell line (from 1) the part starts on. */
        int line();
    }

    /** Java source, exactly as written in the cell. */
    public record Java(String code, int line) implements Part {
    }

    /** {@code %name args} on one line. */
    public record Line(String name, String args, int line) implements Part {
    }

    /** {@code %%name args} on the first line, with the rest of the cell as its body. */
    public record Cell(String name, String args, String body, int line) implements Part {
    }

    private static final Pattern CELL_MAGIC = Pattern.compile("\\A(\\s*)%%([A-Za-z_][\\w.-]*)([^\\n]*)(?:\\n|\\z)");
    private static final Pattern LINE_MAGIC = Pattern.compile("%(%?)([A-Za-z_][\\w.-]*)(.*)");

    private MagicScanner() {
    }

    /** The parts of {@code cell} in order; a cell without magics is one {@link Java} part. */
    public static List<Part> scan(String cell) {
        Matcher m = CELL_MAGIC.matcher(cell);
        if (m.find()) {
            int line = 1 + count(m.group(1), '\n');
            return List.of(new Cell(m.group(2), m.group(3).strip(), cell.substring(m.end()), line));
        }
        List<Part> parts = new ArrayList<>();
        Lexer lexer = new Lexer();
        int javaStart = 0;
        int javaLine = 1;
        int line = 1;
        int at = 0;
        while (at <= cell.length()) {
            int end = cell.indexOf('\n', at);
            if (end < 0) {
                end = cell.length();
            }
            String text = cell.substring(at, end);
            Matcher magic = LINE_MAGIC.matcher(text.stripLeading());
            if (lexer.atStatementStart() && magic.matches()) {
                if (at > javaStart) {
                    parts.add(new Java(cell.substring(javaStart, at), javaLine));
                }
                String name = (magic.group(1).isEmpty() ? "" : "%") + magic.group(2);
                parts.add(new Line(name, magic.group(3).strip(), line));
                javaStart = Math.min(end + 1, cell.length());
                javaLine = line + 1;
            } else {
                lexer.feed(text);
                lexer.feed("\n");
            }
            at = end + 1;
            line++;
        }
        if (javaStart < cell.length() || parts.isEmpty()) {
            String rest = cell.substring(Math.min(javaStart, cell.length()));
            if (!rest.isBlank() || parts.isEmpty()) {
                parts.add(new Java(rest, javaLine));
            }
        }
        return parts;
    }

    /** The parts of a cell that holds a magic; empty for plain Java, which then takes the usual path unchanged. */
    public static List<Part> magicParts(String cell) {
        if (cell.indexOf('%') < 0) {
            return List.of();
        }
        List<Part> parts = scan(cell);
        return parts.size() == 1 && parts.get(0) instanceof Java ? List.of() : parts;
    }

    /** True when {@code cell} holds any magic. */
    public static boolean hasMagic(String cell) {
        return !magicParts(cell).isEmpty();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Just enough of Java's lexical structure to know whether a new statement may start here. */
    private static final class Lexer {
        private enum State { CODE, LINE_COMMENT, BLOCK_COMMENT, STRING, CHAR, TEXT_BLOCK }

        private State state = State.CODE;
        private int depth;
        private char lastCode;  // the last character of code outside comments, 0 at the start

        boolean atStatementStart() {
            return state == State.CODE && depth == 0 && (lastCode == 0 || lastCode == ';' || lastCode == '}');
        }

        void feed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                switch (state) {
                    case LINE_COMMENT -> {
                        if (c == '\n') {
                            state = State.CODE;
                        }
                    }
                    case BLOCK_COMMENT -> {
                        if (c == '*' && next == '/') {
                            state = State.CODE;
                            i++;
                        }
                    }
                    case STRING, CHAR -> {
                        if (c == '\\') {
                            i++;
                        } else if (c == (state == State.STRING ? '"' : '\'') || c == '\n') {
                            state = State.CODE;
                            lastCode = c;
                        }
                    }
                    case TEXT_BLOCK -> {
                        if (c == '\\') {
                            i++;
                        } else if (text.startsWith("\"\"\"", i)) {
                            state = State.CODE;
                            lastCode = '"';
                            i += 2;
                        }
                    }
                    case CODE -> i = code(text, i, c, next);
                }
            }
        }

        private int code(String text, int i, char c, char next) {
            if (c == '/' && next == '/') {
                state = State.LINE_COMMENT;
                return i + 1;
            }
            if (c == '/' && next == '*') {
                state = State.BLOCK_COMMENT;
                return i + 1;
            }
            if (text.startsWith("\"\"\"", i)) {
                state = State.TEXT_BLOCK;
                return i + 2;
            }
            if (c == '"') {
                state = State.STRING;
            } else if (c == '\'') {
                state = State.CHAR;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
            if (!Character.isWhitespace(c)) {
                lastCode = c;
            }
            return i;
        }
    }
}
