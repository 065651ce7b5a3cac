package org.dltips.widgets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A button that runs Java when clicked, such as "train again". Introduced in the notebook "Playground".
 *
 * <p>{@code Button again = Button.of("train again"); again.onClick(() -> retrain());}
 */
public final class Button extends Widget {

    private final List<Runnable> clicks = new CopyOnWriteArrayList<>();
    private final AtomicInteger clicked = new AtomicInteger();

    private Button(String description) {
        super("Button", Attributes.plain().with("description", description).with("disabled", false)
                .with("button_style", "").with("icon", "").map());
    }

    public static Button of(String description) {
        return new Button(description == null ? "" : description);
    }

    /** Runs {@code action} on the cell thread for each click. */
    public Button onClick(Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("onClick needs an action, received null; e.g. button.onClick(() -> retrain())");
        }
        clicks.add(action);
        return this;
    }

    /** Clicks the button from Java: the actions run as after a click in the notebook. */
    public void click() {
        clicked.incrementAndGet();
        for (Runnable action : clicks) {
            transport().schedule(new Object(), action);
        }
    }

    /** How many clicks arrived so far (from the notebook or {@link #click()}). */
    public int clicks() {
        return clicked.get();
    }

    /** Greys the button out (or back), for instance while a run it started is going. */
    public Button setDisabled(boolean disabled) {
        set("disabled", disabled);
        return this;
    }

    @Override
    void custom(Map<String, Object> content) {
        if ("click".equals(content.get("event"))) {
            click();
        }
    }

    @Override
    public String toString() {
        return "Button(" + get("description") + ")";
    }
}
