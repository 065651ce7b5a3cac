package org.dltips.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;

/**
 * Shows Tablesaw tables as an HTML table with a plain-text fallback; long tables show their first rows and
 * a note saying how many were left out.
 *
 * <p>{@code TableRenderer.register(renderer);}
 */
final class TableRenderer {

    static final int MAX_ROWS = 50;

    private TableRenderer() {
    }

    static void register(Renderer renderer) {
        renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML)
                .register((table, ctx) -> {
                    ctx.getOutputContainer().putHTML(html(table));
                    ctx.getOutputContainer().putText(text(table));
                });
    }

    static String html(Table table) {
        StringBuilder out = new StringBuilder("<table class=\"dltips-table\">\n<thead><tr>");
        for (String name : table.columnNames()) {
            out.append("<th>").append(escape(name)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(table.rowCount(), MAX_ROWS);
        for (int r = 0; r < shown; r++) {
            out.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                out.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        String caption = caption(table);
        if (!caption.isEmpty()) {
            out.append("<p><em>").append(escape(caption)).append("</em></p>\n");
        }
        return out.toString();
    }

    static String text(Table table) {
        String body = table.rowCount() > MAX_ROWS ? table.first(MAX_ROWS).print() : table.print();
        String caption = caption(table);
        return caption.isEmpty() ? body : body + "\n" + caption;
    }

    private static String caption(Table table) {
        int hidden = table.rowCount() - MAX_ROWS;
        return hidden > 0 ? "first " + MAX_ROWS + " of " + table.rowCount() + " rows shown (" + hidden
                + " more); use table.print(n) or table.where(...) to see others" : "";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
