package org.dltips.kernel.internal;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The signatures of the messages this kernel accepted, so that a message sent again (a replay) is refused. Holds
 * the newest {@value #CAPACITY}; older ones are forgotten first. Shared by the shell and control channels.
 *
 * <p>{@code if (!seen.firstTime(signature)) reject("a replayed message");}
 */
final class SeenSignatures {

    static final int CAPACITY = 1 << 16;

    private final LinkedHashSet<String> signatures = new LinkedHashSet<>();

    /** Records {@code signature}; false when it was seen before. */
    synchronized boolean firstTime(String signature) {
        if (!signatures.add(signature)) {
            return false;
        }
        if (signatures.size() > CAPACITY) {
            Iterator<String> oldest = signatures.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
