package org.dltips.model.internal;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The working part of {@link ResidualDense}: a DL4J dense layer whose output gets its input added, and whose
 * backward pass adds the incoming gradient to the gradient flowing back through the weights.
 *
 * <p>Forward: {@code out = x + act(x W + b)}. Backward, with {@code e = dL/dout}: the weight and bias gradients
 * are those of the dense branch alone, and {@code dL/dx = e + (dense branch's dL/dx)}: the skip path hands the
 * gradient to the layer below unchanged, however small the branch's share is.
 *
 * <p>{@code new ResidualDenseLayer(conf, DataType.FLOAT)} (DL4J creates it through {@link ResidualDense}).
 */
public final class ResidualDenseLayer extends DenseLayer {

    /** Created by {@link ResidualDense#instantiate}. */
    public ResidualDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray branch = super.activate(training, workspaceMgr);
        return branch.addi(input.castTo(branch.dataType()));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray skip = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon);
        Pair<Gradient, INDArray> branch = super.backpropGradient(epsilon, workspaceMgr);
        branch.getSecond().addi(skip.castTo(branch.getSecond().dataType()));
        return branch;
    }
}
