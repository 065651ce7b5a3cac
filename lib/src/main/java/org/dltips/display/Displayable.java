package org.dltips.display;

import java.util.Map;

/**
 * A value that knows how to show itself in several formats at once, such as a results table that is both
 * HTML for people and JSON for tests.
 *
 * <p>{@code Map.of("text/plain", "3 runs", "text/html", "<table>…</table>", Displayable.DATA, "{\"runs\": []}")}
 */
public interface Displayable {

    /**
     * The MIME type of the machine-readable JSON beside the HTML. Not {@code application/json}: JupyterLab
     * would show that one, as a JSON tree, in place of the HTML.
     */
    String DATA = "application/vnd.dltips+json";

    /**
     * The MIME bundle: MIME type to content. Text types map to the text itself; JSON types ({@link #DATA},
     * {@code application/json}) map to JSON text; image types map to base64 without line breaks. Must contain
     * {@code text/plain}.
     */
    Map<String, String> mimeBundle();
}
