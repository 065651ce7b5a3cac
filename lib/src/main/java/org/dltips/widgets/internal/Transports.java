package org.dltips.widgets.internal;

import java.util.ServiceLoader;

/**
 * The transport in use: the one a kernel registered, else {@link WidgetTransport.Detached}.
 *
 * <p>{@code WidgetTransport t = Transports.current();}
 */
public final class Transports {

    private static volatile WidgetTransport current;

    private Transports() {
    }

    public static WidgetTransport current() {
        WidgetTransport t = current;
        if (t == null) {
            synchronized (Transports.class) {
                t = current;
                if (t == null) {
                    t = ServiceLoader.load(WidgetTransport.class, Transports.class.getClassLoader())
                            .findFirst()
                            .orElseGet(WidgetTransport.Detached::new);
                    current = t;
                }
            }
        }
        return t;
    }

    /** Replaces the transport: for tests, and for a kernel that starts after widgets were first used. */
    public static void use(WidgetTransport replacement) {
        current = replacement;
    }
}
