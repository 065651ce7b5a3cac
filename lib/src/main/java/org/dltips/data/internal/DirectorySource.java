package org.dltips.data.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Data files in a directory, plain or gzipped ({@code train-images-idx3-ubyte} or
 * {@code train-images-idx3-ubyte.gz}). As the cache, it also removes files that fail their checksum so that
 * they are fetched again; elsewhere it leaves them alone and only reports them.
 *
 * <p>{@code new DirectorySource("cache", cacheRoot.resolve("mnist"), true, System.out::println)}
 */
final class DirectorySource implements Source {

    private final String label;
    private final Path directory;
    private final boolean removeDamaged;
    private final Consumer<String> notes;

    DirectorySource(String label, Path directory, boolean removeDamaged, Consumer<String> notes) {
        this.label = label;
        this.directory = directory;
        this.removeDamaged = removeDamaged;
        this.notes = notes;
    }

    @Override
    public String describe() {
        return label + " " + directory;
    }

    @Override
    public String provide(DatasetSpec spec, Set<String> missing, Map<String, byte[]> found) {
        if (!Files.isDirectory(directory)) {
            return "does not exist";
        }
        if (removeDamaged) {
            removeStaleParts();
        }
        List<String> problems = new ArrayList<>();
        int provided = 0;
        for (String file : missing) {
            for (Path candidate : List.of(directory.resolve(file), directory.resolve(file + ".gz"))) {
                if (!Files.isRegularFile(candidate)) {
                    continue;
                }
                String problem = read(spec, file, candidate, found);
                if (problem == null) {
                    provided++;
                    break;
                }
                problems.add(problem);
            }
        }
        if (provided == 0 && problems.isEmpty()) {
            return "no files there";
        }
        String outcome = "found " + provided + " of " + missing.size() + " files";
        return problems.isEmpty() ? outcome : outcome + "; " + String.join("; ", problems);
    }

    private String read(DatasetSpec spec, String file, Path candidate, Map<String, byte[]> found) {
        String problem;
        try {
            byte[] bytes = IdxCodec.readUncompressed(candidate);
            problem = Verifier.problem(spec, file, bytes, candidate.toString());
            if (problem == null) {
                found.put(file, bytes);
                return null;
            }
        } catch (IOException e) {
            problem = "could not read " + candidate + ": " + e.getMessage();
        }
        if (removeDamaged) {
            problem += removeQuietly(candidate);
        }
        notes.accept("Warning: " + problem + ".");
        return problem;
    }

    /** Removes temporary files left more than an hour ago by a download or save that was killed midway. */
    private void removeStaleParts() {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".part")).forEach(part -> {
                try {
                    if (Files.getLastModifiedTime(part).toMillis() < hourAgo) {
                        Files.delete(part);
                    }
                } catch (IOException e) {
                    notes.accept("Warning: could not remove the leftover temporary file " + part + ": " + e);
                }
            });
        } catch (IOException e) {
            notes.accept("Warning: could not list " + directory + ": " + e);
        }
    }

    private static String removeQuietly(Path damaged) {
        try {
            Files.delete(damaged);
            return "; removed it, it will be fetched again";
        } catch (IOException e) {
            return "; could not remove it (" + e.getMessage() + "), it is ignored";
        }
    }
}
