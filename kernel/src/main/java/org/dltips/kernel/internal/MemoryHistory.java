package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of this kernel session, for {@code history_request}. Nothing is kept across restarts.
 *
 * <p>{@code history.add(3, "1 + 2"); history.lookupTail(10, Set.of());}
 */
public final class MemoryHistory implements HistoryManager {

    private static final int SESSION = 1;
    private final List<HistoryEntry> entries = new ArrayList<>();

    public synchronized void add(int cell, String code) {
        entries.add(new HistoryEntry(SESSION, cell, code, null));
    }

    /** Records the plain-text result of cell {@code cell}, for requests that ask for output. */
    public synchronized void setOutput(int cell, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            if (e.getCellNumber() == cell) {
                entries.set(i, new HistoryEntry(e.getSession(), cell, e.getInput(), output));
                return;
            }
        }
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        int n = length <= 0 ? entries.size() : Math.min(length, entries.size());
        return new ArrayList<>(entries.subList(entries.size() - n, entries.size()));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        String regex = ("\\Q" + (glob == null ? "*" : glob) + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (pattern.matcher(e.getInput()).matches()) {
                out.add(e);
            }
        }
        if (flags.contains(ResultFlag.UNIQUE)) {
            java.util.Map<String, HistoryEntry> last = new java.util.LinkedHashMap<>();
            for (HistoryEntry e : out) {
                last.remove(e.getInput());
                last.put(e.getInput(), e);
            }
            out = new ArrayList<>(last.values());
        }
        int n = length <= 0 ? out.size() : Math.min(length, out.size());
        return out.subList(out.size() - n, out.size());
    }
}
