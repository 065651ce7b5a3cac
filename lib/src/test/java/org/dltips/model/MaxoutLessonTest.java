package org.dltips.model;

import org.dltips.data.Dataset;
import org.dltips.plot.Plots;
import org.dltips.train.Fit;
import org.dltips.train.Synthetic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lecture's claims about Maxout, on the tools the notebook shows them with. */
class MaxoutLessonTest {

    private final Dataset data = Synthetic.blobs(200, 10, 3, 4);

    @Test
    void aTwoPieceMaxoutWithOnePieceAtZeroIsAReluNetwork() {
        Network relu = Network.input(10).hidden(2, 12, Activation.RELU).softmax(3).seed(3).build();
        relu.fit(data, Fit.epochs(2).batchSize(20).quiet()); // weights away from their start
        Network maxout = Maxout.startAsRelu(Network.input(10).maxout(2, 12, 2).softmax(3).seed(9).build(), relu);
        double gap = relu.output(data.features()).sub(maxout.output(data.features())).amaxNumber().doubleValue();
        assertEquals(0.0, gap, 1e-6, "the two networks give the same outputs");
        INDArray secondPiece = maxout.model().getLayer(0).getParam("W").get(NDArrayIndex.all(), NDArrayIndex.interval(12, 24));
        assertEquals(0.0, secondPiece.amaxNumber().doubleValue(), 0.0, "piece 1 starts at zero");
        assertEquals(0.0, Maxout.pieceWeights(maxout, 2)[1], 0.0, "piece 1 of the second layer starts at zero too");
        assertTrue(Maxout.pieceWeights(maxout, 2)[0] > 0.01, "piece 0 holds the ReLU layer's weights");
        maxout.fit(data, Fit.epochs(2).batchSize(20).quiet());
        secondPiece = maxout.model().getLayer(0).getParam("W").get(NDArrayIndex.all(), NDArrayIndex.interval(12, 24));
        assertTrue(secondPiece.amaxNumber().doubleValue() > 1e-4, "training moves the piece that started at zero");
        assertTrue(Maxout.pieceWeights(maxout, 1)[1] > 0, "and pieceWeights sees it");
    }

    @Test
    void startAsReluSaysWhichLayersDoNotMatch() {
        Network relu = Network.input(10).dense(12, Activation.RELU).softmax(3).build();
        String threePieces = assertThrows(IllegalArgumentException.class, () -> Maxout.startAsRelu(
                Network.input(10).maxout(12, 3).softmax(3).build(), relu)).getMessage();
        assertTrue(threePieces.contains("\"hidden 1 (12 maxout x3)\" with \"hidden 1 (12 relu)\""), threePieces);
        String deeper = assertThrows(IllegalArgumentException.class, () -> Maxout.startAsRelu(
                Network.input(10).maxout(2, 12, 2).softmax(3).build(), relu)).getMessage();
        assertTrue(deeper.contains("two networks of the same shape"), deeper);
    }

    @Test
    void aUnitOutputsTheLargestOfItsStraightPieces() {
        Network net = Network.input(10).maxout(8, 3).maxout(6, 4).softmax(3).seed(5).build();
        net.fit(data, Fit.epochs(2).batchSize(20).quiet());
        float[] a = data.first(1).featureArray();
        float[] b = data.select(1).featureArray();
        for (int layer = 1; layer <= 2; layer++) {
            Maxout.UnitShape shape = Maxout.shape(net, layer, 2, a, b);
            assertEquals(layer == 1 ? 3 : 4, shape.pieces().length);
            for (int k = 0; k < shape.t().length; k++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double[] piece : shape.pieces()) {
                    max = Math.max(max, piece[k]);
                }
                assertEquals(max, shape.output()[k], 1e-12);
            }
            for (int k = 1; k + 1 < shape.t().length; k++) { // convex: the slope never falls
                double left = shape.output()[k] - shape.output()[k - 1];
                double right = shape.output()[k + 1] - shape.output()[k];
                assertTrue(right >= left - 1e-9, "convex at t = " + shape.t()[k]);
            }
        }
        // at t = 0 and t = 1 the output is what the network computes for images A and B
        List<INDArray> acts = net.model().feedForward(data.select(0, 1).features(), false);
        Maxout.UnitShape first = Maxout.shape(net, 1, 2, a, b);
        int atOne = (int) Math.round(2.0 / 3 * (first.t().length - 1));
        assertEquals(acts.get(2).getDouble(0, 2), first.output()[atOne / 2], 1e-4);
        assertEquals(acts.get(2).getDouble(1, 2), first.output()[atOne], 1e-4);
    }

    @Test
    void activePiecesReadTheWinnersAndDrawThem(@TempDir Path dir) {
        Network net = Network.input(10).maxout(20, 3).softmax(3).seed(6).build();
        Maxout.ActivePieces active = Maxout.activePieces(net, 1, data.first(5), 15);
        assertEquals(5, active.winners().length);
        assertEquals(15, active.winners()[0].length);
        INDArray z = net.model().feedForward(data.first(5).features(), false).get(1); // the 60 pieces' values
        for (int r = 0; r < 5; r++) {
            for (int j = 0; j < 15; j++) {
                double won = z.getDouble(r, active.winners()[r][j] * 20L + j);
                for (int p = 0; p < 3; p++) {
                    assertTrue(won >= z.getDouble(r, p * 20L + j), "example " + r + ", unit " + j + ": piece "
                            + p + " is larger than the winner");
                }
            }
        }
        double[] shares = active.pieceShares();
        assertEquals(1.0, shares[0] + shares[1] + shares[2], 1e-9);
        assertTrue(active.differingShare() > 0 && active.differingShare() <= 1);
        BufferedImage map = Plots.activePieces(active, List.of("a", "b", "c", "d", "e"));
        BufferedImage units = Plots.maxoutUnits(Maxout.shape(net, 1, 0, data.first(1).featureArray(),
                data.select(1).featureArray()), Maxout.shape(net, 1, 1, data.first(1).featureArray(),
                data.select(1).featureArray()));
        assertTrue(map.getWidth() > 300 && units.getWidth() == 2 * units.getHeight() * 330 / 300);
        assertTrue(Files.exists(Plots.savePng(units, dir.resolve("units.png").toString())));
        String notMaxout = assertThrows(IllegalArgumentException.class,
                () -> Maxout.activePieces(Network.input(10).dense(4, Activation.RELU).softmax(3).build(), 1, data, 3))
                .getMessage();
        assertTrue(notMaxout.contains("is not a Maxout layer; it has none: build one with maxout(units, pieces)"), notMaxout);
    }
}
