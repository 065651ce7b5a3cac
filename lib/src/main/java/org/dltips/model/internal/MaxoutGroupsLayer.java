package org.dltips.model.internal;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The working part of {@link MaxoutGroups}: the forward pass as element-wise maxima of the pieces' blocks of
 * columns, the backward pass written from the formulas in double precision on Java arrays.
 *
 * <p>Forward: {@code a[j] = max over p of z[p * units + j]}. Backward, with {@code e = dL/da}: the gradient goes
 * to the piece that was the maximum and to no other, {@code dL/dz[p * units + j] = e[j]} for that piece, 0 for
 * the rest; where two pieces tie, the first one counts as the maximum. So each example trains, in every unit,
 * only its winning piece: a thin linear network of its own.
 *
 * <p>{@code new MaxoutGroupsLayer(conf, DataType.FLOAT)} (DL4J creates it through {@link MaxoutGroups}).
 */
public final class MaxoutGroupsLayer extends AbstractLayer<MaxoutGroups> {

    /** Created by {@link MaxoutGroups#instantiate}. */
    public MaxoutGroupsLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        long units = layerConf().getUnits();
        checkedRows(input, units * layerConf().getPieces());
        // element-wise maxima of the pieces' column blocks: no copy of the input, which can be large at inference
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                new long[] {input.rows(), units}, 'c');
        out.assign(input.get(NDArrayIndex.all(), NDArrayIndex.interval(0, units)));
        for (long p = 1; p < layerConf().getPieces(); p++) {
            Transforms.max(out, input.get(NDArrayIndex.all(), NDArrayIndex.interval(p * units, (p + 1) * units)), false);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        int units = layerConf().getUnits();
        int pieces = layerConf().getPieces();
        int rows = checkedRows(input, units * pieces);
        double[] z = input.dup('c').data().asDouble();
        double[] e = epsilon.dup('c').data().asDouble();
        double[] dz = new double[rows * units * pieces];
        for (int r = 0; r < rows; r++) {
            int row = r * units * pieces;
            for (int j = 0; j < units; j++) {
                dz[row + winner(z, row, j, units, pieces) * units + j] = e[r * units + j];
            }
        }
        INDArray grad = Nd4j.create(dz, new long[] {rows, (long) units * pieces}, 'c').castTo(epsilon.dataType());
        return new Pair<>(new DefaultGradient(), workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, grad));
    }

    /**
     * The piece of unit {@code j} that is largest in the row of pieces starting at {@code row} of the row-major
     * values {@code z}; the first of equals.
     */
    public static int winner(double[] z, int row, int j, int units, int pieces) {
        int best = 0;
        double max = z[row + j];
        for (int p = 1; p < pieces; p++) {
            double v = z[row + p * units + j];
            if (v > max) {
                max = v;
                best = p;
            }
        }
        return best;
    }

    private int checkedRows(INDArray x, long width) {
        if (x.rank() != 2 || x.columns() != width) {
            throw new IllegalStateException("Maxout layer " + index + " expects " + width + " columns ("
                    + layerConf().getUnits() + " units x " + layerConf().getPieces() + " pieces), got "
                    + java.util.Arrays.toString(x.shape()));
        }
        return (int) x.rows();
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters, so no noise
    }

    @Override
    public INDArray params() {
        return null;
    }
}
