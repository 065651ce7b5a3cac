package org.dltips.lesson;

import org.dltips.data.Dataset;
import org.dltips.display.LiveDisplay;
import org.dltips.display.Output;
import org.dltips.model.NetworkBuilder;
import org.dltips.train.Callback;
import org.dltips.train.EpochStats;
import org.dltips.train.Fit;
import org.dltips.train.History;
import org.dltips.train.Training;
import org.dltips.train.internal.ProgressView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs several variants of one setup on the same data with the same seed, one after another, and collects
 * their histories for a side-by-side table and overlaid curves. Immutable: every method returns a new experiment.
 *
 * <p>{@code Comparison c = Experiment.on(train, test).epochs(20).batchSize(100)
 *     .variant("MSE", base.loss(Loss.MSE)).variant("cross-entropy", base).run();}
 *
 * <p>Introduced in the notebook of the live demo, where every tip is one variant of the same network.
 * With {@link #repeats(int)} each variant runs with seeds s, s+1, … (s = the builder's seed) and the table gets
 * mean and spread columns.
 */
public final class Experiment {

    private final Dataset train;
    private final Dataset test;
    private Fit fit = Fit.epochs(20).batchSize(100);
    private int repeats = 1;
    private boolean progress = true;
    private Map<String, NetworkBuilder> variants = new LinkedHashMap<>();

    private Experiment(Dataset train, Dataset test) {
        if (train == null) {
            throw new IllegalArgumentException("Experiment.on got no training set; pass the Dataset to train on");
        }
        this.train = train;
        this.test = test;
    }

    /** An experiment training on {@code train} and measuring on {@code test} (may be null) after every epoch. */
    public static Experiment on(Dataset train, Dataset test) {
        return new Experiment(train, test);
    }

    /** Epochs per run (default 20), keeping the other fit settings. */
    public Experiment epochs(int epochs) {
        Fit next = fit.withEpochs(epochs);
        return with(e -> e.fit = next);
    }

    /** Batch size per run (default 100). */
    public Experiment batchSize(int batchSize) {
        Fit next = fit.batchSize(batchSize);
        return with(e -> e.fit = next);
    }

    /** All fit settings at once (epochs, batch size, callbacks, time budget); its progress display is replaced by the experiment's. */
    public Experiment fit(Fit settings) {
        return with(e -> e.fit = settings);
    }

    /** Adds a variant under {@code name}; names must be unique. */
    public Experiment variant(String name, NetworkBuilder network) {
        if (variants.containsKey(name)) {
            throw new IllegalArgumentException("variant \"" + name + "\" was already added; give each variant its own name");
        }
        Map<String, NetworkBuilder> next = new LinkedHashMap<>(variants);
        next.put(name, network);
        return with(e -> e.variants = next);
    }

    /** Runs every variant {@code count} times with seeds s, s+1, … to show the spread between runs. */
    public Experiment repeats(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("repeats got " + count + "; expected 1 or more runs per variant, e.g. repeats(3)");
        }
        return with(e -> e.repeats = count);
    }

    /** No progress display. */
    public Experiment quiet() {
        return with(e -> e.progress = false);
    }

    /** Trains every variant (and repeat) in the order added and returns their histories. */
    public Comparison run() {
        if (variants.isEmpty()) {
            throw new IllegalStateException("the experiment has no variant; add one with .variant(\"name\", Network.input(784)...)");
        }
        boolean notebook = Output.isNotebook();
        LiveDisplay display = progress && notebook ? Output.show("starting " + variants.size() + " variants") : null;
        Map<String, List<History>> runs = new LinkedHashMap<>();
        Map<String, List<Long>> seeds = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, NetworkBuilder> variant : variants.entrySet()) {
            index++;
            List<History> histories = new ArrayList<>();
            List<Long> used = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                NetworkBuilder builder = variant.getValue().seed(variant.getValue().seed() + r);
                String label = "variant " + index + "/" + variants.size() + " \"" + variant.getKey() + "\""
                        + (repeats > 1 ? ", run " + (r + 1) + "/" + repeats : "");
                Fit settings = display == null ? fit.quiet() : fit.quiet().callbacks(status(display, label));
                History history = builder.build().fit(train, test, settings);
                histories.add(history);
                used.add(builder.seed());
                if (progress && !notebook) {
                    Output.show(label + ": " + summary(history));
                }
            }
            runs.put(variant.getKey(), histories);
            seeds.put(variant.getKey(), List.copyOf(used));
        }
        return new Comparison(runs, seeds, test != null);
    }

    private static String summary(History h) {
        if (h.size() == 0) {
            return h.stopReason();
        }
        EpochStats last = h.last();
        return String.format(Locale.ROOT, "train acc %.4f, test acc %.4f after %d epochs, %.1f s/epoch",
                last.trainAccuracy(), last.validationAccuracy(), last.epoch(), h.secondsPerEpoch());
    }

    private static Callback status(LiveDisplay display, String label) {
        return new Callback() {
            private long last;

            @Override
            public void onBatchEnd(Training t, double loss) {
                if (System.nanoTime() - last > 500_000_000L) {
                    last = System.nanoTime();
                    display.update(new ProgressView(t.epoch(), t.epochs(), t.batch(), t.batches(), t.elapsedSeconds(), loss, label));
                }
            }

            @Override
            public void onFitEnd(Training t) {
                display.update(new ProgressView(Math.max(1, t.epoch()), t.epochs(), t.batch(), t.batches(),
                        t.elapsedSeconds(), Double.NaN, label + " done"));
            }
        };
    }

    private Experiment with(java.util.function.Consumer<Experiment> change) {
        Experiment next = new Experiment(train, test);
        next.fit = fit;
        next.repeats = repeats;
        next.progress = progress;
        next.variants = variants;
        change.accept(next);
        return next;
    }
}
