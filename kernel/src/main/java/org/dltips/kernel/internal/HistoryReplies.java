package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers {@code history_request} in the protocol's shape: a list of {@code [session, line, input]}.
 *
 * <p>{@code HistoryReplies.reply(env, message, history);}
 */
public final class HistoryReplies {

    private HistoryReplies() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void reply(ShellReplyEnvironment env, Message<HistoryRequest> message, MemoryHistory history) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Range range) {
            entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), Set.of());
        } else if (request instanceof HistoryRequest.Search search) {
            Set<HistoryManager.ResultFlag> flags = search.filterUnique()
                    ? Set.of(HistoryManager.ResultFlag.UNIQUE) : Set.of();
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Tail tail) {
            entries = history.lookupTail(tail.getMaxReturnLength(), Set.of());
        } else {
            entries = history.lookupTail(0, Set.of());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryEntry e : entries) {
            Object input = request.includeOutput() ? java.util.Arrays.asList(e.getInput(), e.getOutput()) : e.getInput();
            rows.add(List.of(e.getSession(), e.getCellNumber(), input));
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("history", rows);
        env.reply(new Message(message, (MessageType) MessageType.HISTORY_REPLY, content));
    }
}
