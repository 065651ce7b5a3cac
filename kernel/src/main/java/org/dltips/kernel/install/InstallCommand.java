package org.dltips.kernel.install;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The {@code install} and {@code uninstall} commands of the kernel jar.
 *
 * <p>{@code java -jar dltips-kernel.jar install --prefix /tmp/jp --name dltips}
 */
public final class InstallCommand {

    private InstallCommand() {
    }

    /** Why this Java cannot run the kernel (too old, or no jdk.jshell), or {@code null}. */
    public static String javaProblem() {
        return JavaCheck.problem();
    }

    /** Runs the command and returns the process exit code; messages go to standard output/error. */
    public static int run(String command, String[] args) {
        try {
            InstallOptions options = InstallOptions.parse(args);
            Path dir = options.kernelDirectory();
            if (command.equals("uninstall")) {
                if (!KernelSpecWriter.remove(dir)) {
                    System.err.println("No kernelspec at " + dir + "; nothing to uninstall. Check the name and "
                            + "location with: jupyter kernelspec list");
                    return 1;
                }
                System.out.println("Removed kernelspec " + options.name() + " from " + dir);
                return 0;
            }
            String problem = JavaCheck.problem();
            if (problem != null) {
                System.err.println(problem);
                return 1;
            }
            KernelSpecWriter.write(dir, options);
            System.out.println("Installed kernelspec " + options.name() + " in " + dir);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("Could not write the kernelspec: " + e + ". Check that the directory is writable, "
                    + "or choose another with --user or --prefix DIR.");
            return 1;
        }
    }
}
