package org.dltips.widgets;

import org.dltips.display.Displayable;
import org.dltips.widgets.internal.Transports;
import org.dltips.widgets.internal.WidgetTransport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A control shown in the notebook (a slider, a dropdown, a button) whose value Java code reads and sets while
 * the front end shows it: a Jupyter widget. Introduced in the notebook "Playground".
 *
 * <p>{@code FloatSlider rate = FloatSlider.of("learning rate", 0.001, 1, 0.001, 0.1); rate.onChange(() -> System.out.println(rate.value()));}
 *
 * <p>A widget shows where a cell displays it (end a cell with it, or {@code display(widget)}); several views of
 * one widget stay in step. Outside a notebook it still works, as a plain Java object.
 */
public abstract class Widget implements Displayable {

    static final String CONTROLS = "@jupyter-widgets/controls";
    static final String BASE = "@jupyter-widgets/base";
    static final String WIDGETS_VERSION = "2.0.0";
    /** The MIME type of a widget's view in a notebook output. */
    public static final String VIEW_MIME = "application/vnd.jupyter.widget-view+json";

    private final String id = UUID.randomUUID().toString().replace("-", "");
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final WidgetTransport transport;
    private volatile boolean closed;

    /** Opens the widget with model and view {@code name + "Model"} / {@code name + "View"} of the controls. */
    Widget(String name, Map<String, Object> attributes) {
        this(CONTROLS, name, attributes);
    }

    Widget(String module, String name, Map<String, Object> attributes) {
        state.put("_model_module", module);
        state.put("_model_module_version", module.equals(CONTROLS) ? WIDGETS_VERSION : "1.0.0");
        state.put("_model_name", name + "Model");
        state.put("_view_module", module);
        state.put("_view_module_version", module.equals(CONTROLS) ? WIDGETS_VERSION : "1.0.0");
        state.put("_view_name", name + "View");
        state.put("_dom_classes", List.of());
        state.put("layout", null);
        state.put("tabbable", null);
        state.put("tooltip", null);
        state.putAll(attributes);
        transport = Transports.current();
        transport.open(id, state(), new WidgetTransport.Receiver() {
            @Override
            public void updated(Map<String, Object> changes) {
                receive(changes);
            }

            @Override
            public void custom(Map<String, Object> content) {
                Widget.this.custom(content);
            }

            @Override
            public Map<String, Object> state() {
                return Widget.this.state();
            }
        });
    }

    /** The model id the front end knows this widget by. */
    public final String id() {
        return id;
    }

    /**
     * Runs {@code action} on the cell thread after the student changes this control in the notebook (or Java
     * sets its value); changes that arrive while it waits to run are folded into one run.
     */
    public Widget onChange(Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("onChange needs an action, received null; e.g. slider.onChange(() -> redraw())");
        }
        listeners.add(action);
        return this;
    }

    /** Removes the widget from the notebook; it can no longer be shown. */
    public void close() {
        if (!closed) {
            closed = true;
            transport.close(id);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        if (transport.isConnected() && !closed) {
            bundle.put(VIEW_MIME, "{\"version_major\": 2, \"version_minor\": 0, \"model_id\": \"" + id + "\"}");
        }
        return bundle;
    }

    /** A copy of every attribute the front end knows, by its protocol name. */
    public synchronized Map<String, Object> state() {
        return new LinkedHashMap<>(state);
    }

    /** An attribute by its protocol name, such as {@code "value"}. */
    protected synchronized Object get(String key) {
        return state.get(key);
    }

    /** Sets attributes from Java, tells the front end and, when {@code notify}, the listeners. */
    protected void set(Map<String, Object> changes, boolean notify) {
        synchronized (this) {
            state.putAll(changes);
        }
        if (!closed) {
            transport.update(id, changes);
        }
        if (notify) {
            fire();
        }
    }

    protected void set(String key, Object value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(key, value);
        set(change, key.equals("value") || key.equals("index"));
    }

    /** Changes from the front end: the attributes this widget knows, turned into its Java types. */
    void receive(Map<String, Object> changes) {
        boolean changed = false;
        synchronized (this) {
            for (Map.Entry<String, Object> e : changes.entrySet()) {
                if (state.containsKey(e.getKey()) && !e.getKey().startsWith("_")) {
                    Object value = accept(e.getKey(), e.getValue());
                    changed |= !java.util.Objects.equals(state.put(e.getKey(), value), value);
                }
            }
        }
        if (changed) {
            fire();
        }
    }

    /** Turns a value from the front end (JSON numbers arrive as doubles) into this widget's type. */
    Object accept(String key, Object value) {
        return value;
    }

    /** A message this widget defines itself; ignored unless a subclass knows it. */
    void custom(Map<String, Object> content) {
    }

    void fire() {
        for (Runnable listener : listeners) {
            transport.schedule(listener, listener);
        }
    }

    WidgetTransport transport() {
        return transport;
    }

    /** A reference to another widget in this one's state, as the protocol writes it. */
    static String reference(Widget widget) {
        return "IPY_MODEL_" + widget.id;
    }

    static List<String> references(Widget... widgets) {
        List<String> refs = new ArrayList<>();
        for (Widget w : widgets) {
            if (w == null) {
                throw new IllegalArgumentException("a box got null among its widgets; pass only widgets you created");
            }
            refs.add(reference(w));
        }
        return refs;
    }

    /** A description label wide enough for its text (the default cuts labels at about 80 pixels). */
    static Object wideLabels() {
        return reference(LabelStyle.shared());
    }

    /** The one style that lets descriptions take the width they need. */
    static final class LabelStyle extends Widget {
        private static LabelStyle shared;

        /** The style of the current transport, made once per transport. */
        static synchronized LabelStyle shared() {
            if (shared == null || shared.transport() != Transports.current()) {
                shared = new LabelStyle();
            }
            return shared;
        }

        private LabelStyle() {
            super(CONTROLS, "DescriptionStyle", styleAttributes());
        }

        private static Map<String, Object> styleAttributes() {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("_view_module", BASE);
            a.put("_view_name", "StyleView");
            a.put("description_width", "initial");
            return a;
        }
    }
}
