package org.dltips.kernel;

import java.lang.reflect.InvocationTargetException;

/**
 * Entry point of the kernel jar, compiled for Java 8 so that an old Java gets a clear message instead of an
 * {@code UnsupportedClassVersionError}; on Java 17+ it hands over to {@code KernelMain}.
 *
 * <p>{@code java -jar dltips-kernel.jar install --user}
 */
public final class Main {

    static final int MINIMUM = 17;

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        int feature = feature(System.getProperty("java.specification.version", "0"));
        if (feature < MINIMUM) {
            System.err.println("This Java is version " + feature + " (" + System.getProperty("java.home")
                    + "); the dltips kernel needs Java " + MINIMUM + " or newer. Install JDK 17+ and run the "
                    + "jar with its java, such as /path/to/jdk-17/bin/java -jar dltips-kernel.jar install.");
            System.exit(1);
        }
        try {
            Class.forName("org.dltips.kernel.KernelMain").getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release in a {@code java.specification.version}: "1.8" is 8, "17" is 17. */
    public static int feature(String specification) {
        String s = specification.startsWith("1.") ? specification.substring(2) : specification;
        int dot = s.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
