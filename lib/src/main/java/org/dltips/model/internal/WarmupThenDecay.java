package org.dltips.model.internal;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A learning rate that rises linearly from base/warmup to base over the first {@code warmupUpdates} updates,
 * then shrinks by {@code factorPerEpoch} every epoch: {@code base * factorPerEpoch^epoch}.
 *
 * <p>{@code new WarmupThenDecay(0.001, 100, 0.9).valueAt(49, 0) == 0.0005}
 */
public final class WarmupThenDecay implements ISchedule {

    private final double base;
    private final int warmupUpdates;
    private final double factorPerEpoch;

    /** Base rate, length of the warm-up in updates (batches), and the decay factor applied each epoch. */
    public WarmupThenDecay(@JsonProperty("base") double base, @JsonProperty("warmupUpdates") int warmupUpdates,
                           @JsonProperty("factorPerEpoch") double factorPerEpoch) {
        this.base = base;
        this.warmupUpdates = warmupUpdates;
        this.factorPerEpoch = factorPerEpoch;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        if (iteration < warmupUpdates) {
            return base * (iteration + 1) / warmupUpdates;
        }
        return base * Math.pow(factorPerEpoch, epoch);
    }

    @Override
    public ISchedule clone() {
        return new WarmupThenDecay(base, warmupUpdates, factorPerEpoch);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WarmupThenDecay w && w.base == base && w.warmupUpdates == warmupUpdates
                && w.factorPerEpoch == factorPerEpoch;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(base) * 31 + warmupUpdates * 17 + Double.hashCode(factorPerEpoch);
    }
}
