package org.dltips.model;

import org.dltips.data.Dataset;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Back-propagated gradients against finite differences, in double precision, for the layers we wrote ourselves. */
final class FiniteDifferences {

    private FiniteDifferences() {
    }

    static void assertGradientsMatch(NetworkBuilder builder, Dataset data) {
        DataType before = Nd4j.dataType();
        DataType beforeFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            MultiLayerNetwork model = builder.optimizer(Optimizer.sgd(1.0)).build().model().convertDataType(DataType.DOUBLE);
            // batch normalization's running mean and variance are statistics, not trained by the gradient
            java.util.Set<String> statistics = new java.util.HashSet<>();
            for (String name : model.paramTable().keySet()) {
                if (name.endsWith("_mean") || name.endsWith("_var") || name.endsWith("_log10stdev")) {
                    statistics.add(name);
                }
            }
            boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(model).excludeParams(statistics)
                    .input(data.features().castTo(DataType.DOUBLE)).labels(data.oneHot().castTo(DataType.DOUBLE))
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                    .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));
            assertTrue(ok, "back-propagated gradients differ from finite differences for " + builder);
        } finally {
            Nd4j.setDefaultDataTypes(before, beforeFloat);
        }
    }
}
