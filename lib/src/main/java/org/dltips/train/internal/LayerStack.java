package org.dltips.train.internal;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.dltips.model.internal.MaxoutGroups;
import org.dltips.model.internal.ResidualDense;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PReLULayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.PReLUParamInitializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's layers as the BLAS paths ({@link DenseStep}, {@link DenseForward}) read them: dense layers, dense
 * layers with a skip connection, batch normalization, activation layers, Maxout groups, parametric ReLU layers and
 * the output layer, each with the
 * arrays the network keeps its parameters in, so that updates in place and reads follow training.
 *
 * <p>{@code LayerStack stack = LayerStack.of(model); if (stack != null) stack.part(0).affine(x, pre, ones);}
 *
 * @param parts the layers in order, the output layer last
 */
record LayerStack(List<Part> parts) {

    /** What a layer computes. */
    enum Kind {
        /** {@code act(x W + b)}. */
        DENSE,
        /** {@code x + act(x W + b)}. */
        RESIDUAL,
        /** Batch normalization: each unit scaled to mean 0 and variance 1 over the batch, then by gamma and beta. */
        NORM,
        /** {@code act(x)}. */
        ACTIVATION,
        /** Maxout: each unit's largest of its pieces, the input's columns {@code p * units + j}. */
        MAXOUT,
        /** Parametric ReLU: {@code x} where positive, {@code a_j x} elsewhere, with a learned slope per unit. */
        PRELU,
        /** {@code x W + b}, then the loss's activation (softmax). */
        OUTPUT
    }

    /**
     * One layer.
     *
     * @param kind what it computes
     * @param conf its DL4J configuration
     * @param activation the hidden non-linearity of DENSE, RESIDUAL and ACTIVATION layers; null for the others
     * @param weights the column-major weight matrix (inputs x units) of DENSE, RESIDUAL and OUTPUT layers
     * @param bias their contiguous bias row
     * @param norm the parameters of a NORM layer
     * @param slopes the learned slopes of a PRELU layer, one per unit, a view of the network's own array
     * @param pieces the pieces per unit of a MAXOUT layer; 1 for the others
     * @param units outputs per row
     */
    record Part(Kind kind, org.deeplearning4j.nn.conf.layers.Layer conf, HiddenActivation activation,
                Blas.Matrix weights, FloatPointer bias, NormParameters norm, INDArray slopes, int pieces, long units) {

        boolean hasWeights() {
            return weights != null;
        }

        /** {@code pre = input * W + b}; {@code ones} holds at least as many ones as input rows. */
        void affine(Blas.Matrix input, Blas.Matrix pre, FloatPointer ones) {
            Blas.gemm(input, false, weights, false, pre, 1, 0);
            Blas.addToRows(pre, bias, ones);
        }
    }

    /**
     * The layers of {@code model}, or null unless it is float dense layers (with biases, without layer
     * normalization), residual layers, batch normalization of a layer's outputs, activation layers, Maxout groups
     * and parametric ReLU layers (one slope per unit), starting
     * with a dense layer and ending with an output layer, without input preprocessors, on a backend BLAS reads.
     */
    static LayerStack of(MultiLayerNetwork model) {
        MultiLayerConfiguration conf = model.getLayerWiseConfigurations();
        if (!Blas.available() || conf.getInputPreProcessors() != null && !conf.getInputPreProcessors().isEmpty()
                || conf.getDataType() != DataType.FLOAT || conf.getConfs().isEmpty()) {
            return null;
        }
        int n = conf.getConfs().size();
        List<Part> parts = new ArrayList<>();
        long width = 0;
        for (int i = 0; i < n; i++) {
            Part part = part(conf.getConf(i).getLayer(), model.getLayer(i), width);
            boolean placed = part != null && (i == n - 1) == (part.kind == Kind.OUTPUT)
                    && (i > 0 || part.kind == Kind.DENSE || part.kind == Kind.OUTPUT);
            if (!placed) {
                return null;
            }
            parts.add(part);
            width = part.units;
        }
        return new LayerStack(List.copyOf(parts));
    }

    private static Part part(org.deeplearning4j.nn.conf.layers.Layer conf, Layer layer, long width) {
        if (conf.getClass() == ActivationLayer.class) {
            return new Part(Kind.ACTIVATION, conf, HiddenActivation.of(((ActivationLayer) conf).getActivationFn()),
                    null, null, null, null, 1, width);
        }
        if (conf.getClass() == BatchNormalization.class) {
            NormParameters norm = NormParameters.of((BatchNormalization) conf, layer);
            return norm == null || norm.units() != width ? null
                    : new Part(Kind.NORM, conf, null, null, null, norm, null, 1, width);
        }
        if (conf.getClass() == MaxoutGroups.class) {
            MaxoutGroups groups = (MaxoutGroups) conf;
            return (long) groups.getUnits() * groups.getPieces() != width ? null
                    : new Part(Kind.MAXOUT, conf, null, null, null, null, null, groups.getPieces(), groups.getUnits());
        }
        if (conf.getClass() == PReLULayer.class) {
            INDArray slopes = NormParameters.vector(layer.getParam(PReLUParamInitializer.WEIGHT_KEY));
            return slopes == null || slopes.length() != width ? null
                    : new Part(Kind.PRELU, conf, null, null, null, null, slopes, 1, width);
        }
        Kind kind;
        if (conf.getClass() == OutputLayer.class) {
            kind = Kind.OUTPUT;
        } else if ((conf.getClass() == DenseLayer.class || conf.getClass() == ResidualDense.class)
                && ((DenseLayer) conf).hasBias() && !((DenseLayer) conf).hasLayerNorm()) {
            kind = conf.getClass() == ResidualDense.class ? Kind.RESIDUAL : Kind.DENSE;
        } else {
            return null;
        }
        Blas.Matrix weights = Blas.Matrix.of(layer.getParam("W"));
        FloatPointer bias = Blas.vector(layer.getParam("b"));
        if (weights == null || weights.transposed() || bias == null || width != 0 && weights.rows() != width
                || kind == Kind.RESIDUAL && weights.rows() != weights.columns()) {
            return null;
        }
        HiddenActivation activation = kind == Kind.OUTPUT ? null
                : HiddenActivation.of(((DenseLayer) conf).getActivationFn());
        return new Part(kind, conf, activation, weights, bias, null, null, 1, weights.columns());
    }

    int count() {
        return parts.size();
    }

    Part part(int i) {
        return parts.get(i);
    }

    /**
     * A batch-normalization layer's parameters, as views of the network's own arrays, and its settings.
     *
     * @param gamma the learned scale, a vector of one value per unit
     * @param beta the learned shift
     * @param mean the running mean used at inference
     * @param spread the running spread used at inference: log10 of the standard deviation, or the variance
     * @param logStd whether {@code spread} is log10 of the standard deviation (DL4J's default) or the variance
     * @param decay how much of the running statistics a batch keeps (DL4J: 0.9)
     * @param eps what is added to the variance before its square root
     */
    record NormParameters(INDArray gamma, INDArray beta, INDArray mean, INDArray spread, boolean logStd,
                          double decay, double eps) {

        static NormParameters of(BatchNormalization conf, Layer layer) {
            if (conf.isLockGammaBeta()) {
                return null;
            }
            boolean logStd = conf.isUseLogStd();
            INDArray gamma = vector(layer.getParam(BatchNormalizationParamInitializer.GAMMA));
            INDArray beta = vector(layer.getParam(BatchNormalizationParamInitializer.BETA));
            INDArray mean = vector(layer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
            INDArray spread = vector(layer.getParam(logStd ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD
                    : BatchNormalizationParamInitializer.GLOBAL_VAR));
            if (gamma == null || beta == null || mean == null || spread == null) {
                return null;
            }
            return new NormParameters(gamma, beta, mean, spread, logStd, conf.getDecay(), conf.getEps());
        }

        /** A contiguous float parameter as a rank-1 view, or null. */
        static INDArray vector(INDArray param) {
            return param == null || Blas.vector(param) == null ? null : param.reshape(param.length());
        }

        long units() {
            return gamma.length();
        }

        /** The running variance of each unit, read from {@link #spread} as DL4J reads it. */
        float[] variances() {
            float[] v = spread.toFloatVector();
            if (logStd) {
                for (int j = 0; j < v.length; j++) {
                    float std = (float) Math.pow(10.0, v[j]);
                    v[j] = std * std;
                }
            }
            return v;
        }
    }
}
