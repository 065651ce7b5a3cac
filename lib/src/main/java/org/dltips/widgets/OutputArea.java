package org.dltips.widgets;

import org.dltips.widgets.internal.WidgetTransport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An output area among widgets: what Java prints or displays inside {@link #capture} shows here instead of
 * under the cell, even when a slider's callback runs long after the cell finished. Introduced in the notebook
 * "Playground".
 *
 * <p>{@code OutputArea out = OutputArea.create(); out.capture(() -> System.out.println("hello"));}
 */
public final class OutputArea extends Widget implements WidgetTransport.Capture {

    /** At most this many characters of text are kept; older text is dropped first. */
    static final int MAX_TEXT = 200_000;

    private final List<Map<String, Object>> outputs = new ArrayList<>();
    private final List<String> displayIds = new ArrayList<>();
    private boolean stale;

    private OutputArea() {
        super("@jupyter-widgets/output", "Output", Map.of("outputs", List.of(), "msg_id", ""));
    }

    public static OutputArea create() {
        return new OutputArea();
    }

    /**
     * Runs {@code body} with its printed text, displays and errors shown in this area. An exception from
     * {@code body} is shown here as an error, not thrown.
     */
    public void capture(Runnable body) {
        transport().capture(this, body);
    }

    /** Empties the area. */
    public void clear() {
        synchronized (this) {
            stale = false;
            outputs.clear();
            displayIds.clear();
        }
        publish();
    }

    /** The outputs shown, in the notebook's format: {@code output_type} stream, display_data or error. */
    public synchronized List<Map<String, Object>> outputs() {
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> o : outputs) {
            copy.add(new LinkedHashMap<>(o));
        }
        return copy;
    }

    /** The text printed into this area (standard output and error), for checks. */
    public synchronized String text() {
        StringBuilder all = new StringBuilder();
        for (Map<String, Object> o : outputs) {
            if ("stream".equals(o.get("output_type"))) {
                all.append(o.get("text"));
            }
        }
        return all.toString();
    }

    /**
     * Marks what is shown as the previous run's: the first new output replaces it (so a redrawn chart does not
     * flicker through an empty area), and {@link #finishRun()} clears it if nothing new came.
     */
    void startOver() {
        synchronized (this) {
            stale = true;
        }
    }

    void finishRun() {
        boolean empty;
        synchronized (this) {
            empty = stale;
        }
        if (empty) {
            clear();
        }
    }

    @Override
    public void add(Map<String, Object> output, String displayId) {
        synchronized (this) {
            if (stale) {
                stale = false;
                outputs.clear();
                displayIds.clear();
            }
            Map<String, Object> last = outputs.isEmpty() ? null : outputs.get(outputs.size() - 1);
            if (last != null && "stream".equals(output.get("output_type")) && "stream".equals(last.get("output_type"))
                    && last.get("name").equals(output.get("name"))) {
                last.put("text", trim(last.get("text") + String.valueOf(output.get("text"))));
            } else {
                outputs.add(new LinkedHashMap<>(output));
                displayIds.add(displayId);
            }
        }
        publish();
    }

    @Override
    public void replace(String displayId, Map<String, Object> output) {
        boolean found = false;
        synchronized (this) {
            for (int i = 0; i < outputs.size(); i++) {
                if (displayId != null && displayId.equals(displayIds.get(i))) {
                    outputs.set(i, new LinkedHashMap<>(output));
                    found = true;
                }
            }
        }
        if (found) {
            publish();
        }
    }

    private static String trim(String text) {
        return text.length() <= MAX_TEXT ? text : "[earlier output dropped]\n" + text.substring(text.length() - MAX_TEXT);
    }

    private void publish() {
        set(Map.of("outputs", outputs()), false);
    }

    @Override
    public String toString() {
        return "OutputArea(" + outputs().size() + " outputs)";
    }
}
