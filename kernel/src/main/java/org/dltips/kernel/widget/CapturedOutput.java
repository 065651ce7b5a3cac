package org.dltips.kernel.widget;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dltips.kernel.execution.CellGuard;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.widgets.internal.WidgetTransport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the cell thread publishes into the notebook's output format for an output widget: text as
 * {@code stream}, displays as {@code display_data} (updates replace them by display id), errors as {@code error}.
 *
 * <p>{@code streams.redirect(null, new CapturedOutput(outputArea));}
 */
final class CapturedOutput implements CellStreams.Capture {

    private static final Gson GSON = new Gson();
    private static final int TRACE_FRAMES = 8;

    private final WidgetTransport.Capture target;

    CapturedOutput(WidgetTransport.Capture target) {
        this.target = target;
    }

    @Override
    public void accept(ContentType<?> content) {
        CellGuard.shielded(() -> add(content));
    }

    private void add(ContentType<?> content) {
        if (content instanceof PublishStream stream) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("output_type", "stream");
            out.put("name", stream.getStreamType() == PublishStream.StreamType.ERR ? "stderr" : "stdout");
            out.put("text", stream.getText());
            target.add(out, null);
        } else if (content instanceof PublishUpdateDisplayData update) {
            target.replace(update.getDisplayId(), display(update));
        } else if (content instanceof PublishDisplayData display) {
            target.add(display(display), display.hasDisplayId() ? display.getDisplayId() : null);
        } else if (content instanceof PublishError error) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("output_type", "error");
            out.put("ename", error.getErrorName());
            out.put("evalue", error.getErrorMessage());
            out.put("traceback", error.getStacktrace());
            target.add(out, null);
        }
    }

    /** A display's MIME bundle and metadata as a {@code display_data} output. */
    private static Map<String, Object> display(DisplayData data) {
        JsonObject json = GSON.toJsonTree(data).getAsJsonObject();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output_type", "display_data");
        out.put("data", WidgetComms.toMap(json.get("data")));
        out.put("metadata", WidgetComms.toMap(json.get("metadata")));
        return out;
    }

    /** An exception from captured code, as the error output an output area shows. */
    static Map<String, Object> error(Throwable e) {
        List<String> trace = new ArrayList<>();
        trace.add("\u001b[31m" + e.getClass().getSimpleName() + ": " + e.getMessage() + "\u001b[0m");
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(TRACE_FRAMES, frames.length); i++) {
            trace.add("    at " + frames[i]);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("output_type", "error");
        out.put("ename", e.getClass().getSimpleName());
        out.put("evalue", String.valueOf(e.getMessage()));
        out.put("traceback", trace);
        return out;
    }
}
