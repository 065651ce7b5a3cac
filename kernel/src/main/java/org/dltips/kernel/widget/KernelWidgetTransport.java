package org.dltips.kernel.widget;

import org.dltips.widgets.internal.WidgetTransport;

import java.util.Map;

/**
 * The widget transport the library finds with {@link java.util.ServiceLoader}: the running kernel's
 * {@link WidgetComms}, or, before a kernel is connected, none (widgets then stay plain Java objects).
 *
 * <p>{@code KernelWidgetTransport.install(comms);}
 */
public final class KernelWidgetTransport implements WidgetTransport {

    private static volatile WidgetTransport installed = new Detached();

    /** Makes {@code comms} the transport of every widget created from now on. */
    public static void install(WidgetTransport comms) {
        installed = comms == null ? new Detached() : comms;
    }

    @Override
    public boolean isConnected() {
        return installed.isConnected();
    }

    @Override
    public void open(String id, Map<String, Object> state, Receiver receiver) {
        installed.open(id, state, receiver);
    }

    @Override
    public void update(String id, Map<String, Object> changes) {
        installed.update(id, changes);
    }

    @Override
    public void close(String id) {
        installed.close(id);
    }

    @Override
    public void schedule(Object key, Runnable task) {
        installed.schedule(key, task);
    }

    @Override
    public void capture(Capture capture, Runnable body) {
        installed.capture(capture, body);
    }
}
