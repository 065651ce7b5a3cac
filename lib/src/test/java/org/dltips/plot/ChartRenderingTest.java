package org.dltips.plot;

import org.dltips.train.Metric;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dltips.lesson.Results;
import org.dltips.playground.Optimizers;
import org.dltips.playground.Playground;
import org.dltips.playground.Surface;
import org.dltips.train.EpochStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every chart type to PNG, checks size and that something was drawn. Set the system property
 * {@code dltips.plots} to a folder (e.g. /tmp/plots) to keep the pictures for looking at.
 */
class ChartRenderingTest {

    @TempDir
    static Path temporary;

    private static Path folder;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
        String keep = System.getProperty("dltips.plots");
        folder = keep == null ? temporary : Path.of(keep);
    }

    @Test
    void learningCurves() throws IOException {
        List<EpochStats> epochs = Fixtures.run(20, 0.1, 0.873, 0.858);
        check(Plots.savePng(Plots.loss("cross-entropy", epochs), file("loss.png")), 640, 400);
        check(Plots.savePng(Plots.accuracy("cross-entropy", epochs), file("accuracy.png")), 640, 400);
        check(Plots.savePng(Plots.learningCurves("cross-entropy", epochs), file("learning-curves.png")), 1000, 380);
        check(Plots.savePng(Plots.markEpoch(Plots.loss("cross-entropy", epochs), 12, "best validation loss"),
                file("loss-marked.png")), 640, 400);
        check(Plots.savePng(Plots.loss("100 epochs", Fixtures.run(100, 0.1, 0.99, 0.9)), file("loss-100.png")), 640, 400);
    }

    @Test
    void comparedRuns() throws IOException {
        Map<String, List<EpochStats>> runs = new LinkedHashMap<>();
        runs.put("sigmoid + MSE", Fixtures.stuck(20));
        runs.put("sigmoid + cross-entropy", Fixtures.run(20, 0.1, 0.873, 0.858));
        runs.put("ReLU, 13 layers", Fixtures.run(20, 0.3, 0.998, 0.956));
        runs.put("Adam", Fixtures.run(20, 0.85, 0.999, 0.963));
        check(Plots.savePng(Plots.compare(runs, Metric.TRAIN_ACCURACY), file("compare-one-metric.png")), 640, 400);
        check(Plots.savePng(Plots.compare(runs, Metric.TRAIN_ACCURACY, Metric.VALIDATION_ACCURACY),
                file("compare-two-metrics.png")), 640, 400);
        check(Plots.savePng(Plots.trainVsTest(runs), file("train-vs-test.png")), 640, 400);
        Results results = Results.of("01-recipe.ipynb");
        runs.forEach(results::add);
        results.add("noise on the test set", 1.0, 0.475, 2.1).add("+ dropout 0.7", 0.991, 0.612, 2.3);
        check(Plots.savePng(Plots.trainVsTest(results), file("train-vs-test-results.png")), 700, 400);
    }

    @Test
    void gradientsPerLayer() throws IOException {
        double[] sigmoid = new double[13];
        double[] relu = new double[13];
        for (int i = 0; i < 13; i++) {
            sigmoid[i] = 1e-2 * Math.pow(0.25, 12 - i);
            relu[i] = 3e-3 * (1 + 0.1 * Math.sin(i));
        }
        Map<String, double[]> runs = new LinkedHashMap<>();
        runs.put("13 sigmoid layers", sigmoid);
        runs.put("13 ReLU layers", relu);
        check(Plots.savePng(Plots.gradientsPerLayer(runs), file("gradients.png")), 640, 400);
    }

    @Test
    void activations() throws IOException {
        check(Plots.savePng(Plots.activations(), file("activations.png")), 640, 400);
        check(Plots.savePng(Plots.activationDerivatives(), file("activation-derivatives.png")), 640, 400);
        check(Plots.savePng(Plots.activations("sigmoid", "ReLU"), file("activations-two.png")), 640, 400);
    }

    @Test
    void imageGridAndConfusionMatrix() throws IOException {
        List<float[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            float[] pixels = new float[28 * 28];
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double r = Math.hypot(x - 14, y - 14);
                    pixels[y * 28 + x] = Math.abs(r - 4 - k % 6) < 2 ? 255f : 0f;
                }
            }
            images.add(pixels);
            captions.add("label " + (k % 10));
        }
        check(Plots.savePng(Plots.imageGrid(images, 28, 28, captions, 6), file("image-grid.png")), 500, 200);
        int[][] counts = new int[10][10];
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                counts[i][j] = i == j ? 900 + 7 * i : (i * 7 + j * 3) % 11;
            }
        }
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        check(Plots.savePng(Plots.confusionMatrix(counts, names), file("confusion.png")), 400, 400);
        List<String> fashion = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                "Sneaker", "Bag", "Ankle boot");
        check(Plots.savePng(Plots.confusionMatrix(counts, fashion), file("confusion-fashion.png")), 400, 400);
    }

    @Test
    void trajectories() throws IOException {
        Surface banana = Surface.rosenbrock();
        check(Plots.savePng(Plots.trajectories(banana,
                Playground.run(banana, Optimizers.adagrad(1), 1000),
                Playground.run(banana, Optimizers.rmsProp(0.01), 1000),
                Playground.run(banana, Optimizers.adam(0.01), 1000)), file("trajectories-rosenbrock.png")), 600, 500);
        check(Plots.savePng(Plots.heightPerStep(
                Playground.run(banana, Optimizers.adagrad(1), 1000),
                Playground.run(banana, Optimizers.rmsProp(0.01), 1000),
                Playground.run(banana, Optimizers.adam(0.01), 1000),
                Playground.run(banana, Optimizers.gradientDescent(0.01), 1000)), file("height-per-step.png")), 640, 400);
        Surface holes = Surface.rastrigin();
        check(Plots.savePng(Plots.trajectories(holes,
                Playground.run(holes, Optimizers.gradientDescent(0.001), -4.4, 3.8, 3000),
                Playground.run(holes, Optimizers.momentum(0.005, 0.99), -4.4, 3.8, 3000)),
                file("trajectories-rastrigin.png")), 600, 500);
        Surface bowl = Surface.elongatedBowl();
        check(Plots.savePng(Plots.trajectories(bowl,
                Playground.run(bowl, Optimizers.gradientDescent(0.2), 100),
                Playground.run(bowl, Optimizers.gradientDescent(0.001), 100),
                Playground.run(bowl, Optimizers.gradientDescent(0.09), 100)), file("trajectories-bowl.png")), 600, 500);
    }

    private static String file(String name) {
        return folder.resolve(name).toString();
    }

    /** The PNG exists, has at least the given size, and is not one flat colour. */
    private static void check(Path png, int minWidth, int minHeight) throws IOException {
        File file = png.toFile();
        assertTrue(file.isFile(), png + " written");
        BufferedImage image = ImageIO.read(file);
        assertTrue(image.getWidth() >= minWidth && image.getHeight() >= minHeight,
                png + " is " + image.getWidth() + " x " + image.getHeight());
        int background = image.getRGB(0, 0);
        int different = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (image.getRGB(x, y) != background) {
                    different++;
                }
            }
        }
        double share = different / (image.getWidth() * image.getHeight() / 4.0);
        assertTrue(share > 0.01, png + " has content beyond its background colour: " + share);
    }
}
