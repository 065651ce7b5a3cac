package org.dltips.model.internal;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.Map;
import java.util.Objects;

/**
 * Classical (heavy-ball) momentum, which DL4J lacks: {@code v = momentum * v + rate * g; w -= v}.
 * DL4J's {@code Nesterovs} is the look-ahead variant.
 *
 * <p>{@code new Momentum(0.1, 0.9, null)}
 */
public final class Momentum implements IUpdater {

    private double learningRate;
    private double momentum;
    private ISchedule learningRateSchedule;

    private Momentum() {
        // for JSON
    }

    /** Learning rate, momentum in [0, 1), and an optional schedule that overrides the rate. */
    public Momentum(double learningRate, double momentum, ISchedule learningRateSchedule) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.learningRateSchedule = learningRateSchedule;
    }

    /** The momentum coefficient. */
    public double momentum() {
        return momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        Updater updater = new Updater(this);
        updater.setState(state, initializeStateArrays);
        return updater;
    }

    @Override
    public IUpdater clone() {
        return new Momentum(learningRate, momentum, learningRateSchedule == null ? null : learningRateSchedule.clone());
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule == null ? learningRate : learningRateSchedule.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule schedule) {
        this.learningRate = lr;
        this.learningRateSchedule = schedule;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Momentum m && m.learningRate == learningRate && m.momentum == momentum
                && Objects.equals(m.learningRateSchedule, learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    @Override
    public String toString() {
        return "Momentum(learningRate=" + learningRate + ", momentum=" + momentum + ")";
    }

    /** Holds the velocity and turns a gradient into the step to subtract. */
    static final class Updater implements GradientUpdater<Momentum> {
        private final Momentum config;
        private INDArray velocity;

        Updater(Momentum config) {
            this.config = config;
        }

        @Override
        public Momentum getConfig() {
            return config;
        }

        @Override
        public void setState(Map<String, INDArray> state, boolean initialize) {
            velocity = state.get("V");
            if (initialize) {
                velocity.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of("V", velocity);
        }

        @Override
        public void setStateViewArray(INDArray view, long[] shape, char order, boolean initialize) {
            if (initialize) {
                view.assign(0);
            }
            velocity = view.reshape(order, shape);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            double rate = config.getLearningRate(iteration, epoch);
            velocity.muli(config.momentum).addi(gradient.muli(rate));
            gradient.assign(velocity);
        }
    }
}
