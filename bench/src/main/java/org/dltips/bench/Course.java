package org.dltips.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dltips.data.Dataset;
import org.dltips.model.Network;
import org.dltips.train.Fit;
import org.dltips.train.History;

/**
 * The bench over the course: every network the live-demo notebooks (01 to 06) and notebook 11 train, trained for
 * an epoch through the library ({@code Network.fit}, as a notebook cell does) and with PyTorch, alternating in the
 * same window, with the ratio of their epoch times (ours over PyTorch's best thread count), each side's share of
 * the measured matrix-product peak, and the worst ratio.
 *
 * <p>{@code double worst = Course.run(settings, data, torch, 460.0);}
 */
final class Course {

    /**
     * One configuration: what the notebook calls it, its network, batch size and how many images an epoch has.
     */
    record Config(String name, String spec, int batch, int samples) {
    }

    /** The course's configurations; batch 1 on 2 000 images (its speed does not depend on how many). */
    static List<Config> configs(int n) {
        String lecture = "layers=3;width=689;loss=ce;opt=sgd;rate=0.1;";
        return List.of(
                new Config("01 sigmoid, MSE", "layers=3;width=689;act=sigmoid;loss=mse;opt=sgd;rate=0.1", 100, n),
                new Config("02 sigmoid, batch 100", lecture + "act=sigmoid", 100, n),
                new Config("02 sigmoid, batch 10 000", lecture + "act=sigmoid", n, n),
                new Config("02 sigmoid, batch 1", "layers=3;width=689;act=sigmoid;loss=ce;opt=sgd;rate=0.01", 1,
                        Math.min(n, 2000)),
                new Config("03 13 sigmoid layers", "layers=13;width=689;act=sigmoid;loss=ce;opt=sgd;rate=0.1", 100, n),
                new Config("03 13 ReLU layers", "layers=13;width=689;act=relu;loss=ce;opt=sgd;rate=0.1", 100, n),
                new Config("04 raw pixels, batch norm", lecture + "act=relu;norm=1;raw=1", 100, n),
                new Config("05 ReLU, SGD (the lecture's)", lecture + "act=relu", 100, n),
                new Config("05 ReLU, Adam", "layers=3;width=689;act=relu;loss=ce;opt=adam;rate=0.001", 100, n),
                new Config("06 Adam, dropout 0.7", "layers=3;width=689;act=relu;loss=ce;opt=adam;rate=0.001;drop=0.7",
                        100, n),
                new Config("11 21 sigmoid layers, skip", "layers=21;width=64;act=sigmoid;loss=ce;opt=sgd;rate=0.1;skip=1",
                        100, n),
                new Config("11 21 sigmoid layers, batch norm",
                        "layers=21;width=64;act=sigmoid;loss=ce;opt=sgd;rate=0.1;norm=1", 100, n));
    }

    private Course() {
    }

    /**
     * Runs every configuration for {@code rounds} alternations and prints a line each; returns the worst median
     * ratio. {@code peak} is the machine's measured product peak in GFLOP/s.
     */
    static double run(Settings s, BenchData data, TorchWorker torch, double peak) throws IOException,
            InterruptedException {
        int rounds = s.integer("courseRounds");
        long settle = s.integer("settleMs");
        int[] threads = s.torchThreads();
        Dataset scaled = data.dataset(false);
        Dataset raw = data.dataset(true);
        double worst = 0;
        String worstName = "";
        System.out.printf("course (%d rounds each, training time of the second epoch; ratio = ours / PyTorch's best "
                + "of %s threads; share of the %.1f GFLOP/s peak):%n", rounds, java.util.Arrays.toString(threads), peak);
        for (Config c : configs(data.rows)) {
            CourseNet net = CourseNet.parse(c.spec);
            Dataset set = (net.raw() ? raw : scaled).first(c.samples);
            Network network = net.builder().build();
            List<Double> ratios = new ArrayList<>();
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Thread.sleep(settle);
                History h = network.fit(set, null, Fit.epochs(2).batchSize(c.batch).shuffle(false).quiet()
                        .evaluateTraining(false));
                double o = h.epochs().get(1).seconds();
                double best = Double.MAX_VALUE;
                for (int t : threads) {
                    Thread.sleep(settle);
                    best = Math.min(best, torch.course(t, c.batch, 2, c.samples, c.spec)[1]);
                }
                ours.add(o);
                theirs.add(best);
                ratios.add(o / best);
            }
            double ratio = Bench.median(ratios);
            double flops = net.epochFlops(c.samples);
            System.out.printf("  %-34s ours %.3f s, pytorch %.3f s, ratio %.3f (%.3f .. %.3f); share of peak ours "
                    + "%.1f%%, pytorch %.1f%%%n", c.name, Bench.median(ours), Bench.median(theirs), ratio,
                    ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    100 * flops / Bench.median(ours) / 1e9 / peak, 100 * flops / Bench.median(theirs) / 1e9 / peak);
            if (ratio > worst) {
                worst = ratio;
                worstName = c.name;
            }
        }
        System.out.printf("worst course ratio: %.3f (%s)%n", worst, worstName);
        return worst;
    }
}
