package org.dltips.widgets;

/**
 * A slider over whole numbers, such as a number of epochs or a batch size. Introduced in the notebook
 * "Playground".
 *
 * <p>{@code IntSlider epochs = IntSlider.of("epochs", 1, 20, 5); int e = epochs.value();}
 */
public final class IntSlider extends Widget {

    private IntSlider(String description, int min, int max, int step, int value) {
        super("IntSlider", Attributes.described(description)
                .with("value", value).with("min", min).with("max", max).with("step", step)
                .with("orientation", "horizontal").with("readout", true).with("readout_format", "d")
                .with("continuous_update", true).with("behavior", "drag-tap").map());
    }

    /** A slider from {@code min} to {@code max} in steps of 1, starting at {@code value}. */
    public static IntSlider of(String description, int min, int max, int value) {
        return of(description, min, max, 1, value);
    }

    /** A slider from {@code min} to {@code max} in steps of {@code step}, starting at {@code value}. */
    public static IntSlider of(String description, int min, int max, int step, int value) {
        Attributes.checkRange("IntSlider \"" + description + "\"", min, max, value);
        if (step <= 0) {
            throw new IllegalArgumentException("IntSlider \"" + description + "\" needs a step of 1 or more, received "
                    + step);
        }
        return new IntSlider(description, min, max, step, value);
    }

    public int value() {
        return ((Number) get("value")).intValue();
    }

    /** Moves the slider (clamped to its range); listeners run as after a change in the notebook. */
    public IntSlider setValue(int value) {
        int min = ((Number) get("min")).intValue();
        int max = ((Number) get("max")).intValue();
        set("value", Math.max(min, Math.min(max, value)));
        return this;
    }

    @Override
    Object accept(String key, Object value) {
        return value instanceof Number n ? (Object) (int) Math.round(n.doubleValue()) : value;
    }

    @Override
    public String toString() {
        return "IntSlider(" + get("description") + " = " + value() + ")";
    }
}
