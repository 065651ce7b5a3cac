package org.dltips.widgets;

import java.math.BigDecimal;

/**
 * A slider over real numbers on an even scale, such as momentum or a dropout rate. Introduced in the notebook
 * "Playground".
 *
 * <p>{@code FloatSlider momentum = FloatSlider.of("momentum", 0, 0.99, 0.01, 0.9); double m = momentum.value();}
 */
public final class FloatSlider extends Widget {

    private FloatSlider(String description, double min, double max, double step, double value) {
        super("FloatSlider", Attributes.described(description)
                .with("value", value).with("min", min).with("max", max).with("step", step)
                .with("orientation", "horizontal").with("readout", true).with("readout_format", format(step))
                .with("continuous_update", true).with("behavior", "drag-tap").map());
    }

    /** A slider from {@code min} to {@code max} in steps of {@code step}, starting at {@code value}. */
    public static FloatSlider of(String description, double min, double max, double step, double value) {
        Attributes.checkRange("FloatSlider \"" + description + "\"", min, max, value);
        if (!(step > 0) || step > max - min) {
            throw new IllegalArgumentException("FloatSlider \"" + description + "\" needs a step above 0 and at most "
                    + "max - min = " + (max - min) + ", received " + step);
        }
        return new FloatSlider(description, min, max, step, value);
    }

    public double value() {
        return ((Number) get("value")).doubleValue();
    }

    /** Moves the slider (clamped to its range); listeners run as after a change in the notebook. */
    public FloatSlider setValue(double value) {
        double min = ((Number) get("min")).doubleValue();
        double max = ((Number) get("max")).doubleValue();
        set("value", Math.max(min, Math.min(max, value)));
        return this;
    }

    @Override
    Object accept(String key, Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    /** As many decimals as the step has: a step of 0.05 reads 0.35, not 0.350000. */
    static String format(double step) {
        int decimals = Math.max(0, new BigDecimal(Double.toString(step)).stripTrailingZeros().scale());
        return "." + Math.min(decimals, 6) + "f";
    }

    @Override
    public String toString() {
        return "FloatSlider(" + get("description") + " = " + value() + ")";
    }
}
