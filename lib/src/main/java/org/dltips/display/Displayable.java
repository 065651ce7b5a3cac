package org.dltips.display;

import java.util.Map;

/**
 * A value that knows how to show itself in several formats at once, such as a results table that is both
 * HTML for people and JSON for tests.
 *
 * <p>{@code Map.of("text/plain", "3 runs", "text/html", "<table>…</table>", "application/json", "{\"runs\": []}")}
 */
public interface Displayable {

    /**
     * The MIME bundle: MIME type to content. Text types map to the text itself; {@code application/json}
     * maps to JSON text; image types map to base64 without line breaks. Must contain {@code text/plain}.
     */
    Map<String, String> mimeBundle();
}
