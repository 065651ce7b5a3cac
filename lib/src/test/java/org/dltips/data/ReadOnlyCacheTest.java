package org.dltips.data;

import com.sun.security.auth.module.UnixSystem;
import org.dltips.data.internal.Resolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cache the user may not write to (chmod 555): the files are used from memory, one warning says which directory
 * is not writable and how to fix it, and nothing is left behind. Root ignores chmod, so when the tests run as root
 * the loading runs in a child JVM as the unprivileged user nobody ({@code setpriv}), from a world-readable copy of
 * the class directories.
 */
class ReadOnlyCacheTest {

    private static final long ROOT_UID = 0;
    private static final int NOBODY = 65534;
    private static final boolean AS_ROOT = new UnixSystem().getUid() == ROOT_UID;

    private Path base;
    private Path tmp;

    @BeforeEach
    void makeWorldReadableWorkspace() throws IOException {
        base = Files.createTempDirectory("dltips-readonly-cache-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        tmp = Files.createDirectories(base.resolve("tmp"));
        if (AS_ROOT) {
            Files.setAttribute(tmp, "unix:uid", NOBODY);
            Files.setAttribute(tmp, "unix:gid", NOBODY);
        }
    }

    @AfterEach
    void removeWorkspace() throws IOException {
        try (Stream<Path> all = Files.walk(base)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(path)) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                }
                Files.delete(path);
            }
        }
    }

    private static String user() {
        return AS_ROOT ? "nobody" : System.getProperty("user.name");
    }

    /** What {@code Datasets fetch} says, besides the warning, when it could not keep a data set. */
    private static final String FETCH_ERROR = "fetch error: MNIST is not in the cache (see the warning above), so every"
            + " load would fetch it again; fix the cache directory or set DLTIPS_CACHE, then fetch again.";

    private static String warning(String reason, Path fix) {
        return "note: Warning: could not save train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,"
                + " t10k-labels-idx1-ubyte in the cache: " + reason + " is not writable for user " + user() + "."
                + " Using the files from memory this time, so the next load fetches them again. To keep them, make "
                + fix + " writable for " + user() + " (chmod or chown it), or set DLTIPS_CACHE (or -Ddltips.cache)"
                + " to a writable directory.";
    }

    @Test
    void readOnlyCacheDirectoryIsReportedAndLeftEmpty() throws Exception {
        Path cache = Files.createDirectories(base.resolve("cache/mnist"));
        Files.setPosixFilePermissions(base.resolve("cache"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("r-xr-xr-x"));

        List<String> lines = load(base.resolve("cache"));

        assertEquals(List.of(warning("the directory " + cache, cache),
                "loaded: 4 files, identical, from [download from [http://127.0.0.1:PORT/good/]]", FETCH_ERROR,
                "fetch status: 1"), lines);
        assertEquals(List.of("cache", "cache/mnist", "tmp"), tree(), "no partial or temporary file is left");
    }

    @Test
    void readOnlyParentOfTheCacheIsReported() throws Exception {
        Path root = Files.createDirectories(base.resolve("home/.cache"));
        Files.setPosixFilePermissions(base.resolve("home"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));

        List<String> lines = load(root.resolve("dltips"));

        assertEquals(List.of(warning("the directory " + root.resolve("dltips/mnist") + " cannot be created: " + root,
                root), "loaded: 4 files, identical, from [download from [http://127.0.0.1:PORT/good/]]", FETCH_ERROR,
                "fetch status: 1"), lines);
        assertEquals(List.of("home", "home/.cache", "tmp"), tree(),
                "nothing was created under the read-only directory");
    }

    /** Runs the probe as an unprivileged user: in a child JVM as nobody when this JVM is root, in-process otherwise. */
    private List<String> load(Path cacheRoot) throws Exception {
        if (!AS_ROOT) {
            return ReadOnlyCacheProbe.run(cacheRoot);
        }
        String classPath = copyForNobody(Resolver.class) + ":" + copyForNobody(ReadOnlyCacheProbe.class);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--",
                java, "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmp, "-cp", classPath,
                ReadOnlyCacheProbe.class.getName(), cacheRoot.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(base.resolve("child.err").toFile());
        builder.environment().put("HOME", "/nonexistent");
        Process child = builder.start();
        String out = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish within 60 s");
        String err = Files.readString(base.resolve("child.err"));
        Files.delete(base.resolve("child.err"));
        assertEquals(0, child.exitValue(), () -> "the child JVM (" + String.join(" ", command) + ") failed; it needs"
                + " setpriv (util-linux) and read access to " + base + ". Its output:\n" + out + err);
        return out.lines().toList();
    }

    /** A world-readable copy, under the workspace, of the class directory holding {@code type}. */
    private String copyForNobody(Class<?> type) throws Exception {
        Path from = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path to = base.resolve("classpath").resolve(from.getFileName());
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(source, target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        Files.setPosixFilePermissions(base.resolve("classpath"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return to.toString();
    }

    /** Every path under the workspace except the copied class path, relative and sorted. */
    private List<String> tree() throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> all = Files.walk(base)) {
            all.filter(p -> !p.equals(base) && !p.startsWith(base.resolve("classpath")))
                    .forEach(p -> paths.add(base.relativize(p).toString()));
        }
        return paths.stream().sorted().toList();
    }
}
