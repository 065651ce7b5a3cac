package org.dltips.widgets;

/**
 * A slider on a log scale, for values that span powers of ten, such as a learning rate from 0.0001 to 1.
 * Introduced in the notebook "Playground".
 *
 * <p>{@code FloatLogSlider rate = FloatLogSlider.of("learning rate", 1e-4, 1, 0.01); double lr = rate.value();}
 */
public final class FloatLogSlider extends Widget {

    /** Steps per power of ten. */
    private static final int STEPS_PER_DECADE = 20;

    private FloatLogSlider(String description, double min, double max, double value) {
        super("FloatLogSlider", Attributes.described(description)
                .with("value", value).with("base", 10.0)
                .with("min", Math.log10(min)).with("max", Math.log10(max)).with("step", 1.0 / STEPS_PER_DECADE)
                .with("orientation", "horizontal").with("readout", true).with("readout_format", ".3g")
                .with("continuous_update", true).with("behavior", "drag-tap").map());
    }

    /** A slider from {@code min} to {@code max} (both above 0), 20 steps per power of ten, at {@code value}. */
    public static FloatLogSlider of(String description, double min, double max, double value) {
        if (!(min > 0)) {
            throw new IllegalArgumentException("FloatLogSlider \"" + description + "\" needs min above 0 (its scale "
                    + "is logarithmic), received " + min + "; e.g. FloatLogSlider.of(\"rate\", 1e-4, 1, 0.01)");
        }
        Attributes.checkRange("FloatLogSlider \"" + description + "\"", min, max, value);
        return new FloatLogSlider(description, min, max, value);
    }

    public double value() {
        return ((Number) get("value")).doubleValue();
    }

    /** Moves the slider (clamped to its range); listeners run as after a change in the notebook. */
    public FloatLogSlider setValue(double value) {
        double min = Math.pow(10, ((Number) get("min")).doubleValue());
        double max = Math.pow(10, ((Number) get("max")).doubleValue());
        set("value", Math.max(min, Math.min(max, value)));
        return this;
    }

    @Override
    Object accept(String key, Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    @Override
    public String toString() {
        return "FloatLogSlider(" + get("description") + " = " + value() + ")";
    }
}
