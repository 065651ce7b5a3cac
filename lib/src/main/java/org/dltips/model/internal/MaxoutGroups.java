package org.dltips.model.internal;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * Configuration of the second half of a Maxout layer: it takes {@code units * pieces} linear values per example
 * (the dense layer before it, without activation) and outputs, for each of the {@code units}, the largest of its
 * {@code pieces}. Piece {@code p} of unit {@code j} is input column {@code p * units + j}, so each piece is one
 * contiguous block of columns. It has no parameters of its own: the pieces' weights are the dense layer's.
 *
 * <p>{@code list.layer(denseOf(units * pieces)).layer(new MaxoutGroups(units, pieces))}
 *
 * <p>The public no-argument constructor is the one DL4J's JSON reader uses when a saved network is loaded.
 */
public class MaxoutGroups extends NoParamLayer {

    private int units;
    private int pieces;

    /** An empty configuration, to be filled by setters or by DL4J's JSON reader. */
    public MaxoutGroups() {
    }

    /** {@code units} outputs, each the maximum of {@code pieces} inputs. */
    public MaxoutGroups(int units, int pieces) {
        if (units < 1 || pieces < 2) {
            throw new IllegalArgumentException("a Maxout layer got " + units + " units of " + pieces
                    + " pieces; expected 1 or more units of 2 or more pieces, e.g. maxout(689, 2)");
        }
        this.units = units;
        this.pieces = pieces;
    }

    /** Outputs per example. */
    public int getUnits() {
        return units;
    }

    public void setUnits(int units) {
        this.units = units;
    }

    /** Linear pieces per unit. */
    public int getPieces() {
        return pieces;
    }

    public void setPieces(int pieces) {
        this.pieces = pieces;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                             INDArray parameterView, boolean initializeParameters, DataType dataType) {
        MaxoutGroupsLayer layer = new MaxoutGroupsLayer(conf, dataType);
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(parameterView);
        layer.setParamTable(initializer().init(conf, parameterView, initializeParameters));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType == null || inputType.arrayElementsPerExample() != (long) units * pieces) {
            throw new IllegalStateException("Maxout layer " + layerIndex + " expects " + (long) units * pieces
                    + " inputs per example (" + units + " units x " + pieces + " pieces), got " + inputType);
        }
        return InputType.feedForward(units);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        return new LayerMemoryReport.Builder(getLayerName(), MaxoutGroups.class, inputType, out)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, out.arrayElementsPerExample())
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public MaxoutGroups clone() {
        return (MaxoutGroups) super.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MaxoutGroups m && m.units == units && m.pieces == pieces && super.equals(other);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * super.hashCode() + units) + pieces;
    }

    @Override
    public String toString() {
        return "MaxoutGroups(units=" + units + ", pieces=" + pieces + ")";
    }
}
