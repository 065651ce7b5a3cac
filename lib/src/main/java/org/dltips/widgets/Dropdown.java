package org.dltips.widgets;

import java.util.List;

/**
 * A choice among named options, such as the optimizer or the activation. Introduced in the notebook
 * "Playground".
 *
 * <p>{@code Dropdown optimizer = Dropdown.of("optimizer", List.of("SGD", "momentum", "Adam"), "Adam"); String o = optimizer.value();}
 */
public final class Dropdown extends Widget {

    private final List<String> options;

    private Dropdown(String description, List<String> options, int index) {
        super("Dropdown", Attributes.described(description)
                .with("_options_labels", options).with("index", index).map());
        this.options = options;
    }

    /** A dropdown of {@code options} with {@code value} chosen. */
    public static Dropdown of(String description, List<String> options, String value) {
        if (options == null || options.isEmpty()) {
            throw new IllegalArgumentException("Dropdown \"" + description + "\" needs at least one option; e.g. "
                    + "Dropdown.of(\"optimizer\", List.of(\"SGD\", \"Adam\"), \"Adam\")");
        }
        List<String> copy = List.copyOf(options);
        int index = copy.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("Dropdown \"" + description + "\" starts at \"" + value
                    + "\", which is not one of its options " + copy);
        }
        return new Dropdown(description, copy, index);
    }

    /** The chosen option. */
    public String value() {
        return options.get(index());
    }

    /** The chosen option's position in the list. */
    public int index() {
        Object index = get("index");
        return index instanceof Number n ? n.intValue() : 0;
    }

    public List<String> options() {
        return options;
    }

    /** Chooses {@code value}; listeners run as after a choice in the notebook. */
    public Dropdown setValue(String value) {
        int index = options.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException("\"" + value + "\" is not one of the options " + options);
        }
        set("index", index);
        return this;
    }

    @Override
    Object accept(String key, Object value) {
        if (key.equals("index") && value instanceof Number n) {
            int i = n.intValue();
            return i >= 0 && i < options.size() ? i : get("index");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Dropdown(" + get("description") + " = " + value() + ")";
    }
}
