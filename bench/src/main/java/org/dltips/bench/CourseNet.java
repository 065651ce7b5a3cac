package org.dltips.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dltips.model.Activation;
import org.dltips.model.Loss;
import org.dltips.model.Network;
import org.dltips.model.NetworkBuilder;
import org.dltips.model.Optimizer;

/**
 * One network a course notebook trains, written as a spec both sides of the bench read ({@code torch_worker.py}
 * builds the same layers): {@code layers=3;width=689;act=relu;loss=ce;opt=sgd;rate=0.1}, plus {@code drop=0.7}
 * (dropout after every hidden layer), {@code norm=1} (batch normalization of every hidden layer before its
 * activation), {@code skip=1} (every hidden layer after the first adds its input to its output) and
 * {@code raw=1} (pixels 0-255 instead of 0-1).
 *
 * <p>{@code CourseNet net = CourseNet.parse("layers=13;width=689;act=sigmoid;loss=ce;opt=sgd;rate=0.1");}
 *
 * @param spec the spec as written
 * @param layers hidden layers
 * @param width units per hidden layer
 * @param activation hidden activation
 * @param loss the output layer's loss (softmax output)
 * @param adam Adam instead of plain SGD
 * @param rate learning rate
 * @param drop drop probability after every hidden layer, 0 for none
 * @param norm batch normalization of every hidden layer
 * @param skip skip connections from the second hidden layer on
 * @param raw pixels 0-255
 */
record CourseNet(String spec, int layers, int width, Activation activation, Loss loss, boolean adam, double rate,
                 double drop, boolean norm, boolean skip, boolean raw) {

    private static final List<String> KEYS = List.of("layers", "width", "act", "loss", "opt", "rate", "drop", "norm",
            "skip", "raw");

    static CourseNet parse(String spec) {
        Map<String, String> v = new LinkedHashMap<>(Map.of("drop", "0", "norm", "0", "skip", "0", "raw", "0"));
        for (String pair : spec.split(";")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2 || !KEYS.contains(kv[0])) {
                throw new IllegalArgumentException("course network spec '" + spec + "': '" + pair
                        + "' is not key=value with a key among " + KEYS);
            }
            v.put(kv[0], kv[1]);
        }
        return new CourseNet(spec, Integer.parseInt(v.get("layers")), Integer.parseInt(v.get("width")),
                Activation.valueOf(v.get("act").toUpperCase()), v.get("loss").equals("mse") ? Loss.MSE : Loss.CROSS_ENTROPY,
                v.get("opt").equals("adam"), Double.parseDouble(v.get("rate")), Double.parseDouble(v.get("drop")),
                v.get("norm").equals("1"), v.get("skip").equals("1"), v.get("raw").equals("1"));
    }

    /** The network as a notebook builds it. */
    NetworkBuilder builder() {
        NetworkBuilder b = Network.input(BenchData.PIXELS);
        for (int i = 0; i < layers; i++) {
            b = skip && i > 0 ? b.residual(width, activation) : b.dense(width, activation);
            if (norm) {
                b = b.batchNorm();
            }
            if (drop > 0) {
                b = b.dropout(drop);
            }
        }
        return b.softmax(BenchData.CLASSES).loss(loss).optimizer(adam ? Optimizer.adam(rate) : Optimizer.sgd(rate))
                .seed(1);
    }

    /** Floating-point operations of an epoch of {@code samples}: three products per layer and row, 2 per multiply-add. */
    double epochFlops(int samples) {
        double macs = (double) BenchData.PIXELS * width + (double) (layers - 1) * width * width
                + (double) width * BenchData.CLASSES;
        return 3 * 2 * macs * samples;
    }
}
