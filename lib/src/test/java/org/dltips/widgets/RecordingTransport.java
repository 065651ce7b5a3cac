package org.dltips.widgets;

import org.dltips.widgets.internal.WidgetTransport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A transport that records what widgets send, lets a test play the front end, and runs tasks when told. */
final class RecordingTransport implements WidgetTransport {

    final Map<String, Map<String, Object>> opened = new LinkedHashMap<>();
    final Map<String, Receiver> receivers = new LinkedHashMap<>();
    final List<String> updates = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    final Map<Object, Runnable> queued = new LinkedHashMap<>();
    Capture capturing;

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void open(String id, Map<String, Object> state, Receiver receiver) {
        opened.put(id, state);
        receivers.put(id, receiver);
    }

    @Override
    public void update(String id, Map<String, Object> changes) {
        updates.add(id + " " + changes);
    }

    @Override
    public void close(String id) {
        closed.add(id);
    }

    @Override
    public void schedule(Object key, Runnable task) {
        queued.putIfAbsent(key, task);
    }

    /** Runs what was scheduled, the way the kernel's cell thread would; returns how many tasks ran. */
    int runQueued() {
        List<Runnable> tasks = new ArrayList<>(queued.values());
        queued.clear();
        tasks.forEach(Runnable::run);
        return tasks.size();
    }

    @Override
    public void capture(Capture capture, Runnable body) {
        Capture before = capturing;
        capturing = capture;
        try {
            body.run();
        } finally {
            capturing = before;
        }
    }

    /** What the kernel would do with a line printed while capturing. */
    void print(String text) {
        capturing.add(Map.of("output_type", "stream", "name", "stdout", "text", text), null);
    }

    /** The front end moved or changed widget {@code id}. */
    void frontEnd(Widget widget, Map<String, Object> changes) {
        receivers.get(widget.id()).updated(changes);
    }
}
