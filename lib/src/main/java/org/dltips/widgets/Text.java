package org.dltips.widgets;

/**
 * A line of text the student types, such as a run's name; listeners run when the student presses Enter or
 * leaves the box. Introduced in the notebook "Playground".
 *
 * <p>{@code Text name = Text.of("run name", "baseline"); String s = name.value();}
 */
public final class Text extends Widget {

    private Text(String description, String value) {
        super("Text", Attributes.described(description).with("value", value).with("placeholder", "")
                .with("continuous_update", false).map());
    }

    public static Text of(String description, String value) {
        return new Text(description, value == null ? "" : value);
    }

    public String value() {
        Object v = get("value");
        return v == null ? "" : v.toString();
    }

    /** Replaces the text; listeners run as after typing in the notebook. */
    public Text setValue(String value) {
        set("value", value == null ? "" : value);
        return this;
    }

    @Override
    public String toString() {
        return "Text(" + get("description") + " = \"" + value() + "\")";
    }
}
