package org.dltips.kernel.execution;

import org.dltips.kernel.internal.KernelLog;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where JShell finds the Javadoc it shows on Shift+Tab and in the inspector. JShell on its own reads only the
 * JDK's {@code lib/src.zip}; this adds the sources that jars on the class path carry under
 * {@code META-INF/dltips-sources} (the helper library's) and any {@code NAME-sources.jar} beside a {@code NAME.jar}.
 * A JDK without {@code src.zip} is logged once, never an error.
 *
 * <p>{@code JavadocSources.install(classPath);  // before the first documentation lookup of the kernel}
 */
final class JavadocSources {

    /** The folder inside a jar that holds its own sources. */
    static final String EMBEDDED = "META-INF/dltips-sources";

    private static final List<FileSystem> OPEN = new ArrayList<>();
    private static final Map<Path, FileSystem> OPENED_JARS = new HashMap<>();
    private static List<Path> installed;

    private JavadocSources() {
    }

    /** Gives JShell's documentation lookup the source roots found for {@code classPath}; once per kernel. */
    static synchronized List<Path> install(String classPath) {
        if (installed != null) {
            return installed;
        }
        List<Path> roots = new ArrayList<>(jdkRoots());
        int jdk = roots.size();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path folder = Path.of(entry).resolve(EMBEDDED);
            if (!entry.endsWith(".jar")) {
                if (Files.isDirectory(folder)) {
                    roots.add(folder);  // a build's classes folder, as in the module's own tests
                }
                continue;
            }
            Path jar = Path.of(entry);
            // Only our own jars carry embedded sources; opening every jar would cost the first lookup time.
            Path embedded = jar.getFileName().toString().startsWith("dltips-") ? embedded(jar) : null;
            Path beside = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", "-sources.jar"));
            if (embedded != null) {
                roots.add(embedded);
            } else if (Files.isReadable(beside)) {
                roots.add(beside);
            }
        }
        if (jdk == 0) {
            KernelLog.warn("no lib/src.zip in " + System.getProperty("java.home") + ": contextual help shows"
                    + " JDK signatures without their Javadoc (install the JDK's sources, e.g. openjdk-17-source)");
        }
        try {
            Class<?> impl = Class.forName("jdk.jshell.SourceCodeAnalysisImpl");
            Field override = impl.getDeclaredField("availableSourcesOverride");
            override.setAccessible(true);
            override.set(null, List.copyOf(roots));
        } catch (ReflectiveOperationException | RuntimeException e) {
            KernelLog.warn("contextual help shows only the JDK's Javadoc: JShell's source list could not be set ("
                    + e + "); the kernel jar's manifest should open jdk.jshell/jdk.jshell");
        }
        installed = List.copyOf(roots);
        return installed;
    }

    /** A source root as a folder: the root folder of a sources jar or zip, else the root itself; or null. */
    static synchronized Path folder(Path root) {
        if (root.getFileSystem() != FileSystems.getDefault() || Files.isDirectory(root)) {
            return root;
        }
        FileSystem fs = OPENED_JARS.computeIfAbsent(root, JavadocSources::open);
        return fs == null ? null : fs.getRootDirectories().iterator().next();
    }

    /** The JDK's source roots, as JShell itself finds them: every module folder of {@code src.zip}. */
    private static List<Path> jdkRoots() {
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib").resolve("src.zip");
        if (!Files.isReadable(zip)) {
            zip = home.getParent() == null ? zip : home.getParent().resolve("src.zip");
        }
        if (!Files.isReadable(zip)) {
            return List.of();
        }
        List<Path> roots = new ArrayList<>();
        FileSystem fs = open(zip);
        if (fs == null) {
            return roots;
        }
        Path root = fs.getRootDirectories().iterator().next();
        if (Files.exists(root.resolve("java/lang/Object.java"))) {
            roots.add(zip);
            return roots;
        }
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(root)) {
            for (Path module : modules) {
                if (Files.isDirectory(module)) {
                    roots.add(module);
                }
            }
        } catch (IOException e) {
            KernelLog.warn("could not list " + zip + ": " + e);
        }
        return roots;
    }

    /** The folder of sources a jar carries, or null. */
    private static Path embedded(Path jar) {
        if (!Files.isReadable(jar)) {
            return null;
        }
        FileSystem fs = open(jar);
        if (fs == null) {
            return null;
        }
        Path sources = fs.getPath("/" + EMBEDDED);
        return Files.isDirectory(sources) ? sources : null;
    }

    private static FileSystem open(Path zip) {
        try {
            FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of());
            OPEN.add(fs);
            return fs;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
