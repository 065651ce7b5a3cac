package org.dltips.widgets;

import org.dltips.display.Displayable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Controls above an output area, and code that runs again into that area whenever a control changes: the
 * notebook's way to explore a setting by dragging a slider. Introduced in the notebook "Playground".
 *
 * <pre>{@code
 * FloatLogSlider rate = FloatLogSlider.of("learning rate", 1e-3, 1, 0.1);
 * Interactive.of(() -> System.out.println(rate.value() * 2), rate)   // end the cell with it to show it
 * }</pre>
 *
 * <p>The code runs once at once, then on the cell thread after each change; changes that arrive while it runs
 * are folded into one more run with the latest values, so a dragged slider does not queue a run per pixel.
 */
public final class Interactive implements Displayable {

    private final Runnable body;
    private final OutputArea output = OutputArea.create();
    private final Box controls;
    private final Box panel;
    private final AtomicInteger runs = new AtomicInteger();
    private final Runnable rerun = this::run;
    private boolean running;

    private Interactive(Runnable body, Widget[] controls) {
        this.body = body;
        this.controls = Box.column(controls);
        this.panel = Box.column(this.controls, output);
        for (Widget control : controls) {
            control.onChange(rerun);
        }
    }

    /** Shows {@code controls} above an output area and runs {@code body} into it now and after each change. */
    public static Interactive of(Runnable body, Widget... controls) {
        if (body == null) {
            throw new IllegalArgumentException("Interactive.of needs the code to run, received null; e.g. "
                    + "Interactive.of(() -> draw(rate.value()), rate)");
        }
        if (controls.length == 0) {
            throw new IllegalArgumentException("Interactive.of needs at least one control to react to; e.g. "
                    + "Interactive.of(() -> draw(rate.value()), rate)");
        }
        Interactive ui = new Interactive(body, controls);
        ui.run();
        return ui;
    }

    /** Runs the code again into the output area, replacing what it showed. */
    public void run() {
        synchronized (this) {
            if (running) {
                return;   // the code itself moved a control; its run is the current one
            }
            running = true;
        }
        try {
            output.startOver();
            output.capture(body);
            output.finishRun();
            runs.incrementAndGet();
        } finally {
            synchronized (this) {
                running = false;
            }
        }
    }

    /** How many times the code ran (1 after {@link #of}). */
    public int runs() {
        return runs.get();
    }

    public OutputArea output() {
        return output;
    }

    /** The controls and the output area, one under the other. */
    public Box panel() {
        return panel;
    }

    /**
     * The panel of widgets, and as text (for a front end without widgets, or a saved notebook read as text) each
     * control's value followed by what the last run printed.
     */
    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>(panel.mimeBundle());
        StringBuilder text = new StringBuilder();
        for (Widget control : controls.children()) {
            text.append(control).append('\n');
        }
        bundle.put("text/plain", text.append(output.text()).toString().stripTrailing());
        return bundle;
    }

    @Override
    public String toString() {
        return "Interactive(" + panel.children().get(0) + ", ran " + runs() + " times)";
    }
}
