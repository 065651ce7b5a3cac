package org.dltips.kernel.display;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.kernel.internal.KernelLog;

import java.util.UUID;

/**
 * The kernel's {@link Display.Publisher}: renders a value and sends {@code display_data} or
 * {@code update_display_data} to the cell that is running (or ran last), after the text written before it.
 *
 * <p>{@code Display.setPublisher(new CellPublisher(renderer, streams));}
 */
public final class CellPublisher implements Display.Publisher {

    private final Renderer renderer;
    private final CellStreams streams;

    public CellPublisher(Renderer renderer, CellStreams streams) {
        this.renderer = renderer;
        this.streams = streams;
    }

    /** Renders {@code value} with every MIME type the renderers offer; {@code null} shows as "null". */
    public DisplayData render(Object value) {
        if (value == null) {
            return new DisplayData("null");
        }
        try {
            return renderer.render(value);
        } catch (RuntimeException | LinkageError e) {
            KernelLog.warn("rendering " + value.getClass().getName() + " failed: " + e);
            DisplayData fallback = new DisplayData(String.valueOf(value));
            return fallback;
        }
    }

    @Override
    public String display(Object value) {
        String id = UUID.randomUUID().toString();
        DisplayData data = new DisplayData(render(value));
        data.setDisplayId(id);
        streams.publish(new PublishDisplayData(data));
        return id;
    }

    @Override
    public String display(Object value, String... mimeTypes) {
        if (mimeTypes.length == 0) {
            return display(value);
        }
        String id = UUID.randomUUID().toString();
        DisplayData data;
        try {
            data = new DisplayData(renderer.renderAs(value, mimeTypes));
        } catch (RuntimeException | LinkageError e) {
            KernelLog.warn("rendering " + value + " as " + String.join(", ", mimeTypes) + " failed: " + e);
            data = new DisplayData(String.valueOf(value));
        }
        data.setDisplayId(id);
        streams.publish(new PublishDisplayData(data));
        return id;
    }

    /** Publishes a MIME bundle made elsewhere (a magic's HTML, say) as a display of the running cell. */
    public void show(DisplayData data) {
        DisplayData copy = new DisplayData(data);
        copy.setDisplayId(UUID.randomUUID().toString());
        streams.publish(new PublishDisplayData(copy));
    }

    @Override
    public void update(String id, Object value) {
        DisplayData data = new DisplayData(render(value));
        data.setDisplayId(id);
        streams.publish(new PublishUpdateDisplayData(data));
    }
}
