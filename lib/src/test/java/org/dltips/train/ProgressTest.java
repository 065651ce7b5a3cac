package org.dltips.train;

import org.dltips.display.Displayable;
import org.dltips.display.Output;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @AfterEach
    void resetSink() {
        Output.setSink(null);
    }

    @Test
    void inANotebookABarAndALossCurveAreRedrawnInPlace() throws Exception {
        RecordingSink sink = new RecordingSink(true);
        Output.setSink(sink);
        var net = Synthetic.builder(8, 3).build();
        net.fit(Synthetic.blobs(100, 8, 3, 1), Synthetic.blobs(30, 8, 3, 2), Fit.epochs(3).batchSize(10));
        assertEquals(2, sink.areas.size(), "one progress area and one chart area");
        List<Object> bar = sink.areas.get(0);
        Displayable last = assertInstanceOf(Displayable.class, bar.get(bar.size() - 1));
        assertTrue(last.mimeBundle().get("text/html").contains("<progress value=\"100\" max=\"100\""), last.mimeBundle().toString());
        assertTrue(last.mimeBundle().get("text/plain").contains("epoch 3/3, batch 10/10"), last.mimeBundle().toString());
        XYChart chart = assertInstanceOf(XYChart.class, sink.areas.get(1).get(0));
        assertEquals(3, chart.getSeriesMap().get("training").getXData().length);
        assertEquals(3, chart.getSeriesMap().get("validation").getYData().length);
        Path png = Path.of("target", "progress-loss-curve.png");
        Files.createDirectories(png.getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void withoutTrainingEvaluationTheCurveShowsTheRunningLoss() {
        RecordingSink sink = new RecordingSink(true);
        Output.setSink(sink);
        var net = Synthetic.builder(8, 3).build();
        History h = net.fit(Synthetic.blobs(100, 8, 3, 1), null, Fit.epochs(2).batchSize(10).evaluateTraining(false));
        XYChart chart = assertInstanceOf(XYChart.class, sink.areas.get(1).get(sink.areas.get(1).size() - 1));
        assertEquals(h.last().runningTrainLoss(), chart.getSeriesMap().get("training").getYData()[1], 1e-12);
    }

    @Test
    void outsideANotebookOneTextLinePerEpochAndTheStopReason() {
        RecordingSink sink = new RecordingSink(false);
        Output.setSink(sink);
        var net = Synthetic.builder(8, 3).build();
        net.fit(Synthetic.blobs(100, 8, 3, 1), null,
                Fit.epochs(5).batchSize(10).callbacks(new Callback() {
                    @Override
                    public void onEpochEnd(Training t, EpochStats s) {
                        if (s.epoch() == 2) {
                            t.stop("enough after epoch 2");
                        }
                    }
                }));
        List<String> lines = sink.areas.stream().map(a -> a.get(0).toString()).toList();
        assertTrue(lines.get(0).matches("\\[#{4}\\.{16}] epoch 1/5: train loss \\d\\.\\d{4} acc \\d\\.\\d{4} \\| \\d+\\.\\d s, \\d+ samples/s"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("[########............] epoch 2/5: "), lines.get(1));
        assertEquals(List.of("enough after epoch 2"), lines.subList(2, lines.size()));
        assertEquals("enough after epoch 2", net.history().stopReason());
    }
}
