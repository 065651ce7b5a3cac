package org.dltips.kernel.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Javadoc comment as a reader sees it, in plain text (for terminals and tooltips) and in HTML (for
 * JupyterLab's inspector): inline tags resolved, and the block tags gathered under Parameters, Returns,
 * Throws and See also.
 *
 * <p>{@code JavadocText.parse("Adds.\n@param a first\n@return {@code a + b}").plain()}
 */
record JavadocText(String body, Map<String, List<String>> sections) {

    private static final Pattern INLINE = Pattern.compile(
            "\\{@(code|literal|link|linkplain|value|inheritDoc)\\s*((?:[^{}]|\\{[^{}]*})*)}");
    private static final Pattern BLOCK = Pattern.compile("(?m)^\\s*@(param|return|throws|exception|see|since"
            + "|deprecated|author|version|apiNote|implNote|implSpec)\\b\\s*");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Map<String, String> TITLES = Map.of("param", "Parameters", "return", "Returns",
            "throws", "Throws", "exception", "Throws", "see", "See also", "since", "Since",
            "deprecated", "Deprecated", "apiNote", "API note", "implNote", "Implementation note",
            "implSpec", "Implementation requirements");

    static JavadocText parse(String raw) {
        Matcher m = BLOCK.matcher(raw);
        Map<String, List<String>> sections = new LinkedHashMap<>();
        int bodyEnd = raw.length();
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name == null) {
                bodyEnd = m.start();
            } else {
                add(sections, name, raw.substring(start, m.start()));
            }
            name = m.group(1);
            start = m.end();
        }
        if (name != null) {
            add(sections, name, raw.substring(start));
        }
        return new JavadocText(raw.substring(0, bodyEnd).replaceAll("(?m)^ ", "").strip(), sections);
    }

    private static void add(Map<String, List<String>> sections, String name, String text) {
        String title = TITLES.get(name);
        if (title != null) {
            sections.computeIfAbsent(title, k -> new ArrayList<>()).add(text.strip());
        }
    }

    /** The first sentence, as plain text. */
    String summary() {
        String text = toPlain(body).strip().replaceAll("\\s+", " ");
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }

    String plain() {
        StringBuilder out = new StringBuilder(toPlain(body).strip());
        sections.forEach((title, items) -> {
            out.append("\n\n").append(title).append(':');
            for (String item : items) {
                out.append("\n  ").append(entry(title, toPlain(item).strip().replaceAll("\\s+", " "), " - "));
            }
        });
        return out.toString().strip();
    }

    String html() {
        StringBuilder out = new StringBuilder("<div>").append(inline(body, true)).append("</div>");
        if (!sections.isEmpty()) {
            out.append("<dl>");
            sections.forEach((title, items) -> {
                out.append("<dt><b>").append(title).append("</b></dt>");
                for (String item : items) {
                    out.append("<dd>").append(entry(title, inline(item, true), " &ndash; ")).append("</dd>");
                }
            });
            out.append("</dl>");
        }
        return out.toString();
    }

    /** "name - text" for parameters and exceptions, whose first word is a name. */
    private static String entry(String title, String text, String dash) {
        if (!title.equals("Parameters") && !title.equals("Throws")) {
            return text;
        }
        String[] parts = text.split("\\s+", 2);
        return parts.length < 2 ? text : parts[0] + dash + parts[1];
    }

    private static String toPlain(String html) {
        String text = inline(html, false);
        text = text.replaceAll("(?i)<p>\\s*", "\n\n").replaceAll("(?i)<li>\\s*", "\n- ")
                .replaceAll("(?i)<br\\s*/?>", "\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&quot;", "\"")
                .replace("&#64;", "@").replace("&amp;", "&").replaceAll("(?m)^[ \t]+$", "")
                .replaceAll("\n{3,}", "\n\n");
    }

    /** Inline tags as text ({@code html} false) or as HTML markup. */
    private static String inline(String text, boolean html) {
        return INLINE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(tag(m.group(1), m.group(2), html)));
    }

    private static String tag(String kind, String content, boolean html) {
        switch (kind) {
            case "code":
                return html ? "<code>" + escape(content) + "</code>" : content;
            case "literal":
                return html ? escape(content) : content;
            case "inheritDoc":
                return "";
            default:
                String[] parts = content.strip().split("\\s+(?![^(]*\\))", 2);
                String shown = parts.length > 1 ? parts[1]
                        : parts[0].replaceFirst("^#", "").replace('#', '.');
                return html && !kind.equals("linkplain") ? "<code>" + escape(shown) + "</code>" : shown;
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
