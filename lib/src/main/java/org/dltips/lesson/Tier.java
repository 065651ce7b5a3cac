package org.dltips.lesson;

/**
 * The levels of a {@link Homework}, from not reached to the top one, as in the course's homework baselines.
 * Introduced in the homework notebook (13).
 *
 * <p>{@code if (feedback.tier().atLeast(Tier.PASS)) ...}
 */
public enum Tier {
    /** Below the pass target. */
    NONE("none", "not reached yet"),
    /** The pass target: the lowest accuracy that completes the homework. */
    PASS("pass", "pass"),
    /** The strong target: the tips used well. */
    STRONG("strong", "strong"),
    /** The boss target: the tips combined. */
    BOSS("boss", "boss");

    private final String key;
    private final String label;

    Tier(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The lower-case name used in JSON: "none", "pass", "strong", "boss". */
    public String key() {
        return key;
    }

    /** The name shown to students. */
    public String label() {
        return label;
    }

    /** True when this tier is {@code other} or above. {@code Tier.STRONG.atLeast(Tier.PASS)} is true. */
    public boolean atLeast(Tier other) {
        return compareTo(other) >= 0;
    }

    /** The tier above this one, or null for {@link #BOSS}. */
    public Tier next() {
        return this == BOSS ? null : values()[ordinal() + 1];
    }
}
