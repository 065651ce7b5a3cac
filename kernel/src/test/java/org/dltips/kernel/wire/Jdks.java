package org.dltips.kernel.wire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JDKs the kernel tests run on: the one running the tests plus any listed in {@code -Ddltips.test.jdks} or
 * the {@code DLTIPS_TEST_JDKS} environment variable (Java home directories separated by {@code :}).
 *
 * <p>{@code DLTIPS_TEST_JDKS=/usr/lib/jvm/temurin-25-jdk-amd64 mvn verify} adds Temurin 25.
 */
public final class Jdks {

    /** The environment variable that lists extra Java homes. */
    public static final String VARIABLE = "DLTIPS_TEST_JDKS";

    private Jdks() {
    }

    /** The Java homes to test, the current one first; fails on a listed home that has no {@code bin/java}. */
    public static List<Path> all() {
        Set<Path> homes = new LinkedHashSet<>();
        homes.add(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize());
        String listed = System.getProperty("dltips.test.jdks", System.getenv().getOrDefault(VARIABLE, ""));
        for (String entry : listed.split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            Path home = Path.of(entry.trim()).toAbsolutePath().normalize();
            if (!Files.isExecutable(java(home))) {
                throw new IllegalStateException(VARIABLE + " lists '" + entry + "', but " + java(home)
                        + " is not an executable; expected Java home directories separated by ':'. Fix the list or"
                        + " install that JDK");
            }
            homes.add(home);
        }
        return new ArrayList<>(homes);
    }

    /** The {@code java} launcher of a Java home. */
    public static Path java(Path home) {
        return home.resolve("bin").resolve("java");
    }

    /** A short label such as {@code java-17-openjdk-amd64}, used in test names. */
    public static String label(Path home) {
        return home.getFileName().toString();
    }
}
