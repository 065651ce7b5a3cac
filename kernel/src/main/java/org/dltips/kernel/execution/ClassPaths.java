package org.dltips.kernel.execution;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The kernel's class path spelled out for the compiler, with the {@code Class-Path} entries of jar
 * manifests followed (the kernel jar and test launchers list their libraries that way).
 *
 * <p>{@code String cp = ClassPaths.kernel();  // or ClassPaths.expanded(someClassPath)}
 */
final class ClassPaths {

    private ClassPaths() {
    }

    /** The kernel's own class path, expanded once: it does not change while the kernel runs. */
    static String kernel() {
        return Kernel.PATH;
    }

    private static final class Kernel {
        static final String PATH = expanded(System.getProperty("java.class.path"));
    }

    static String expanded(String classPath) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(new File(entry).getAbsoluteFile(), entries);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void add(File file, Set<String> entries) {
        if (!file.exists() || !entries.add(file.getPath()) || !file.getName().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(file)) {
            Manifest manifest = jar.getManifest();
            String refs = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (refs == null) {
                return;
            }
            URI base = file.getParentFile().toURI();
            for (String ref : refs.trim().split("\\s+")) {
                if (!ref.isEmpty()) {
                    add(Path.of(base.resolve(ref)).toFile(), entries);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable jar or odd manifest entry: the compiler will report missing classes by name.
        }
    }
}
