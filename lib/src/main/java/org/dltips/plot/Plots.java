package org.dltips.plot;

import org.dltips.train.History;
import org.dltips.train.Metric;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dltips.data.Dataset;
import org.dltips.model.Maxout;
import org.dltips.model.Optimizer;
import org.dltips.lesson.Results;
import org.dltips.playground.Surface;
import org.dltips.playground.Trajectory;
import org.dltips.plot.internal.Activations;
import org.dltips.plot.internal.Bars;
import org.dltips.plot.internal.ConfusionMatrixImage;
import org.dltips.plot.internal.Curves;
import org.dltips.plot.internal.Gradients;
import org.dltips.plot.internal.ImageGrid;
import org.dltips.plot.internal.Marks;
import org.dltips.plot.internal.MaxoutImages;
import org.dltips.plot.internal.Panels;
import org.dltips.plot.internal.RateCurves;
import org.dltips.plot.internal.RunCurves;
import org.dltips.plot.internal.StepCurves;
import org.dltips.plot.internal.Style;
import org.dltips.plot.internal.TrajectoryImage;
import org.dltips.train.EpochStats;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Every chart the notebooks draw, with readable defaults (title, axis labels, legend, about 640 × 400 pixels).
 * Charts are XChart objects or images; a notebook cell shows them by ending with the call. Introduced in the
 * first notebook (learning curves, train-vs-test bars).
 *
 * <p>{@code Plots.learningCurves("sigmoid + MSE", history.epochs())}
 *
 * <p>Training series are solid, validation (held-out) series dashed, one colour per run. Values that were not
 * measured (NaN) are left out of a curve.
 */
public final class Plots {

    private Plots() {
    }

    /** Training and validation loss per epoch. {@code Plots.loss("ReLU", history.epochs())} */
    public static XYChart loss(String name, List<EpochStats> epochs) {
        return Curves.chart("Loss: " + name, Map.of(name, epochs), List.of(Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS),
                Style.WIDTH, Style.HEIGHT);
    }

    /** Training and validation accuracy per epoch, on a 0–1 axis. {@code Plots.accuracy("ReLU", history.epochs())} */
    public static XYChart accuracy(String name, List<EpochStats> epochs) {
        return Curves.chart("Accuracy: " + name, Map.of(name, epochs),
                List.of(Metric.TRAIN_ACCURACY, Metric.VALIDATION_ACCURACY), Style.WIDTH, Style.HEIGHT);
    }

    /** Loss and accuracy side by side in one image. {@code Plots.learningCurves("Adam", history.epochs())} */
    public static BufferedImage learningCurves(String name, List<EpochStats> epochs) {
        XYChart loss = Curves.chart("Loss: " + name, Map.of(name, epochs),
                List.of(Metric.TRAIN_LOSS, Metric.VALIDATION_LOSS), 500, 380);
        XYChart accuracy = Curves.chart("Accuracy: " + name, Map.of(name, epochs),
                List.of(Metric.TRAIN_ACCURACY, Metric.VALIDATION_ACCURACY), 500, 380);
        return Panels.sideBySide(toImage(loss), toImage(accuracy));
    }

    /** Loss and accuracy of a whole run side by side. {@code Plots.learningCurves("Adam", history)} */
    public static BufferedImage learningCurves(String name, History history) {
        return learningCurves(name, history.epochs());
    }

    /**
     * Several runs overlaid, one colour each; give one metric, or two (e.g. training and validation accuracy).
     * {@code Plots.compare(Map.of("SGD", sgd.epochs(), "Adam", adam.epochs()), Metric.TRAIN_ACCURACY)}
     */
    public static XYChart compare(Map<String, List<EpochStats>> runs, Metric... metrics) {
        if (metrics.length == 0) {
            throw new IllegalArgumentException("compare needs at least one metric, e.g. Metric.TRAIN_ACCURACY");
        }
        String what = Arrays.stream(metrics).map(Metric::label).reduce((a, b) -> a + " and " + b).orElseThrow();
        return Curves.chart(Character.toUpperCase(what.charAt(0)) + what.substring(1), runs, List.of(metrics),
                Style.WIDTH, Style.HEIGHT);
    }

    /**
     * Every run of every variant overlaid: one colour per variant, one thin line per run (e.g. per seed), so the
     * spread between runs shows. {@code Plots.allRuns(comparison.runs(), Metric.TRAIN_LOSS)}
     *
     * <p>Introduced in the notebook on initialization.
     */
    public static XYChart allRuns(Map<String, List<History>> runs, Metric metric) {
        return RunCurves.chart(runs, metric);
    }

    /**
     * The learning rate each optimizer uses at every update of a fit of {@code epochs} epochs of
     * {@code updatesPerEpoch} batches, one line per optimizer.
     * {@code Plots.learningRates(Map.of("warm-up", Optimizer.adam(0.01).schedule(Schedule.warmupThenDecay(100, 0.7))), 8, 100)}
     *
     * <p>Introduced in the notebook on learning-rate schedules.
     */
    public static XYChart learningRates(Map<String, Optimizer> optimizers, int epochs, int updatesPerEpoch) {
        return RateCurves.chart(optimizers, epochs, updatesPerEpoch);
    }

    /**
     * Marks one epoch on a curve chart with a dashed vertical line and a label, e.g. early stopping's best epoch.
     * {@code Plots.markEpoch(Plots.loss("big net", history.epochs()), 7, "best validation loss")}
     */
    public static XYChart markEpoch(XYChart chart, int epoch, String label) {
        return Marks.epoch(chart, epoch, label);
    }

    /**
     * Bars of training vs test accuracy per run, from each run's last epoch (validation = test set).
     * {@code Plots.trainVsTest(Map.of("MSE", mse.epochs(), "cross-entropy", ce.epochs()))}
     */
    public static CategoryChart trainVsTest(Map<String, List<EpochStats>> runs) {
        return Bars.trainVsTest(runs);
    }

    /** Bars of training vs test accuracy for every row of a results table. {@code Plots.trainVsTest(results)} */
    public static CategoryChart trainVsTest(Results results) {
        List<Results.Row> rows = results.rows();
        return Bars.trainVsTest("Training vs test accuracy", rows.stream().map(Results.Row::name).toList(),
                rows.stream().mapToDouble(Results.Row::trainAccuracy).toArray(),
                rows.stream().mapToDouble(Results.Row::testAccuracy).toArray());
    }

    /**
     * Mean absolute gradient of each layer (input side first), log scale, several runs overlaid.
     * {@code Plots.gradientsPerLayer(Map.of("13 sigmoid layers", sigmoidGrads, "13 ReLU layers", reluGrads))}
     */
    public static XYChart gradientsPerLayer(Map<String, double[]> runs) {
        return Gradients.perLayer(runs);
    }

    /** Activation functions by name: sigmoid, tanh, relu, leakyrelu, selu, softplus (all when none given). {@code Plots.activations("sigmoid", "relu")} */
    public static XYChart activations(String... names) {
        return Activations.chart(false, names);
    }

    /** The derivatives of the named activation functions (all when none given). {@code Plots.activationDerivatives()} */
    public static XYChart activationDerivatives(String... names) {
        return Activations.chart(true, names);
    }

    /**
     * Greyscale images in a grid with optional captions. Pixels are read as 0–255 when they exceed 1.5 and none is
     * negative, otherwise as 0–1 (values outside, e.g. from added noise, are clipped).
     * {@code Plots.imageGrid(rows, 28, 28, List.of("5", "0", "4"), 10)}
     */
    public static BufferedImage imageGrid(List<float[]> images, int width, int height, List<String> captions,
                                          int columns) {
        return ImageGrid.draw(images, width, height, captions, columns);
    }

    /** Greyscale images without captions, 10 per row. {@code Plots.imageGrid(rows, 28, 28)} */
    public static BufferedImage imageGrid(List<float[]> images, int width, int height) {
        return ImageGrid.draw(images, width, height, List.of(), 10);
    }

    /**
     * The first {@code count} images of a data set (square images, e.g. 784 = 28 × 28) captioned with their labels.
     * {@code Plots.imageGrid(train, 20)}
     */
    public static BufferedImage imageGrid(Dataset data, int count) {
        return ImageGrid.fromDataset(data, count);
    }

    /**
     * A confusion matrix heat map: rows are true classes, columns predicted ones, counts in the cells.
     * {@code Plots.confusionMatrix(counts, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))}
     */
    public static BufferedImage confusionMatrix(int[][] counts, List<String> classNames) {
        return ConfusionMatrixImage.draw(counts, classNames);
    }

    /** Optimizer paths over a surface's height map. {@code Plots.trajectories(Surface.rosenbrock(), adamPath, rmsPath)} */
    public static BufferedImage trajectories(Surface surface, Trajectory... paths) {
        return TrajectoryImage.draw(surface, List.of(paths));
    }

    /**
     * The height f at every step of each path, log scale: who gets low, and how fast.
     * {@code Plots.heightPerStep(adamPath, rmsPropPath)}
     */
    public static XYChart heightPerStep(Trajectory... paths) {
        return StepCurves.heights(List.of(paths));
    }

    /**
     * What Maxout units learned: for each unit its pieces (dashed) and its output, their maximum (thick), along a
     * line through its layer's input space. {@code Plots.maxoutUnits(Maxout.shape(net, 1, 0, a, b), Maxout.shape(net, 1, 1, a, b))}
     */
    public static BufferedImage maxoutUnits(Maxout.UnitShape... shapes) {
        return MaxoutImages.units(List.of(shapes));
    }

    /**
     * Which piece won in each unit for each example (rows), one colour per piece: every example trains its own thin
     * linear network. {@code Plots.activePieces(Maxout.activePieces(net, 1, test.first(8), 60), names)}
     */
    public static BufferedImage activePieces(Maxout.ActivePieces active, List<String> exampleNames) {
        return MaxoutImages.activePieces(active, exampleNames);
    }

    /** An XChart chart rendered to an image. {@code Plots.toImage(Plots.activations())} */
    public static BufferedImage toImage(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Saves a chart as PNG at exactly {@code path} (folders created). {@code Plots.savePng(chart, "out/loss.png")} */
    public static Path savePng(Chart<?, ?> chart, String path) {
        return savePng(toImage(chart), path);
    }

    /** Saves an image as PNG at exactly {@code path} (folders created). {@code Plots.savePng(image, "out/grid.png")} */
    public static Path savePng(BufferedImage image, String path) {
        Path file = Path.of(path);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write PNG to " + file.toAbsolutePath() + ": " + e.getMessage()
                    + "; check that the folder is writable", e);
        }
        return file;
    }
}
