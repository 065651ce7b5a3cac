package org.dltips.widgets;

/**
 * A yes/no control, such as "normalize the inputs". Introduced in the notebook "Playground".
 *
 * <p>{@code Checkbox normalize = Checkbox.of("normalize inputs", true); boolean n = normalize.value();}
 */
public final class Checkbox extends Widget {

    private Checkbox(String description, boolean value) {
        super("Checkbox", Attributes.described(description).with("value", value).with("indent", false).map());
    }

    public static Checkbox of(String description, boolean value) {
        return new Checkbox(description, value);
    }

    public boolean value() {
        return Boolean.TRUE.equals(get("value"));
    }

    /** Ticks or clears the box; listeners run as after a click in the notebook. */
    public Checkbox setValue(boolean value) {
        set("value", value);
        return this;
    }

    @Override
    Object accept(String key, Object value) {
        return key.equals("value") ? Boolean.TRUE.equals(value) : value;
    }

    @Override
    public String toString() {
        return "Checkbox(" + get("description") + " = " + value() + ")";
    }
}
