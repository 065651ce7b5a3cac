package org.dltips.widgets.internal;

import java.util.Map;

/**
 * How widgets reach a notebook front end: the Jupyter widget protocol's comm messages, and the thread that runs
 * their callbacks. A kernel registers one with {@link java.util.ServiceLoader}; without a kernel,
 * {@link Detached} keeps widgets working as plain Java objects.
 *
 * <p>{@code transport.open(id, state, receiver); transport.update(id, Map.of("value", 3));}
 */
public interface WidgetTransport {

    /** Messages from the front end about one widget; called on the kernel's message thread. */
    interface Receiver {
        /** The front end changed these attributes (a slider was moved). */
        void updated(Map<String, Object> changes);

        /** A message the widget defines itself, such as a button's click. */
        void custom(Map<String, Object> content);

        /** The widget's full state, for a front end that asks for it again (a reloaded page). */
        Map<String, Object> state();
    }

    /** Where output goes while {@link #capture} runs: an output widget. */
    interface Capture {
        /** A new output in the notebook format ({@code output_type} stream, display_data or error). */
        void add(Map<String, Object> output, String displayId);

        /** Replaces the output shown under {@code displayId}, if this capture has it. */
        void replace(String displayId, Map<String, Object> output);
    }

    /** True when a front end may show widgets; false outside a kernel. */
    boolean isConnected();

    /** Opens the comm of a new widget with its whole state. */
    void open(String id, Map<String, Object> state, Receiver receiver);

    /** Sends changed attributes of an open widget. */
    void update(String id, Map<String, Object> changes);

    /** Closes a widget's comm; the front end removes its views. */
    void close(String id);

    /**
     * Runs {@code task} on the thread that runs cells: at once when called there, otherwise after the running
     * cell or callback. A task asked for again under the same {@code key} before it starts runs once.
     */
    void schedule(Object key, Runnable task);

    /** Runs {@code body} with what the cell thread prints and displays going to {@code capture}. */
    void capture(Capture capture, Runnable body);

    /** Outside a kernel: nothing to send, and tasks run at once on the calling thread. */
    final class Detached implements WidgetTransport {
        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public void open(String id, Map<String, Object> state, Receiver receiver) {
        }

        @Override
        public void update(String id, Map<String, Object> changes) {
        }

        @Override
        public void close(String id) {
        }

        @Override
        public void schedule(Object key, Runnable task) {
            task.run();
        }

        @Override
        public void capture(Capture capture, Runnable body) {
            body.run();
        }
    }
}
