package org.dltips.kernel.internal;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Opens a jjava {@link JupyterConnection} whose shell and control channels are {@link QuickShellChannel}s and
 * whose IOPub socket is a {@link QueuedIOPub}, and whose stdin channel is a {@link PatientStdin}.
 *
 * <p>{@code JupyterConnection c = Connections.open(props, gate); kernel.becomeHandlerForConnection(c); c.connect();}
 */
public final class Connections {

    private Connections() {
    }

    /**
     * @param abortQueued asked after each request; a value (when the failed reply was sent, in
     *                    {@link System#nanoTime()}) means "answer queued execute requests with aborted"
     */
    public static JupyterConnection open(KernelConnectionProperties props, Supplier<OptionalLong> abortQueued)
            throws Exception {
        JupyterConnection connection = new JupyterConnection(props);
        ZMQ.Context ctx = (ZMQ.Context) field("ctx").get(connection);
        HMACGenerator hmac = props.createHMACGenerator();
        SeenSignatures seen = new SeenSignatures();
        replace(connection, "shell", new QuickShellChannel(ctx, hmac, false, connection, abortQueued, seen));
        replace(connection, "control", new QuickShellChannel(ctx, hmac, true, connection, OptionalLong::empty, seen));
        replace(connection, "iopub", new QueuedIOPub(ctx, hmac));
        replace(connection, "stdin", new PatientStdin(ctx, hmac));
        return connection;
    }

    /** The connection's stdin channel, when {@link #open} made it. */
    public static Optional<PatientStdin> stdin(JupyterConnection connection) {
        try {
            return field("stdin").get(connection) instanceof PatientStdin s ? Optional.of(s)
                    : Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    private static void replace(JupyterConnection connection, String name, JupyterSocket socket) throws Exception {
        Field f = field(name);
        ((JupyterSocket) f.get(connection)).close();
        f.set(connection, socket);
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = JupyterConnection.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
