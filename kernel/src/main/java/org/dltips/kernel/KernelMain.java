package org.dltips.kernel;

import org.dltips.kernel.install.InstallCommand;
import org.dltips.kernel.internal.KernelLog;
import org.dltips.kernel.internal.Warmup;
import org.dltips.kernel.internal.WarmupRun;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The commands of the kernel jar, reached through {@link Main} once it checked the Java version:
 * {@code kernel <connection-file>} runs the kernel (Jupyter starts it this way), {@code install} and
 * {@code uninstall} manage the kernelspec.
 *
 * <p>{@code java -jar dltips-kernel.jar install --user}
 */
public final class KernelMain {

    private KernelMain() {
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
                        + "  install [--user|--sys-prefix|--prefix DIR] [--name NAME] [--no-archive] [--no-measure]\n"
                        + "          [--memory-mib N] [--data DIR]\n"
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
        Warmup.sinceStart("main started");
        String problem = org.dltips.kernel.install.InstallCommand.javaProblem();
        if (problem != null) {
            KernelLog.warn(problem);
            System.exit(1);
        }
        KernelLauncher.launch(Path.of(args[0])).awaitShutdown();
        KernelLog.warn("kernel shut down");
        System.exit(0);
    }
}
