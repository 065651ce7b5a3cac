package org.dltips.model;

import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;

/**
 * How the weights of a network start: scaled to the layer size (Xavier, Kaiming) or plain random.
 *
 * <p>{@code Network.input(784).dense(689, Activation.RELU).softmax(10).init(Init.KAIMING).build();}
 *
 * <p>Introduced in the notebook on initialization, which compares Kaiming with plain random weights run after
 * run. Biases always start at 0.
 */
public final class Init {

    /** Glorot/Xavier uniform, U(-a, a) with a = sqrt(6 / (fanIn + fanOut)): Keras's default, and ours. */
    public static final Init XAVIER = new Init("Xavier (Glorot uniform)", WeightInit.XAVIER_UNIFORM.getWeightInitFunction());

    /** Kaiming/He normal, variance 2 / fanIn: made for ReLU layers. */
    public static final Init KAIMING = new Init("Kaiming (He normal)", WeightInit.RELU.getWeightInitFunction());

    /** LeCun normal, variance 1 / fanIn: the partner of SELU. */
    public static final Init LECUN = new Init("LeCun normal", WeightInit.LECUN_NORMAL.getWeightInitFunction());

    private final String name;
    private final IWeightInit dl4j;

    private Init(String name, IWeightInit dl4j) {
        this.name = name;
        this.dl4j = dl4j;
    }

    /**
     * Plain random weights from N(0, standardDeviation²), the same for every layer size.
     *
     * <p>{@code Init.normal(0.01)}
     */
    public static Init normal(double standardDeviation) {
        if (!(standardDeviation > 0) || Double.isInfinite(standardDeviation)) {
            throw new IllegalArgumentException("Init.normal got standard deviation " + standardDeviation
                    + "; expected a positive finite number such as 0.01");
        }
        return new Init("normal(0, " + standardDeviation + ")",
                new WeightInitDistribution(new NormalDistribution(0, standardDeviation)));
    }

    /** The DL4J weight initialization this stands for. */
    public IWeightInit toDl4j() {
        return dl4j;
    }

    @Override
    public String toString() {
        return name;
    }
}
