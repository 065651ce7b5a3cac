package org.dltips.kernel.magic;

import org.dltips.kernel.execution.CellFailure;
import org.dltips.kernel.execution.CellResult;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code %jars} and {@code %classpath}: put jars and class folders on the running kernel's class path. Every
 * path is checked before anything is added, so a typo adds nothing.
 *
 * <p>{@code %jars lib/*.jar   // adds every jar in lib}
 */
final class ClassPathMagics {

    private ClassPathMagics() {
    }

    static CellResult jars(String args, int line, MagicContext context) throws CellFailure {
        List<String> words = words(args);
        if (words.isEmpty()) {
            throw MagicError.of("%jars needs at least one jar, glob or folder of jars, e.g. %jars lib/*.jar");
        }
        Set<String> found = new LinkedHashSet<>();
        for (String word : words) {
            List<Path> matches = matches(word);
            List<Path> jars = new ArrayList<>();
            for (Path p : matches) {
                if (Files.isDirectory(p)) {
                    jars.addAll(jarsIn(p));
                } else if (p.getFileName().toString().endsWith(".jar")) {
                    jars.add(p);
                }
            }
            if (jars.isEmpty()) {
                throw MagicError.of("%jars found no jar for '" + word + "' (relative paths start from "
                        + Path.of("").toAbsolutePath() + "); nothing was added");
            }
            jars.forEach(j -> found.add(j.toString()));
        }
        return add(context, new ArrayList<>(found));
    }

    static CellResult classpath(String args, int line, MagicContext context) throws CellFailure {
        List<String> words = words(args);
        if (words.isEmpty()) {
            context.host().classPath().forEach(System.out::println);
            return CellResult.NONE;
        }
        List<String> entries = new ArrayList<>();
        for (String word : words) {
            List<Path> matches = matches(word);
            if (matches.isEmpty()) {
                throw MagicError.of("%classpath found nothing at '" + word + "' (relative paths start from "
                        + Path.of("").toAbsolutePath() + "); nothing was added");
            }
            matches.forEach(p -> entries.add(p.toString()));
        }
        return add(context, entries);
    }

    private static CellResult add(MagicContext context, List<String> entries) {
        List<String> present = context.host().classPath();
        List<String> fresh = entries.stream().filter(e -> !present.contains(e)).toList();
        if (!fresh.isEmpty()) {
            context.host().addToClassPath(fresh);
        }
        int already = entries.size() - fresh.size();
        System.out.println("Added " + fresh.size() + (fresh.size() == 1 ? " entry" : " entries")
                + " to the class path" + (already > 0 ? " (" + already + " already on it)" : "") + ".");
        return CellResult.NONE;
    }

    /** Paths for a word: the file or folder itself, or the files a glob in its last part matches. */
    private static List<Path> matches(String name) throws CellFailure {
        if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
            Path p = MagicContext.resolve(name);
            return Files.exists(p) ? List.of(p) : List.of();
        }
        Path pattern = MagicContext.resolve(name);
        Path folder = pattern.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getFileName());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> glob.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw MagicError.of("could not list " + folder + ": " + e.getMessage());
        }
    }

    private static List<Path> jarsIn(Path folder) throws CellFailure {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw MagicError.of("could not list " + folder + ": " + e.getMessage());
        }
    }

    /** Arguments split at spaces, keeping quoted paths whole. */
    static List<String> words(String args) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (char c : args.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
