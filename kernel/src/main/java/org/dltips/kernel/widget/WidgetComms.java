package org.dltips.kernel.widget;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.comm.CommCloseCommand;
import org.dflib.jjava.jupyter.messages.comm.CommMsgCommand;
import org.dflib.jjava.jupyter.messages.comm.CommOpenCommand;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dltips.kernel.execution.CellEvaluator;
import org.dltips.kernel.execution.CellGuard;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.kernel.internal.KernelLog;
import org.dltips.widgets.internal.WidgetTransport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Jupyter widget protocol (version 2) in the kernel: opens, updates and closes the comms of the library's
 * widgets ({@code org.dltips.widgets}), delivers the front end's changes, clicks and state requests, answers
 * {@code comm_info} and the {@code jupyter.widget.control} comm a reloaded page uses to get every widget back.
 *
 * <p>{@code WidgetComms comms = new WidgetComms(evaluator, streams); comms.attach(connection);}
 */
public final class WidgetComms implements WidgetTransport {

    static final String TARGET = "jupyter.widget";
    static final String CONTROL_TARGET = "jupyter.widget.control";
    static final String PROTOCOL_VERSION = "2.1.0";

    private static final Gson GSON = new Gson();

    private final CellEvaluator evaluator;
    private final CellStreams streams;
    private final CallbackQueue callbacks;
    private final Map<String, Receiver> widgets = new ConcurrentHashMap<>();
    private final Set<String> controlComms = ConcurrentHashMap.newKeySet();

    public WidgetComms(CellEvaluator evaluator, CellStreams streams) {
        this.evaluator = evaluator;
        this.streams = streams;
        this.callbacks = new CallbackQueue(evaluator, streams);
    }

    /** Takes over the comm messages of {@code connection}. */
    public void attach(JupyterConnection connection) {
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, this::onOpen);
        connection.setHandler(MessageType.COMM_MSG_COMMAND, (env, message) ->
                CellGuard.shielded(() -> onMessage(env, message)));
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, this::onClose);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, this::onInfo);
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void open(String id, Map<String, Object> state, Receiver receiver) {
        widgets.put(id, receiver);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", state);
        data.put("buffer_paths", List.of());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("comm_id", id);
        content.put("target_name", TARGET);
        content.put("data", data);
        send(null, MessageType.COMM_OPEN_COMMAND, content);
    }

    @Override
    public void update(String id, Map<String, Object> changes) {
        if (widgets.containsKey(id)) {
            send(null, MessageType.COMM_MSG_COMMAND, commMessage(id, updateOf(changes)));
        }
    }

    @Override
    public void close(String id) {
        if (widgets.remove(id) != null) {
            send(null, MessageType.COMM_CLOSE_COMMAND, commMessage(id, Map.of()));
        }
    }

    @Override
    public void schedule(Object key, Runnable task) {
        callbacks.schedule(key, task);
    }

    /**
     * Captures what the cell thread writes; called from another thread (one a cell started) it just runs
     * {@code body}, whose output goes where that thread's always goes.
     */
    @Override
    public void capture(Capture capture, Runnable body) {
        if (!evaluator.isCellThread(Thread.currentThread())) {
            body.run();
            return;
        }
        Runnable restore = streams.redirect(null, new CapturedOutput(capture));
        try {
            body.run();
        } catch (RuntimeException e) {
            capture.add(CapturedOutput.error(e), null);
        } finally {
            restore.run();
        }
    }

    /** How many widgets are open, for tests. */
    int openWidgets() {
        return widgets.size();
    }

    private void onOpen(ShellReplyEnvironment env, Message<CommOpenCommand> message) {
        env.setBusyDeferIdle();
        CommOpenCommand open = message.getContent();
        String id = open.getCommID();
        if (CONTROL_TARGET.equals(open.getTargetName())) {
            controlComms.add(id);
        } else if (!TARGET.equals(open.getTargetName()) || !widgets.containsKey(id)) {
            // A target or widget this kernel does not have: closing says so to the front end.
            KernelLog.warn("closing a comm the front end opened for " + open.getTargetName() + " " + id);
            send(env, MessageType.COMM_CLOSE_COMMAND, commMessage(id, Map.of()));
        }
    }

    private void onMessage(ShellReplyEnvironment env, Message<CommMsgCommand> message) {
        CommMsgCommand msg = message.getContent();
        String id = msg.getCommID();
        Map<String, Object> data = toMap(msg.getData());
        Object method = data.get("method");
        if (controlComms.contains(id)) {
            env.setBusyDeferIdle();
            if ("request_states".equals(method)) {
                Map<String, Object> states = new LinkedHashMap<>();
                widgets.forEach((wid, receiver) -> states.put(wid, restorable(receiver.state())));
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("method", "update_states");
                reply.put("states", states);
                reply.put("buffer_paths", List.of());
                send(env, MessageType.COMM_MSG_COMMAND, commMessage(id, reply));
            }
            return;
        }
        Receiver receiver = widgets.get(id);
        if (receiver == null) {
            env.setBusyDeferIdle();
            KernelLog.warn("a message for unknown widget " + id + " was ignored");
            return;
        }
        if ("request_state".equals(method)) {
            env.setBusyDeferIdle();
            send(env, MessageType.COMM_MSG_COMMAND, commMessage(id, updateOf(receiver.state())));
        } else if ("update".equals(method) && data.get("state") instanceof Map<?, ?> state) {
            callbacks.dispatch(env, () -> receiver.updated(stringKeys(state)));
        } else if ("custom".equals(method) && data.get("content") instanceof Map<?, ?> content) {
            callbacks.dispatch(env, () -> receiver.custom(stringKeys(content)));
        } else {
            env.setBusyDeferIdle();
        }
    }

    private void onClose(ShellReplyEnvironment env, Message<CommCloseCommand> message) {
        env.setBusyDeferIdle();
        String id = message.getContent().getCommID();
        controlComms.remove(id);
        // A widget stays open: another front end (or a reloaded page) may still show it.
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void onInfo(ShellReplyEnvironment env, Message<CommInfoRequest> message) {
        env.setBusyDeferIdle();
        String wanted = message.getContent() == null ? null : message.getContent().getTargetName();
        Map<String, Object> comms = new LinkedHashMap<>();
        if (wanted == null || wanted.isEmpty() || wanted.equals(TARGET)) {
            widgets.keySet().forEach(id -> comms.put(id, Map.of("target_name", TARGET)));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("comms", comms);
        env.reply(new Message(message, (MessageType) MessageType.COMM_INFO_REPLY, content));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void send(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        Map<String, Object> metadata = Map.of("version", PROTOCOL_VERSION);
        boolean sent = streams.sendProtocol(env, context -> new Message(context, (MessageType) type, content,
                null, metadata));
        if (!sent) {
            KernelLog.warn("a widget message was dropped: no request to answer yet");
        }
    }

    /** One widget as {@code update_states} lists it: its model's name, module and version beside its state. */
    private static Map<String, Object> restorable(Map<String, Object> state) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("model_name", state.get("_model_name"));
        entry.put("model_module", state.get("_model_module"));
        entry.put("model_module_version", state.get("_model_module_version"));
        entry.put("state", state);
        return entry;
    }

    private static Map<String, Object> commMessage(String id, Map<String, Object> data) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("comm_id", id);
        content.put("data", data);
        return content;
    }

    private static Map<String, Object> updateOf(Map<String, Object> state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", "update");
        data.put("state", state);
        data.put("buffer_paths", List.of());
        return data;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            return Map.of();
        }
        return GSON.fromJson(json, Map.class);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
