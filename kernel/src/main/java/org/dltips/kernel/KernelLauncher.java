package org.dltips.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.kernel.internal.Connections;
import org.dltips.kernel.internal.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a kernel on the sockets a Jupyter connection file names, in this JVM; {@link KernelMain} uses it, and so
 * can tests that talk to a kernel over real ZeroMQ sockets.
 *
 * <p>{@code KernelLauncher.Running k = KernelLauncher.launch(Path.of("kernel-1.json")); k.awaitShutdown();}
 */
public final class KernelLauncher {

    /** A started kernel: shut it down with a {@code shutdown_request}, or {@link #close()}. */
    public record Running(DltipsKernel kernel, JupyterConnection connection) implements AutoCloseable {

        /**
         * Blocks until a client's {@code shutdown_request} arrived and the sockets closed, or 3 s after the
         * request when a cell stuck in native code keeps them open.
         */
        public void awaitShutdown() throws InterruptedException {
            kernel.awaitShutdownRequest();
            Thread closing = new Thread(connection::waitUntilClose, "dltips-closing");
            closing.setDaemon(true);
            closing.start();
            closing.join(3000);
        }

        @Override
        public void close() {
            kernel.onShutdown(false);
            connection.close();
        }
    }

    private KernelLauncher() {
    }

    /**
     * Binds the sockets, answers requests at once, and builds JShell and warms ND4J in the background.
     * Replaces {@code System.out} and {@code System.err} so cell output reaches the notebook.
     */
    public static Running launch(Path connectionFile) throws IOException {
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        CellStreams streams = new CellStreams();
        streams.install();
        DltipsKernel kernel = DltipsKernel.builder().streams(streams).build();
        Warmup.sinceStart("kernel built");
        JupyterConnection connection;
        try {
            connection = Connections.open(props, kernel::takeAbortRequest);
        } catch (Exception e) {
            throw new IOException("could not open the sockets in " + connectionFile + ": " + e, e);
        }
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        Warmup.sinceStart("sockets bound");
        kernel.startSession();
        Warmup.startNd4j();
        return new Running(kernel, connection);
    }
}
