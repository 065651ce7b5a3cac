package org.dltips.model.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/**
 * Configuration of a fully connected layer with a skip connection: {@code out = x + act(x W + b)}, so input and
 * output have the same width. It is a {@link DenseLayer} with the same parameters ("W" and "b"), which keeps
 * everything that works with dense layers (training, per-layer gradients, saving) working with it.
 *
 * <p>{@code list.layer(new ResidualDense(256, Activation.RELU.getActivationFunction()))}
 *
 * <p>The public no-argument constructor is the one DL4J's JSON reader uses when a saved network is loaded.
 */
public class ResidualDense extends DenseLayer {

    /**
     * An empty configuration with a bias and the defaults DL4J's dense-layer builder sets, to be filled by
     * setters or by DL4J's JSON reader.
     */
    public ResidualDense() {
        setHasBias(true);
        setHasLayerNorm(false);
        setGainInit(1.0);
    }

    /** A residual layer of {@code width} units in and out with the given activation. */
    public ResidualDense(int width, IActivation activation) {
        this();
        if (width < 1) {
            throw new IllegalArgumentException("a residual layer got width " + width + "; expected 1 or more units");
        }
        setNIn(width);
        setNOut(width);
        setActivationFn(activation);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray parameterView, boolean initializeParameters, DataType dataType) {
        if (getNIn() != getNOut()) {
            throw new IllegalStateException("residual layer " + index + " has " + getNIn() + " inputs and "
                    + getNOut() + " outputs; a skip connection adds the input to the output, so both must be equal");
        }
        ResidualDenseLayer layer = new ResidualDenseLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(parameterView);
        Map<String, INDArray> parameters = initializer().init(conf, parameterView, initializeParameters);
        layer.setParamTable(parameters);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidualDense && super.equals(other);
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof ResidualDense;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "Residual" + super.toString();
    }
}
