package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * Zalando's Fashion-MNIST: 60 000 training and 10 000 test images of clothing, 28x28 pixels, in the same
 * format as MNIST and ten classes from "T-shirt/top" to "Ankle boot". Used by the homework exercises.
 *
 * <p>{@code ImageSet fashion = FashionMnist.load(); fashion.classNames().get(9); // "Ankle boot"}
 *
 * <p>{@link #load()} looks, in order, in the data directory ({@code -Ddltips.data} or {@code DLTIPS_DATA}, in
 * its {@code fashion-mnist/} subdirectory), the cache ({@code ~/.cache/dltips/fashion-mnist}), Debian's
 * {@code /usr/share/datasets/fashion-mnist}, then the usual download mirrors; every file is checked against its
 * known SHA-256.
 */
public final class FashionMnist {

    /** The class names, by label: "T-shirt/top", "Trouser", "Pullover", ..., "Ankle boot". */
    public static final List<String> CLASS_NAMES = DatasetSpec.FASHION_MNIST.classNames();

    private FashionMnist() {
    }

    /**
     * Finds (or fetches), verifies and reads the four Fashion-MNIST files.
     *
     * @throws DataUnavailableException listing every source tried and how to provide the files
     */
    public static ImageSet load() {
        return Loader.load(DatasetSpec.FASHION_MNIST, DataSettings.fromEnvironment());
    }

    /** Reads and verifies the four Fashion-MNIST files (plain or .gz) from {@code directory}, and nowhere else. */
    public static ImageSet load(Path directory) {
        return Loader.load(DatasetSpec.FASHION_MNIST, directory);
    }
}
