package org.dltips.widgets;

import org.dltips.widgets.internal.Transports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WidgetsTest {

    private final RecordingTransport transport = new RecordingTransport();

    @BeforeEach
    void useRecorder() {
        Transports.use(transport);
    }

    @AfterEach
    void restore() {
        Transports.use(null);
    }

    @Test
    void aSliderOpensWithTheStateOfIpywidgetsEight() {
        FloatSlider rate = FloatSlider.of("learning rate", 0, 1, 0.05, 0.1);
        Map<String, Object> state = transport.opened.get(rate.id());
        assertEquals("FloatSliderModel", state.get("_model_name"));
        assertEquals("FloatSliderView", state.get("_view_name"));
        assertEquals("@jupyter-widgets/controls", state.get("_model_module"));
        assertEquals("2.0.0", state.get("_model_module_version"));
        assertEquals(0.1, state.get("value"));
        assertEquals(".2f", state.get("readout_format"));
        assertEquals("learning rate", state.get("description"));
        String style = (String) state.get("style");
        assertTrue(style.startsWith("IPY_MODEL_"), style);
        Map<String, Object> styleState = transport.opened.get(style.substring("IPY_MODEL_".length()));
        assertEquals("DescriptionStyleModel", styleState.get("_model_name"));
        assertEquals("initial", styleState.get("description_width"));
    }

    @Test
    void aWidgetDisplaysAsAViewOfItsModelAndAsText() {
        IntSlider epochs = IntSlider.of("epochs", 1, 20, 5);
        Map<String, String> bundle = epochs.mimeBundle();
        assertEquals("IntSlider(epochs = 5)", bundle.get("text/plain"));
        assertEquals("{\"version_major\": 2, \"version_minor\": 0, \"model_id\": \"" + epochs.id() + "\"}",
                bundle.get(Widget.VIEW_MIME));
    }

    @Test
    void changesFromTheFrontEndArriveAsJavaTypesAndRunListenersOnce() {
        IntSlider batch = IntSlider.of("batch", 1, 1000, 100);
        int[] seen = new int[2];
        batch.onChange(() -> {
            seen[0]++;
            seen[1] = batch.value();
        });
        transport.frontEnd(batch, Map.of("value", 250.0));
        transport.frontEnd(batch, Map.of("value", 300.0));
        assertEquals(300, batch.value());
        assertEquals(1, transport.runQueued(), "two changes before the run fold into one");
        assertEquals(1, seen[0]);
        assertEquals(300, seen[1]);
        transport.frontEnd(batch, Map.of("value", 300.0));
        assertEquals(0, transport.runQueued(), "the same value again is no change");
    }

    @Test
    void aDropdownAndALogSliderTakeTheFrontEndsIndexAndValue() {
        Dropdown optimizer = Dropdown.of("optimizer", List.of("SGD", "momentum", "Adam"), "SGD");
        transport.frontEnd(optimizer, Map.of("index", 2.0));
        assertEquals("Adam", optimizer.value());
        transport.frontEnd(optimizer, Map.of("index", 7.0));
        assertEquals("Adam", optimizer.value(), "an index outside the options is ignored");

        FloatLogSlider rate = FloatLogSlider.of("learning rate", 1e-4, 1, 0.01);
        Map<String, Object> state = transport.opened.get(rate.id());
        assertEquals(-4.0, (Double) state.get("min"), 1e-12);
        assertEquals(0.0, (Double) state.get("max"), 1e-12);
        transport.frontEnd(rate, Map.of("value", 0.1));
        assertEquals(0.1, rate.value(), 1e-12);
    }

    @Test
    void settingAValueFromJavaTellsTheFrontEndAndTheListeners() {
        Checkbox normalize = Checkbox.of("normalize", false);
        int[] runs = {0};
        normalize.onChange(() -> runs[0]++);
        normalize.setValue(true);
        assertTrue(transport.updates.contains(normalize.id() + " {value=true}"), transport.updates.toString());
        assertEquals(1, transport.runQueued());
        assertEquals(1, runs[0]);
        IntSlider clamp = IntSlider.of("n", 0, 10, 3).setValue(99);
        assertEquals(10, clamp.value(), "a value past the end is clamped");
    }

    @Test
    void eachClickRunsTheButtonsActions() {
        Button again = Button.of("train again");
        int[] runs = {0};
        again.onClick(() -> runs[0]++);
        transport.receivers.get(again.id()).custom(Map.of("event", "click"));
        transport.receivers.get(again.id()).custom(Map.of("event", "click"));
        transport.receivers.get(again.id()).custom(Map.of("event", "hover"));
        assertEquals(2, transport.runQueued());
        assertEquals(2, runs[0]);
        assertEquals(2, again.clicks());
    }

    @Test
    void anInteractiveRunsAtOnceAndAgainIntoItsOutputAreaReplacingTheLastRun() {
        IntSlider n = IntSlider.of("n", 0, 10, 3);
        Interactive ui = Interactive.of(() -> transport.print("square " + n.value() * n.value() + "\n"), n);
        assertEquals(1, ui.runs());
        assertEquals("square 9\n", ui.output().text());
        transport.frontEnd(n, Map.of("value", 4.0));
        transport.frontEnd(n, Map.of("value", 5.0));
        assertEquals(1, transport.runQueued());
        assertEquals(2, ui.runs());
        assertEquals("square 25\n", ui.output().text(), "the new run replaces the old output");
        String update = transport.updates.get(transport.updates.size() - 1);
        assertTrue(update.startsWith(ui.output().id() + " {outputs=[{") && update.contains("text=square 25"), update);
        Map<String, Object> panel = transport.opened.get(ui.panel().id());
        assertEquals("VBoxModel", panel.get("_model_name"));
        assertEquals(List.of("IPY_MODEL_" + ui.panel().children().get(0).id(), "IPY_MODEL_" + ui.output().id()),
                panel.get("children"));
    }

    @Test
    void anInteractiveReadsAsItsControlsAndWhatItPrinted() {
        IntSlider n = IntSlider.of("n", 0, 10, 3);
        Dropdown how = Dropdown.of("how", List.of("square", "cube"), "square");
        Interactive ui = Interactive.of(() -> transport.print("square 9\n"), n, how);
        assertEquals("IntSlider(n = 3)\nDropdown(how = square)\nsquare 9", ui.mimeBundle().get("text/plain"));
        assertTrue(ui.mimeBundle().get(Widget.VIEW_MIME).contains(ui.panel().id()));
    }

    @Test
    void anOutputAreaKeepsDisplaysReplaceableByTheirId() {
        OutputArea out = OutputArea.create();
        out.capture(() -> {
            transport.capturing.add(Map.of("output_type", "display_data", "data", Map.of("text/plain", "epoch 1")), "d1");
            transport.capturing.replace("d1", Map.of("output_type", "display_data", "data", Map.of("text/plain", "epoch 2")));
        });
        assertEquals(List.of(Map.of("output_type", "display_data", "data", Map.of("text/plain", "epoch 2"))), out.outputs());
        out.clear();
        assertTrue(out.outputs().isEmpty());
    }

    @Test
    void badArgumentsSayWhatWasWrongAndHowToFixIt() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> FloatSlider.of("momentum", 0, 1, 0.01, 1.5));
        assertEquals("FloatSlider \"momentum\" starts at 1.5, outside its range [0.0, 1.0]; pick a start value "
                + "between min and max", range.getMessage());
        IllegalArgumentException log = assertThrows(IllegalArgumentException.class,
                () -> FloatLogSlider.of("rate", 0, 1, 0.1));
        assertTrue(log.getMessage().contains("needs min above 0"), log.getMessage());
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> Dropdown.of("optimizer", List.of("SGD", "Adam"), "adam"));
        assertEquals("Dropdown \"optimizer\" starts at \"adam\", which is not one of its options [SGD, Adam]",
                option.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Interactive.of(() -> { }));
    }

    @Test
    void withoutAKernelWidgetsAreJavaObjectsAndShowAsText() {
        Transports.use(new org.dltips.widgets.internal.WidgetTransport.Detached());
        IntSlider n = IntSlider.of("n", 0, 10, 3);
        int[] runs = {0};
        n.onChange(() -> runs[0]++);
        n.setValue(4);
        assertEquals(1, runs[0], "without a kernel a listener runs at once");
        assertFalse(n.mimeBundle().containsKey(Widget.VIEW_MIME));
        Interactive ui = Interactive.of(() -> { }, n);
        assertEquals(1, ui.runs());
    }
}
