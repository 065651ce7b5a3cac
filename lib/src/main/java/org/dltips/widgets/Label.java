package org.dltips.widgets;

/**
 * A line of text shown among controls, such as a status line. Introduced in the notebook "Playground".
 *
 * <p>{@code Label status = Label.of("ready"); status.setValue("training ...");}
 */
public final class Label extends Widget {

    private Label(String value) {
        super("Label", Attributes.described("").with("value", value).map());
    }

    public static Label of(String value) {
        return new Label(value == null ? "" : value);
    }

    public String value() {
        Object v = get("value");
        return v == null ? "" : v.toString();
    }

    public Label setValue(String value) {
        set("value", value == null ? "" : value);
        return this;
    }

    @Override
    public String toString() {
        return "Label(" + value() + ")";
    }
}
