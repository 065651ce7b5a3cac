package org.dltips.model;

import org.dltips.data.Dataset;
import org.dltips.model.internal.LayerMap;
import org.dltips.model.internal.MaxoutGroups;
import org.dltips.model.internal.MaxoutGroupsLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * Looks inside the Maxout layers of a {@link Network} ({@link NetworkBuilder#maxout(int, int)}): start one as a
 * ReLU network, see the activation a unit has learned, and see which piece each example used.
 *
 * <p>{@code Maxout.startAsRelu(maxoutNet, reluNet); Plots.maxoutUnits(Maxout.shape(maxoutNet, 1, 0, a, b));}
 *
 * <p>Introduced in the notebook "Maxout and the ReLU family". Hidden layers are numbered from 1, as in
 * {@link Network#gradients}, and units from 0. Pieces are drawn and named from 1, as the lecture's {@code z1, z2};
 * in arrays and in {@link ActivePieces#winners()} piece 1 is index 0.
 */
public final class Maxout {

    private static final int STEPS = 240;

    private Maxout() {
    }

    /**
     * A unit's activation along a straight line through its layer's input space, {@code h(t) = hA + t (hB - hA)},
     * where {@code hA} and {@code hB} are what two images give the layer: each piece is a straight line in
     * {@code t}, and the unit outputs the largest, a convex piecewise-linear function.
     *
     * @param name e.g. "hidden 1, unit 3"
     * @param t the positions along the line, -1 to 2 (0 is image A, 1 image B)
     * @param pieces each piece's value at each position
     * @param output the unit's output, the largest piece
     */
    public record UnitShape(String name, double[] t, double[][] pieces, double[] output) {
    }

    /**
     * Which piece was the largest in each unit of a layer, for each of a few examples.
     *
     * @param layer the layer's name
     * @param pieces pieces per unit
     * @param winners {@code winners[example][unit]}, the winning piece
     */
    public record ActivePieces(String layer, int pieces, int[][] winners) {

        /** Share of (example, unit) pairs won by each piece. */
        public double[] pieceShares() {
            double[] shares = new double[pieces];
            int total = 0;
            for (int[] row : winners) {
                for (int p : row) {
                    shares[p]++;
                    total++;
                }
            }
            for (int p = 0; p < pieces; p++) {
                shares[p] /= Math.max(1, total);
            }
            return shares;
        }

        /**
         * Over every pair of examples, the mean share of units whose winning piece differs: how different the thin
         * linear networks that two examples train are.
         */
        public double differingShare() {
            double sum = 0;
            int pairs = 0;
            for (int a = 0; a < winners.length; a++) {
                for (int b = a + 1; b < winners.length; b++) {
                    int differ = 0;
                    for (int j = 0; j < winners[a].length; j++) {
                        differ += winners[a][j] != winners[b][j] ? 1 : 0;
                    }
                    sum += differ / (double) winners[a].length;
                    pairs++;
                }
            }
            return pairs == 0 ? 0 : sum / pairs;
        }
    }

    /**
     * Makes every Maxout layer of {@code maxoutNet} compute what the matching ReLU layer of {@code reluNet}
     * computes, by the lecture's argument: piece 1 gets the ReLU layer's weights and bias, piece 2 all zeros, so
     * each unit outputs {@code max(z, 0)}. The output layer is copied too, so both networks give the same outputs.
     * Training then moves both pieces: the unit starts as ReLU and may learn another shape.
     *
     * @return {@code maxoutNet}, changed in place
     * @throws IllegalArgumentException unless both have the same layers, each ReLU layer matched by a Maxout layer
     *     of 2 pieces and the same number of units
     */
    public static Network startAsRelu(Network maxoutNet, Network reluNet) {
        MultiLayerNetwork to = maxoutNet.model();
        MultiLayerNetwork from = reluNet.model();
        List<LayerMap.Group> toGroups = LayerMap.of(to.getLayerWiseConfigurations());
        List<LayerMap.Group> fromGroups = LayerMap.of(from.getLayerWiseConfigurations());
        if (toGroups.size() != fromGroups.size() || maxoutNet.inputSize() != reluNet.inputSize()) {
            throw new IllegalArgumentException("startAsRelu needs two networks of the same shape; got " + maxoutNet
                    + " and " + reluNet + ": build the Maxout network with maxout(units, 2) where the ReLU one has"
                    + " dense(units, Activation.RELU)");
        }
        for (int i = 0; i < toGroups.size(); i++) {
            LayerMap.Group target = toGroups.get(i);
            LayerMap.Group source = fromGroups.get(i);
            INDArray w = from.getLayer(source.weightIndex()).getParam("W");
            INDArray b = from.getLayer(source.weightIndex()).getParam("b");
            INDArray toW = to.getLayer(target.weightIndex()).getParam("W");
            INDArray toB = to.getLayer(target.weightIndex()).getParam("b");
            if (target.output()) {
                checkShapes(source.output() && toW.equalShapes(w), target, source);
                toW.assign(w);
                toB.assign(b);
                continue;
            }
            MaxoutGroups groups = groupsOf(to, target);
            long units = w.columns();
            checkShapes(source.activation() == Activation.RELU && groups != null && groups.getPieces() == 2
                    && groups.getUnits() == units && toW.rows() == w.rows(), target, source);
            toW.assign(0);
            toB.assign(0);
            toW.get(NDArrayIndex.all(), NDArrayIndex.interval(0, units)).assign(w);
            toB.reshape(toB.length()).get(NDArrayIndex.interval(0, units)).assign(b.reshape(b.length()));
        }
        return maxoutNet;
    }

    private static void checkShapes(boolean ok, LayerMap.Group target, LayerMap.Group source) {
        if (!ok) {
            throw new IllegalArgumentException("startAsRelu cannot match \"" + target.name() + "\" with \""
                    + source.name() + "\"; each ReLU layer dense(units, Activation.RELU) needs a Maxout layer"
                    + " maxout(units, 2) in the same place, and the output layers must be equal");
        }
    }

    /**
     * The activation that unit {@code unit} of hidden layer {@code layer} computes along the line between what
     * {@code imageA} and {@code imageB} give that layer as input.
     */
    public static UnitShape shape(Network net, int layer, int unit, float[] imageA, float[] imageB) {
        MultiLayerNetwork model = net.model();
        LayerMap.Group group = maxoutGroup(net, layer);
        MaxoutGroups groups = groupsOf(model, group);
        if (unit < 0 || unit >= groups.getUnits()) {
            throw new IllegalArgumentException("unit " + unit + " is not in " + group.name() + "; expected 0 to "
                    + (groups.getUnits() - 1));
        }
        if (imageA.length != net.inputSize() || imageB.length != net.inputSize()) {
            throw new IllegalArgumentException("the images have " + imageA.length + " and " + imageB.length
                    + " values; the network takes " + net.inputSize() + ", e.g. test.featureArray() rows");
        }
        INDArray x = Nd4j.create(new float[][] {imageA, imageB});
        INDArray h = model.feedForward(x, false).get(group.weightIndex()); // the layer's input for both images
        INDArray w = model.getLayer(group.weightIndex()).getParam("W");
        INDArray b = model.getLayer(group.weightIndex()).getParam("b");
        INDArray hA = h.getRow(0);
        INDArray step = h.getRow(1).sub(hA);
        int pieces = groups.getPieces();
        double[] t = new double[STEPS + 1];
        double[][] values = new double[pieces][STEPS + 1];
        double[] output = new double[STEPS + 1];
        for (int p = 0; p < pieces; p++) {
            int column = p * groups.getUnits() + unit;
            INDArray weights = w.getColumn(column);
            double at0 = hA.mul(weights).sumNumber().doubleValue() + b.getDouble(column);
            double slope = step.mul(weights).sumNumber().doubleValue();
            for (int k = 0; k <= STEPS; k++) {
                t[k] = -1 + 3.0 * k / STEPS;
                values[p][k] = at0 + slope * t[k];
                output[k] = p == 0 ? values[p][k] : Math.max(output[k], values[p][k]);
            }
        }
        return new UnitShape("hidden " + layer + ", unit " + unit, t, values, output);
    }

    /**
     * The mean absolute weight of each piece of hidden layer {@code layer}, over all its units: after
     * {@link #startAsRelu} piece 2 (index 1) is all zeros, and it grows as training moves it.
     */
    public static double[] pieceWeights(Network net, int layer) {
        LayerMap.Group group = maxoutGroup(net, layer);
        MaxoutGroups groups = groupsOf(net.model(), group);
        INDArray w = net.model().getLayer(group.weightIndex()).getParam("W");
        double[] sizes = new double[groups.getPieces()];
        long units = groups.getUnits();
        for (int p = 0; p < sizes.length; p++) {
            sizes[p] = w.get(NDArrayIndex.all(), NDArrayIndex.interval(p * units, (p + 1) * units))
                    .norm1Number().doubleValue() / (w.rows() * units);
        }
        return sizes;
    }

    /** Which piece won in each of the first {@code units} units of hidden layer {@code layer} for each example. */
    public static ActivePieces activePieces(Network net, int layer, Dataset examples, int units) {
        MultiLayerNetwork model = net.model();
        LayerMap.Group group = maxoutGroup(net, layer);
        MaxoutGroups groups = groupsOf(model, group);
        int shown = Math.min(units, groups.getUnits());
        if (units < 1 || examples.size() < 1) {
            throw new IllegalArgumentException("activePieces got " + units + " units of " + examples.size()
                    + " examples; expected at least one of each, e.g. activePieces(net, 1, test.first(8), 40)");
        }
        INDArray z = model.feedForward(examples.features(), false).get(group.weightIndex() + 1);
        double[] values = z.dup('c').data().asDouble();
        int width = groups.getUnits() * groups.getPieces();
        int[][] winners = new int[examples.size()][shown];
        for (int r = 0; r < winners.length; r++) {
            for (int j = 0; j < shown; j++) {
                winners[r][j] = MaxoutGroupsLayer.winner(values, r * width, j, groups.getUnits(), groups.getPieces());
            }
        }
        return new ActivePieces(group.name(), groups.getPieces(), winners);
    }

    private static LayerMap.Group maxoutGroup(Network net, int layer) {
        List<LayerMap.Group> groups = LayerMap.of(net.model().getLayerWiseConfigurations());
        if (layer < 1 || layer > groups.size() || groupsOf(net.model(), groups.get(layer - 1)) == null) {
            List<String> maxouts = groups.stream().filter(g -> groupsOf(net.model(), g) != null)
                    .map(LayerMap.Group::name).toList();
            throw new IllegalArgumentException("hidden layer " + layer + " of " + net + " is not a Maxout layer;"
                    + (maxouts.isEmpty() ? " it has none: build one with maxout(units, pieces)"
                    : " its Maxout layers are " + maxouts + " (numbered from 1)"));
        }
        return groups.get(layer - 1);
    }

    /** The Maxout groups of a layer group, or null when it is no Maxout layer. */
    private static MaxoutGroups groupsOf(MultiLayerNetwork model, LayerMap.Group group) {
        if (group.output() || group.outputIndex() == group.weightIndex()) {
            return null;
        }
        Layer next = model.getLayerWiseConfigurations().getConf(group.weightIndex() + 1).getLayer();
        return next instanceof MaxoutGroups m ? m : null;
    }
}
