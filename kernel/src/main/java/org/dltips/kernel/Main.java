package org.dltips.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dltips.kernel.install.InstallCommand;
import org.dltips.kernel.internal.CellStreams;
import org.dltips.kernel.internal.Connections;
import org.dltips.kernel.internal.KernelLog;
import org.dltips.kernel.internal.Warmup;
import org.dltips.kernel.internal.WarmupRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of the kernel jar: {@code kernel <connection-file>} runs the kernel (Jupyter starts it this
 * way), {@code install} and {@code uninstall} manage the kernelspec.
 *
 * <p>{@code java -jar dltips-kernel.jar install --user}
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "kernel" -> runKernel(rest);
            case "install", "uninstall" -> System.exit(InstallCommand.run(command, rest));
            case "warmup" -> System.exit(WarmupRun.run());
            default -> {
                System.err.println("Unknown command '" + command + "'. Expected one of:\n"
                        + "  kernel <connection-file>     run the kernel (Jupyter does this)\n"
                        + "  install [--user|--sys-prefix|--prefix DIR] [--name NAME]\n"
                        + "  uninstall [--user|--sys-prefix|--prefix DIR] [--name NAME]");
                System.exit(2);
            }
        }
    }

    private static void runKernel(String[] args) throws Exception {
        if (args.length != 1) {
            KernelLog.warn("expected: kernel <connection-file>; received " + args.length + " arguments");
            System.exit(2);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        Warmup.sinceStart("main started");
        CellStreams streams = new CellStreams();
        streams.install();
        DltipsKernel kernel = DltipsKernel.builder().streams(streams).build();
        Warmup.sinceStart("kernel built");
        JupyterConnection connection = Connections.open(props, kernel::takeAbortRequest);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        Warmup.sinceStart("sockets bound");
        kernel.startSession();
        Warmup.startNd4j();
        connection.waitUntilClose();
        KernelLog.warn("kernel shut down");
        System.exit(0);
    }
}
