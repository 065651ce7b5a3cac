package org.dltips.lesson;

import org.dltips.lesson.internal.Text;

/**
 * The test accuracies a {@link Homework} asks for: pass, strong and boss, each higher than the one before.
 * Introduced in the homework notebook (13).
 *
 * <p>{@code Targets.of(0.60, 0.70, 0.85).tierOf(0.72)} is {@link Tier#STRONG}.
 *
 * @param pass   the lowest test accuracy that completes the homework
 * @param strong the test accuracy of a strong attempt
 * @param boss   the test accuracy of the top tier
 */
public record Targets(double pass, double strong, double boss) {

    /** Checks that {@code 0 < pass < strong < boss <= 1}. */
    public Targets {
        if (!(0 < pass && pass < strong && strong < boss && boss <= 1)) {
            throw new IllegalArgumentException("the targets must rise within (0, 1]: 0 < pass < strong < boss <= 1, "
                    + "got pass " + Text.number(pass) + ", strong " + Text.number(strong) + ", boss "
                    + Text.number(boss) + "; e.g. targets(0.60, 0.70, 0.85)");
        }
    }

    /** Targets from the three accuracies. {@code Targets.of(0.60, 0.70, 0.85)} */
    public static Targets of(double pass, double strong, double boss) {
        return new Targets(pass, strong, boss);
    }

    /** The highest tier whose target {@code testAccuracy} reaches; {@link Tier#NONE} below pass or when NaN. */
    public Tier tierOf(double testAccuracy) {
        if (testAccuracy >= boss) {
            return Tier.BOSS;
        }
        if (testAccuracy >= strong) {
            return Tier.STRONG;
        }
        return testAccuracy >= pass ? Tier.PASS : Tier.NONE;
    }

    /** The accuracy a tier asks for; 0 for {@link Tier#NONE}. {@code targets.accuracyFor(Tier.PASS)} */
    public double accuracyFor(Tier tier) {
        return switch (tier) {
            case NONE -> 0;
            case PASS -> pass;
            case STRONG -> strong;
            case BOSS -> boss;
        };
    }

    /** {@code {"pass": 0.6, "strong": 0.7, "boss": 0.85}} */
    String toJson() {
        return "{\"pass\": " + Text.jsonNumber(pass) + ", \"strong\": " + Text.jsonNumber(strong) + ", \"boss\": "
                + Text.jsonNumber(boss) + "}";
    }
}
