package org.dltips.lesson.internal;

import java.math.BigDecimal;
import java.util.Locale;

/** Number and string formatting shared by the lesson tools: JSON and HTML escaping, short number text. */
public final class Text {

    private Text() {
    }

    /** A number for people: up to 4 significant digits, "NaN" spelled "not measured". */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "not measured";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "infinity" : "-infinity";
        }
        if (value == 0) {
            return "0";
        }
        String text = new BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** A fixed-decimals number for table cells, or an empty cell when not measured. */
    public static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "—";
    }

    /** A JSON number, or {@code null} for NaN and infinities (JSON has no such numbers). */
    public static String jsonNumber(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    /** A JSON string literal with quotes, backslashes and control characters escaped. */
    public static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Text safe to put inside HTML elements and attributes. */
    public static String html(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
