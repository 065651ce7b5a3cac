package org.dltips.train.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private static final long SHARED_FROM = 1 << 18; // parameters from which a second core takes half the work

    private final INDArray gradient;
    private final List<Block> blocks;
    private final List<Lane> lanes;
    private final ExecutorService helper; // runs the second lane; null with one lane

    private ParameterUpdate(INDArray gradient, FloatPointer paramData, List<Block> blocks, int laneCount) {
        this.gradient = gradient;
        this.blocks = blocks;
        FloatPointer gradientData = Blas.vector(gradient);
        long total = gradient.length();
        this.lanes = new ArrayList<>();
        long share = (total + laneCount - 1) / laneCount;
        for (int k = 0; k < laneCount; k++) {
            lanes.add(new Lane(new FloatPointer(gradientData), new FloatPointer(paramData), k * share, (k + 1) * share));
        }
        this.helper = laneCount < 2 ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "dltips-update");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The update of {@code model}, or null when its updater or regularization is one this class does not compute
     * (then DL4J's fit trains it).
     */
    static ParameterUpdate forModel(MultiLayerNetwork model) {
        boolean shared = model.numParams() >= SHARED_FROM && Runtime.getRuntime().availableProcessors() > 1;
        return forModel(model, shared ? 2 : 1);
    }

    /** Like {@link #forModel(MultiLayerNetwork)}, with the work split between {@code threads} threads (1 or 2). */
    static ParameterUpdate forModel(MultiLayerNetwork model, int threads) {
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
        return new ParameterUpdate(Nd4j.create(DataType.FLOAT, params.length()), paramData, blocks, threads);
    }

    /** The flat gradient, one value per parameter in the network's parameter order, to be filled before apply. */
    INDArray gradient() {
        return gradient;
    }

    /**
     * Updates the weights from {@link #gradient} as update {@code iteration} of epoch {@code epoch}, and returns
     * the regularization penalty of the weights before the update, which DL4J adds to the batch's score. On a
     * machine with two or more cores and a network of 262 144 parameters or more, a second thread updates the
     * second half of the parameters meanwhile.
     */
    double apply(int iteration, int epoch) {
        for (Block block : blocks) {
            block.rule.begin(iteration, epoch);
        }
        if (helper == null) {
            return lanes.get(0).run(iteration, epoch);
        }
        Future<Double> second = helper.submit(() -> lanes.get(1).run(iteration, epoch));
        double penalty = lanes.get(0).run(iteration, epoch);
        boolean interrupted = false;
        while (true) {
            try {
                penalty += second.get(); // waited for even when interrupted: the weights must not be half updated
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                throw new IllegalStateException("updating the weights failed", e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return penalty;
    }

    private static double valueAt(ISchedule schedule, int iteration, int epoch) {
        return schedule == null ? 0 : schedule.valueAt(iteration, epoch);
    }

    /** Writes the updater state back into the network's updater, frees the gradient and ends the helper thread. */
    @Override
    public void close() {
        if (helper != null) {
            helper.shutdownNow();
        }
        for (Block block : blocks) {
            block.store();
        }
        gradient.close();
    }

    /** The parameters one thread updates, {@code [from, to)} of the flat order, with its own buffers and pointers. */
    private final class Lane {
        private final FloatPointer gradientData;
        private final FloatPointer paramData;
        private final long from;
        private final long to;
        private final float[] g = new float[RUN];
        private final float[] p = new float[RUN];
        private final float[][] stateRuns = new float[UpdateRule.MOST_STATE_ARRAYS][RUN];

        Lane(FloatPointer gradientData, FloatPointer paramData, long from, long to) {
            this.gradientData = gradientData;
            this.paramData = paramData;
            this.from = from;
            this.to = to;
        }

        double run(int iteration, int epoch) {
            double penalty = 0;
            for (Block block : blocks) {
                for (Variable v : block.variables) {
                    int start = (int) Math.max(v.start, from);
                    int end = (int) Math.min(v.end, to);
                    if (start < end) {
                        penalty += update(block, v, start, end, iteration, epoch);
                    }
                }
            }
            return penalty;
        }

        private double update(Block block, Variable v, int start, int end, int iteration, int epoch) {
            double l1 = valueAt(v.l1, iteration, epoch);
            double l2 = valueAt(v.l2, iteration, epoch);
            double decay = valueAt(v.decay, iteration, epoch);
            float decayStep = (float) (v.decayScalesWithRate ? decay * block.rule.rate() : decay);
            double absSum = 0;
            double squareSum = 0;
            for (int at = start; at < end; at += RUN) {
                int n = Math.min(RUN, end - at);
                gradientData.position(at).get(g, 0, n);
                paramData.position(at).get(p, 0, n);
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
                float[][] state = block.state;
                for (int k = 0; k < state.length; k++) {
                    System.arraycopy(state[k], at - block.start, stateRuns[k], 0, n);
                }
                block.rule.apply(g, n, stateRuns);
                for (int k = 0; k < state.length; k++) {
                    System.arraycopy(stateRuns[k], 0, state[k], at - block.start, n);
                }
                if (decayStep != 0) {
                    for (int i = 0; i < n; i++) {
                        g[i] += decayStep * p[i];
                    }
                }
                for (int i = 0; i < n; i++) {
                    p[i] -= g[i];
                }
                paramData.position(at).put(p, 0, n);
            }
            return l1 * absSum + (l2 + decay) * 0.5 * squareSum;
        }
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
