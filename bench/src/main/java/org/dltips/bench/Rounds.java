package org.dltips.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Epoch times of alternating DL4J / PyTorch rounds. The headline ratio is the median over rounds of
 * (DL4J epoch / best PyTorch epoch of the same round), which tolerates load from other users changing
 * between rounds better than a ratio of overall medians.
 *
 * <p>{@code Rounds r = new Rounds(new int[] {1, 2}); r.add(2.3, new double[] {0.9, 3.1}, 2.2, 0.1);}
 */
final class Rounds {
    private final int[] threads;
    private final List<Double> ours = new ArrayList<>();
    private final List<double[]> torch = new ArrayList<>();
    private final List<Double> ratios = new ArrayList<>();
    private double user;
    private double sys;
    private final double[][] torchCpu;

    Rounds(int[] threads) {
        this.threads = threads.clone();
        this.torchCpu = new double[threads.length][2];
    }

    void addTorchCpu(int i, double[] userSys) {
        torchCpu[i][0] += userSys[0];
        torchCpu[i][1] += userSys[1];
    }

    void add(double oursSec, double[] torchSecs, double userSec, double sysSec) {
        ours.add(oursSec);
        torch.add(torchSecs.clone());
        double best = Double.MAX_VALUE;
        for (double t : torchSecs) {
            best = Math.min(best, t);
        }
        ratios.add(oursSec / best);
        user += userSec;
        sys += sysSec;
    }

    String describeLast() {
        int r = ours.size() - 1;
        StringBuilder b = new StringBuilder(String.format("round %d: ours %.3f s", r + 1, ours.get(r)));
        for (int i = 0; i < threads.length; i++) {
            b.append(String.format(" | torch(%d thr) %.3f s", threads[i], torch.get(r)[i]));
        }
        return b.append(String.format(" | ratio %.2f", ratios.get(r))).toString();
    }

    double oursMedian() {
        return Bench.median(ours);
    }

    double torchMedian(int i) {
        List<Double> xs = new ArrayList<>();
        torch.forEach(t -> xs.add(t[i]));
        return Bench.median(xs);
    }

    int torchBestIndex() {
        int best = 0;
        for (int i = 1; i < threads.length; i++) {
            if (torchMedian(i) < torchMedian(best)) {
                best = i;
            }
        }
        return best;
    }

    double torchBestMedian() {
        return torchMedian(torchBestIndex());
    }

    int torchBestThreads() {
        return threads[torchBestIndex()];
    }

    double medianRatio() {
        return Bench.median(ratios);
    }

    String summary(int samples) {
        int n = ours.size();
        StringBuilder b = new StringBuilder(String.format(
                "ours: %.3f s/epoch (median of %d, best %.3f), %.0f samples/s; CPU per epoch user %.2f s, sys %.2f s",
                oursMedian(), n, ours.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                samples / oursMedian(), user / n, sys / n));
        for (int i = 0; i < threads.length; i++) {
            final int k = i;
            b.append(String.format("%npytorch %d thread(s): %.3f s/epoch (median of %d, best %.3f), %.0f samples/s;"
                    + " CPU per epoch user %.2f s, sys %.2f s",
                    threads[i], torchMedian(i), n, torch.stream().mapToDouble(t -> t[k]).min().orElse(0),
                    samples / torchMedian(i), torchCpu[i][0] / n, torchCpu[i][1] / n));
        }
        return b.append(String.format("%nratio per round (ours / best pytorch of the round): median %.3f, range %.3f .. %.3f",
                medianRatio(), ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0))).toString();
    }
}
