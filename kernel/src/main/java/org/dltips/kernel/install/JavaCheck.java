package org.dltips.kernel.install;

/**
 * Refuses Java runtimes the kernel cannot run on: older than 17, or without the {@code jdk.jshell} module
 * (a JRE rather than a JDK).
 *
 * <p>{@code String problem = JavaCheck.problem(); // null when fine}
 */
final class JavaCheck {

    static final int MINIMUM = 17;

    private JavaCheck() {
    }

    /** A message saying what is wrong and how to fix it, or {@code null}. */
    static String problem() {
        return problem(Runtime.version().feature(), ModuleLayer.boot().findModule("jdk.jshell").isPresent(),
                System.getProperty("java.home"));
    }

    static String problem(int feature, boolean hasJShell, String javaHome) {
        if (feature < MINIMUM) {
            return "This Java is version " + feature + " (" + javaHome + "); the dltips kernel needs Java "
                    + MINIMUM + " or newer. Install JDK 17+ and run install again with its java.";
        }
        if (!hasJShell) {
            return "This Java (" + javaHome + ") has no jdk.jshell module, so it cannot run notebook cells; "
                    + "it is probably a JRE. Install a full JDK 17+ and run install again with its java.";
        }
        return null;
    }
}
