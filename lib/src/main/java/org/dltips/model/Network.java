package org.dltips.model;

import org.dltips.data.Dataset;
import org.dltips.model.internal.NativeTuning;
import org.dltips.model.internal.Probe;
import org.dltips.train.Evaluation;
import org.dltips.train.Fit;
import org.dltips.train.History;
import org.dltips.train.Trainer;
import org.dltips.train.internal.DenseForward;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fully connected classifier over DL4J that trains with {@code fit}, reports a {@link History}, and can be
 * evaluated, inspected (gradients, activations), saved and loaded.
 *
 * <p>{@code Network net = Network.input(784).hidden(3, 689, Activation.SIGMOID).softmax(10).build();
 * History h = net.fit(train, test, 20, 100);}
 *
 * <p>Introduced in the notebook of the live demo. {@link #model()} gives the DL4J network underneath.
 */
public final class Network {

    private static final int OUTPUT_CHUNK = DenseForward.CHUNK;

    private final MultiLayerNetwork model;
    private final long seed;
    private final Random shuffling;
    private final String description;
    private History history;

    private Network(MultiLayerNetwork model, long seed, String description) {
        NativeTuning.applyOnce();
        this.model = model;
        this.seed = seed;
        this.shuffling = new Random(seed);
        this.description = description;
    }

    /** Starts describing a network whose examples have {@code inputSize} features. {@code Network.input(784)} */
    public static NetworkBuilder input(int inputSize) {
        return new NetworkBuilder(inputSize);
    }

    static Network create(MultiLayerConfiguration configuration, long seed, String description) {
        MultiLayerNetwork model = new MultiLayerNetwork(configuration);
        model.init();
        return new Network(model, seed, description);
    }

    /** Wraps a DL4J network whose last layer is a softmax output; shuffling uses its configured seed. */
    public static Network wrap(MultiLayerNetwork model) {
        long seed = model.getLayerWiseConfigurations().getConf(0).getSeed();
        return new Network(model, seed, model.numParams() + " parameters, seed " + seed);
    }

    /**
     * Trains and returns what each epoch measured; evaluates on {@code validation} (may be null) after each epoch.
     * Calling fit again continues from the current weights.
     *
     * @throws org.dltips.train.TrainingInterruptedException when interrupted; weights and {@link #history()} are kept
     */
    public History fit(Dataset train, Dataset validation, Fit fit) {
        Trainer.check(this, train, validation);
        history = new History(fit.epochs());
        return Trainer.run(this, train, validation, fit, history, shuffling);
    }

    /** {@code fit(train, validation, Fit.epochs(epochs).batchSize(batchSize))}. */
    public History fit(Dataset train, Dataset validation, int epochs, int batchSize) {
        return fit(train, validation, Fit.epochs(epochs).batchSize(batchSize));
    }

    /** Trains without a validation set. */
    public History fit(Dataset train, Fit fit) {
        return fit(train, null, fit);
    }

    /** The history of the latest fit, also when it was interrupted or stopped early; null before any fit. */
    public History history() {
        return history;
    }

    /** Loss, accuracy, confusion matrix and prediction shares on {@code data} (dropout off). */
    public Evaluation evaluate(Dataset data) {
        return Evaluation.of(this, data);
    }

    /** The most probable class of every example. */
    public int[] predict(Dataset data) {
        return evaluate(data).predictions();
    }

    /**
     * Class probabilities, one row per row of {@code features} (dropout off); computed in chunks through the
     * library's own inference pass when the network has one, as {@link #evaluate} does.
     */
    public INDArray output(INDArray features) {
        return DenseForward.outputs(model, features, OUTPUT_CHUNK);
    }

    /**
     * Mean |dL/dW| per layer on the first {@code batchSize} examples of {@code data} (the vanishing-gradient plot).
     * Weights do not change.
     */
    public List<LayerGradient> gradients(Dataset data, int batchSize) {
        int n = Math.min(batchSize, data.size());
        return Probe.gradients(model, data.features().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()),
                data.targets().get(NDArrayIndex.interval(0, n), NDArrayIndex.all()));
    }

    /** Output statistics of each hidden layer on {@code data}: mean, spread, share saturated. */
    public List<LayerActivation> activations(Dataset data) {
        return Probe.activations(model, data.features());
    }

    /**
     * The learned slopes of every parametric ReLU layer ({@link Activation#PRELU}), input side first: one array per
     * layer, one slope per unit (each starts at 0.25). Empty when the network has no such layer.
     * {@code net.preluSlopes().get(0)[5]}
     */
    public List<double[]> preluSlopes() {
        List<double[]> slopes = new ArrayList<>();
        for (org.deeplearning4j.nn.api.Layer layer : model.getLayers()) {
            if (layer.conf().getLayer() instanceof PReLULayer) {
                slopes.add(layer.getParam("W").toDoubleVector());
            }
        }
        return slopes;
    }

    /** Writes weights, configuration and optimizer state to {@code file}. {@code net.save(Path.of("best.zip"))} */
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ModelSerializer.writeModel(model, file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the network to " + file + ": " + e.getMessage()
                    + "; check that the directory is writable", e);
        }
    }

    /** Reads a network written by {@link #save(Path)}. {@code Network.load(Path.of("best.zip"))} */
    public static Network load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no saved network at " + file.toAbsolutePath()
                    + "; expected a file written by net.save(path)");
        }
        try {
            return wrap(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true));
        } catch (IOException e) {
            throw new UncheckedIOException("could not load a network from " + file + ": " + e.getMessage()
                    + "; expected a file written by net.save(path)", e);
        }
    }

    /** The loss this network minimizes. */
    public Loss loss() {
        BaseOutputLayer out = (BaseOutputLayer) model.getLayerWiseConfigurations()
                .getConf(model.getnLayers() - 1).getLayer();
        return out.getLossFn() instanceof LossMSE ? Loss.MSE : Loss.CROSS_ENTROPY;
    }

    /** Features per example. */
    public int inputSize() {
        return (int) ((FeedForwardLayer) model.getLayerWiseConfigurations().getConf(0).getLayer()).getNIn();
    }

    /** Number of classes (softmax outputs). */
    public int outputSize() {
        return (int) ((FeedForwardLayer) model.getLayerWiseConfigurations()
                .getConf(model.getnLayers() - 1).getLayer()).getNOut();
    }

    /** The seed the network was built with. */
    public long seed() {
        return seed;
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        return model.numParams();
    }

    /** The DL4J network underneath, for anything this class does not cover. */
    public MultiLayerNetwork model() {
        return model;
    }

    @Override
    public String toString() {
        return "Network " + description + " (" + parameterCount() + " parameters)";
    }
}
