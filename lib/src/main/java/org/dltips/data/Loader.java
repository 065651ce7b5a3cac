package org.dltips.data;

import org.dltips.data.internal.DataSettings;
import org.dltips.data.internal.DatasetSpec;
import org.dltips.data.internal.FeatureStore;
import org.dltips.data.internal.IdxArray;
import org.dltips.data.internal.IdxCodec;
import org.dltips.data.internal.Resolver;
import org.dltips.display.Output;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Turns a data set's verified files into an {@link ImageSet}, remembering the last one loaded per source. */
final class Loader {

    private static final Map<String, SoftReference<ImageSet>> LOADED = new ConcurrentHashMap<>();

    private Loader() {
    }

    /** Loads {@code spec} from the usual sources, reusing a set this JVM already loaded with the same settings. */
    static ImageSet load(DatasetSpec spec, DataSettings settings) {
        String key = spec.id() + " " + settings;
        SoftReference<ImageSet> kept = LOADED.get(key);
        ImageSet set = kept == null ? null : kept.get();
        if (set == null) {
            set = fromFiles(spec, new Resolver(settings, notes()).resolve(spec));
            LOADED.put(key, new SoftReference<>(set));
        }
        return set;
    }

    /** Loads {@code spec} from one directory holding its four files (plain or .gz), and nowhere else. */
    static ImageSet load(DatasetSpec spec, Path directory) {
        return fromFiles(spec, Resolver.fromDirectory(spec, directory, notes()));
    }

    static Consumer<String> notes() {
        return text -> Output.show(text);
    }

    /** Builds the train and test sets from uncompressed IDX bytes, checking that the files fit together. */
    static ImageSet fromFiles(DatasetSpec spec, Map<String, byte[]> files) {
        Dataset train = pair(spec, files, DatasetSpec.TRAIN_IMAGES, DatasetSpec.TRAIN_LABELS);
        Dataset test = pair(spec, files, DatasetSpec.TEST_IMAGES, DatasetSpec.TEST_LABELS);
        return new ImageSet(spec.displayName(), train, test);
    }

    private static Dataset pair(DatasetSpec spec, Map<String, byte[]> files, String imageFile, String labelFile) {
        IdxArray images = IdxCodec.parse(files.get(imageFile), imageFile);
        IdxArray labels = IdxCodec.parse(files.get(labelFile), labelFile);
        if (images.dims().length != 3 || labels.dims().length != 1) {
            throw new IllegalArgumentException(imageFile + " and " + labelFile + " have " + images.dims().length
                    + " and " + labels.dims().length + " dimensions, expected 3 (count, rows, columns) and 1 (count)."
                    + " Check that the files are the images and labels of " + spec.displayName() + ".");
        }
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(imageFile + " holds " + images.count() + " images but " + labelFile
                    + " holds " + labels.count() + " labels; expected the same count. Fetch both files again.");
        }
        int numClasses = spec.classNames().size();
        int[] classes = labels.toLabels();
        Checks.checkLabels(classes, images.itemSize(), numClasses);
        ImageFormat shape = new ImageFormat(images.dims()[1], images.dims()[2], PixelScale.RAW,
                spec.classNames());
        FeatureStore pixels = FeatureStore.ofBytes(images.bytes(), images.offset(), images.itemSize(), images.count());
        return new Dataset(pixels, classes, images.itemSize(), numClasses, shape);
    }
}
