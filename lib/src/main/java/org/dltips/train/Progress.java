package org.dltips.train;

import org.dltips.display.LiveDisplay;
import org.dltips.display.Output;
import org.dltips.plot.internal.Style;
import org.dltips.train.internal.ProgressView;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.util.Locale;

/**
 * Shows training as it happens. In a notebook: a progress bar redrawn during the epoch and a loss curve redrawn
 * after epochs (both throttled). Elsewhere: one text line per epoch. {@code fit} adds it unless
 * {@code Fit.quiet()} is used.
 *
 * <p>{@code net.fit(train, test, Fit.epochs(20).quiet().callbacks(Progress.text()));}
 */
public final class Progress implements Callback {

    /*
     * The bar at most once a second (and at every epoch's end), the chart every three seconds: where the browser
     * shares the cores with the kernel, each redraw takes processor time from training. In JupyterLab on a 2-core
     * AMD EPYC, notebook 01's 20-epoch cells took 17-19 s this way against 19-22 s with a bar four times a second
     * and a chart every second (13-14 s through nbclient, with no page to draw).
     */
    private static final long BAR_INTERVAL = 1_000_000_000L;
    private static final long CHART_INTERVAL = 3_000_000_000L;

    private final boolean rich;
    private LiveDisplay bar;
    private LiveDisplay chartDisplay;
    private XYChart chart;
    private long lastBar;
    private long lastChart;
    private double lastLoss = Double.NaN;
    private String status = "";

    private Progress(boolean rich) {
        this.rich = rich;
    }

    /** Rich in a notebook, text elsewhere. */
    public static Progress auto() {
        return new Progress(Output.isNotebook());
    }

    /** One text line per epoch, also in a notebook. */
    public static Progress text() {
        return new Progress(false);
    }

    @Override
    public void onFitBegin(Training training) {
        if (rich) {
            bar = Output.show(view(training));
            lastBar = System.nanoTime();
        }
    }

    @Override
    public void onBatchEnd(Training training, double batchLoss) {
        lastLoss = batchLoss;
        if (rich && System.nanoTime() - lastBar > BAR_INTERVAL) {
            bar.update(view(training));
            lastBar = System.nanoTime();
        }
    }

    @Override
    public void onEpochEnd(Training training, EpochStats stats) {
        status = line(stats, training.epochs());
        if (!rich) {
            Output.show(new ProgressView(stats.epoch(), training.epochs(), training.batches(), training.batches(),
                    training.elapsedSeconds(), Double.NaN, "").bar(20) + " " + status);
            return;
        }
        bar.update(view(training));
        if (System.nanoTime() - lastChart > CHART_INTERVAL || stats.epoch() == training.epochs()) {
            drawChart(training.history());
        }
    }

    @Override
    public void onFitEnd(Training training) {
        if (training.stopRequested()) {
            status = training.stopReason();
            if (!rich) {
                Output.show(status);
            }
        }
        if (rich) {
            bar.update(view(training));
            if (training.history().size() > 0) {
                drawChart(training.history());
            }
        }
    }

    private void drawChart(History history) {
        double[] epochs = history.epochs().stream().mapToDouble(EpochStats::epoch).toArray();
        double[] training = Double.isNaN(history.last().trainLoss())
                ? history.epochs().stream().mapToDouble(EpochStats::runningTrainLoss).toArray()
                : history.trainLoss();
        if (chart == null) {
            chart = new XYChartBuilder().width(640).height(300).title("Loss during training")
                    .xAxisTitle("epoch").yAxisTitle("loss").build();
            Style.apply(chart.getStyler());
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setXAxisDecimalPattern("#");
            XYSeries train = chart.addSeries("training", epochs, training);
            train.setLineColor(Style.color(0));
            train.setLineStyle(Style.SOLID);
            if (!Double.isNaN(history.last().validationLoss())) {
                XYSeries validation = chart.addSeries("validation", epochs, history.validationLoss());
                validation.setLineColor(Style.color(1));
                validation.setLineStyle(Style.DASHED);
            }
            chartDisplay = Output.show(chart);
        } else {
            chart.updateXYSeries("training", epochs, training, null);
            if (chart.getSeriesMap().containsKey("validation")) {
                chart.updateXYSeries("validation", epochs, history.validationLoss(), null);
            }
            chartDisplay.update(chart);
        }
        lastChart = System.nanoTime();
    }

    private ProgressView view(Training training) {
        return new ProgressView(Math.max(1, training.epoch()), training.epochs(), training.batch(),
                training.batches(), training.elapsedSeconds(), lastLoss, status);
    }

    static String line(EpochStats s, int epochs) {
        String text = String.format(Locale.ROOT, "epoch %d/%d: train loss %.4f acc %.4f", s.epoch(), epochs, s.trainLoss(),
                s.trainAccuracy());
        if (!Double.isNaN(s.validationLoss())) {
            text += String.format(Locale.ROOT, " | validation loss %.4f acc %.4f", s.validationLoss(),
                    s.validationAccuracy());
        }
        return text + String.format(Locale.ROOT, " | %.1f s, %.0f samples/s", s.seconds(), s.samplesPerSecond());
    }
}
