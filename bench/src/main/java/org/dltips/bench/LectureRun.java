package org.dltips.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One lecture training run without PyTorch, for memory (peak RSS) and profiling: 20 epochs of the lecture
 * network on the first 10 000 MNIST images, printing seconds, training and test accuracy per epoch.
 *
 * <p>{@code /usr/bin/time -v java -cp ... org.dltips.bench.LectureRun data=/tmp/mnist/package/data rounds=20}
 */
public final class LectureRun {
    private LectureRun() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings s = Settings.parse(args);
        String warning = NativeSetup.configure();
        if (!warning.isEmpty()) {
            System.out.println("warning: " + warning);
        }
        Bench.configureNd4j(s);
        BenchData train = BenchData.load(s.dataDir(), s.integer("samples"));
        BenchData test = BenchData.load(s.dataDir(), 10_000, "t10k");
        System.out.println(Proc.describe());
        Dl4jSide side = new Dl4jSide(train, s);
        INDArray trainX = Nd4j.create(train.features, new long[] {train.rows, BenchData.PIXELS}, 'c');
        INDArray testX = Nd4j.create(test.features, new long[] {test.rows, BenchData.PIXELS}, 'c');
        for (int e = 1; e <= s.integer("rounds"); e++) {
            double sec = side.trainKept(s.integer("batch"), 1, train.rows)[0];
            MultiLayerNetwork net = side.kept();
            System.out.printf("epoch %2d: %.3f s, train acc %.4f, test acc %.4f, peak RSS %.0f MiB%n", e, sec,
                    accuracy(net, trainX, train.labels), accuracy(net, testX, test.labels), Proc.peakRssMiB());
        }
        System.out.printf("peak RSS %.0f MiB (JVM max heap %d MiB)%n", Proc.peakRssMiB(),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    static double accuracy(MultiLayerNetwork net, INDArray x, byte[] labels) {
        int correct = 0;
        int chunk = 1000;
        for (int i = 0; i < labels.length; i += chunk) {
            int end = Math.min(labels.length, i + chunk);
            INDArray predicted = net.output(Dl4jSide.rows(x, i, end), false).argMax(1);
            for (int j = i; j < end; j++) {
                correct += predicted.getInt(j - i) == labels[j] ? 1 : 0;
            }
        }
        return correct / (double) labels.length;
    }
}
