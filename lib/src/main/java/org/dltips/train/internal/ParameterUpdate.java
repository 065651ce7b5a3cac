package org.dltips.train.internal;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The weight update of a training step as DL4J's updater performs it, for every updater {@link UpdateRule}
 * computes: L1 and L2 added to the gradient, the updater's step, weight decay added to the step, and the step
 * subtracted from the weights, with the network's own updater blocks, learning rates and schedules. The
 * gradient arrives in {@link #gradient}, a flat array laid out like the network's parameters; the update runs in
 * Java over cache-sized runs of it, and the updater's state (Adam's moments and the like) is held in Java arrays
 * during a fit, read from the network's updater when it starts and written back by {@link #close}, so DL4J's own
 * {@code fit}, saving and a later fit continue from it.
 *
 * <p>{@code ParameterUpdate u = ParameterUpdate.forModel(model); ...fill u.gradient()...; u.apply(iteration, epoch);}
 */
final class ParameterUpdate implements AutoCloseable {

    private static final int RUN = 8192; // floats per pass: the gradient, weight and state runs stay in cache

    private final INDArray gradient;
    private final FloatPointer gradientData;
    private final FloatPointer paramData;
    private final List<Block> blocks;
    private final float[] g = new float[RUN];
    private final float[] p = new float[RUN];

    private ParameterUpdate(INDArray gradient, FloatPointer paramData, List<Block> blocks) {
        this.gradient = gradient;
        this.gradientData = Blas.vector(gradient);
        this.paramData = paramData;
        this.blocks = blocks;
    }

    /**
     * The update of {@code model}, or null when its updater or regularization is one this class does not compute
     * (then DL4J's fit trains it).
     */
    static ParameterUpdate forModel(MultiLayerNetwork model) {
        INDArray params = model.params();
        FloatPointer paramData = params.dataType() == DataType.FLOAT ? Blas.vector(params) : null;
        Updater updater = model.getUpdater(true);
        if (paramData == null || !(updater instanceof BaseMultiLayerUpdater<?> multi)) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        for (UpdaterBlock block : multi.getUpdaterBlocks()) {
            Block b = Block.of(block);
            if (b == null) {
                return null;
            }
            blocks.add(b);
        }
        return new ParameterUpdate(Nd4j.create(DataType.FLOAT, params.length()), paramData, blocks);
    }

    /** The flat gradient, one value per parameter in the network's parameter order, to be filled before apply. */
    INDArray gradient() {
        return gradient;
    }

    /**
     * Updates the weights from {@link #gradient} as update {@code iteration} of epoch {@code epoch}, and returns
     * the regularization penalty of the weights before the update, which DL4J adds to the batch's score.
     */
    double apply(int iteration, int epoch) {
        double penalty = 0;
        for (Block block : blocks) {
            block.rule.begin(iteration, epoch);
            for (Variable v : block.variables) {
                penalty += update(block, v, iteration, epoch);
            }
        }
        return penalty;
    }

    private double update(Block block, Variable v, int iteration, int epoch) {
        double l1 = valueAt(v.l1, iteration, epoch);
        double l2 = valueAt(v.l2, iteration, epoch);
        double decay = valueAt(v.decay, iteration, epoch);
        float decayStep = (float) (v.decayScalesWithRate ? decay * block.rule.rate() : decay);
        double absSum = 0;
        double squareSum = 0;
        for (int from = v.start; from < v.end; from += RUN) {
            int n = Math.min(RUN, v.end - from);
            gradientData.position(from).get(g, 0, n);
            paramData.position(from).get(p, 0, n);
            if (l1 != 0 || l2 != 0 || decay != 0) {
                float a = (float) l1;
                float b = (float) l2;
                for (int i = 0; i < n; i++) {
                    float w = p[i];
                    absSum += Math.abs(w);
                    squareSum += w * w;
                    g[i] += b * w + a * Math.signum(w);
                }
            }
            block.rule.apply(g, n, block.state, from - block.start);
            if (decayStep != 0) {
                for (int i = 0; i < n; i++) {
                    g[i] += decayStep * p[i];
                }
            }
            for (int i = 0; i < n; i++) {
                p[i] -= g[i];
            }
            paramData.position(from).put(p, 0, n);
        }
        return l1 * absSum + (l2 + decay) * 0.5 * squareSum;
    }

    private static double valueAt(ISchedule schedule, int iteration, int epoch) {
        return schedule == null ? 0 : schedule.valueAt(iteration, epoch);
    }

    /** Writes the updater state back into the network's updater and frees the gradient. */
    @Override
    public void close() {
        for (Block block : blocks) {
            block.store();
        }
        gradient.close();
    }

    /** One DL4J updater block: a run of parameters with one updater, and that updater's state. */
    private record Block(UpdateRule rule, int start, INDArray view, float[][] state, List<Variable> variables) {

        static Block of(UpdaterBlock block) {
            UpdateRule rule = UpdateRule.of(block.getGradientUpdater().getConfig()); // also initializes the state
            if (rule == null) {
                return null;
            }
            int start = block.getParamOffsetStart();
            int length = block.getParamOffsetEnd() - start;
            INDArray view = block.getUpdaterView();
            int arrays = rule.stateArrays();
            if (arrays > 0 && (view == null || view.length() != (long) arrays * length)) {
                return null;
            }
            float[][] state = new float[arrays][];
            INDArray flat = arrays == 0 ? null : view.reshape(view.length());
            for (int k = 0; k < arrays; k++) {
                state[k] = flat.get(NDArrayIndex.interval((long) k * length, (long) (k + 1) * length)).toFloatVector();
            }
            List<Variable> variables = new ArrayList<>();
            for (UpdaterBlock.ParamState ps : block.getLayersAndVariablesInBlock()) {
                Variable v = Variable.of(ps);
                if (v == null) {
                    return null;
                }
                variables.add(v);
            }
            return new Block(rule, start, view, state, variables);
        }

        void store() {
            if (state.length == 0) {
                return;
            }
            INDArray flat = view.reshape(view.length());
            int length = state[0].length;
            for (int k = 0; k < state.length; k++) {
                INDArray values = Nd4j.createFromArray(state[k]);
                flat.get(NDArrayIndex.interval((long) k * length, (long) (k + 1) * length)).assign(values);
                values.close();
            }
        }
    }

    /** One layer's weights or biases: where they are, and their L1, L2 and weight decay (null when absent). */
    private record Variable(int start, int end, ISchedule l1, ISchedule l2, ISchedule decay,
                            boolean decayScalesWithRate) {

        static Variable of(UpdaterBlock.ParamState ps) {
            List<Regularization> list = ps.getLayer().getConfig().getRegularizationByParam(ps.getParamName());
            ISchedule l1 = null;
            ISchedule l2 = null;
            ISchedule decay = null;
            boolean withRate = false;
            for (Regularization r : list == null ? List.<Regularization>of() : list) {
                if (r.getClass() == L1Regularization.class && l1 == null) {
                    l1 = ((L1Regularization) r).getL1();
                } else if (r.getClass() == L2Regularization.class && l2 == null) {
                    l2 = ((L2Regularization) r).getL2();
                } else if (r.getClass() == WeightDecay.class && decay == null) {
                    decay = ((WeightDecay) r).getCoeff();
                    withRate = ((WeightDecay) r).isApplyLR();
                } else {
                    return null; // another kind, or two of one kind
                }
            }
            return new Variable(ps.getParamOffsetStart(), ps.getParamOffsetEnd(), l1, l2, decay, withRate);
        }
    }
}
