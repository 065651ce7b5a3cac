package org.dltips.train.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The Java sigmoid against the exact one, and its passes against ND4J's ops on the arrays the training step uses. */
class SigmoidLoopTest {

    @Test
    void withinTwoTenMillionthsOfTheExactSigmoidAndInsideZeroToOne() {
        int n = 2_000_001;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = -40f + 80f * i / (n - 1);
        }
        float[] x = values.clone();
        SigmoidLoop.sigmoid(values, n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double exact = 1 / (1 + Math.exp(-(double) x[i]));
            worst = Math.max(worst, Math.abs(values[i] - exact));
            assertTrue(values[i] >= 0f && values[i] <= 1f, "sigmoid(" + x[i] + ") = " + values[i]);
        }
        assertTrue(worst < 2e-7, "largest error " + worst);
        float[] middle = {0f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        SigmoidLoop.sigmoid(middle, middle.length);
        assertEquals(0.5f, middle[0]);
        assertEquals(1f, middle[1]);
        assertEquals(0f, middle[2]);
        assertEquals(1f, middle[3]);
        assertEquals(0f, middle[4]);
    }

    @Test
    void forwardAndBackwardMatchNd4jOnHalvesAndWholeArrays() {
        Nd4j.getRandom().setSeed(3);
        INDArray pre = Nd4j.randn(DataType.FLOAT, 100, 689).muli(4).dup('f'); // more than one block of values
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, 100, 689).dup('f');
        INDArray expected = Nd4j.create(DataType.FLOAT, new long[] {100, 689}, 'f');
        Nd4j.exec(new Sigmoid(pre, expected));
        INDArray expectedGradient = epsilon.mul(expected).muli(expected.rsub(1));
        INDArray whole = Nd4j.create(DataType.FLOAT, new long[] {100, 689}, 'f');
        assertTrue(SigmoidLoop.applies(pre, whole) || !SigmoidLoop.optimizingCompiler(List.of()),
                "contiguous column-major arrays of one shape take the loop");
        SigmoidLoop.forward(pre, whole);
        assertTrue(whole.sub(expected).amaxNumber().doubleValue() < 2e-7, "forward on the whole array");
        INDArray right = whole.get(NDArrayIndex.all(), NDArrayIndex.interval(344, 689));
        INDArray rightPre = pre.get(NDArrayIndex.all(), NDArrayIndex.interval(344, 689));
        right.assign(0);
        SigmoidLoop.forward(rightPre, right); // a half of the columns, as ColumnHalves hands over
        assertTrue(whole.sub(expected).amaxNumber().doubleValue() < 2e-7, "forward on the right half");
        INDArray gradient = epsilon.dup('f');
        SigmoidLoop.backward(whole, gradient);
        assertTrue(gradient.sub(expectedGradient).amaxNumber().doubleValue() < 1e-6, "backward");
    }

    @Test
    void takesOnlyContiguousArraysOfOneLayoutAndLeavesC1AndTheInterpreterToNd4j() {
        INDArray columnMajor = Nd4j.create(DataType.FLOAT, new long[] {10, 20}, 'f');
        INDArray rowMajor = Nd4j.create(DataType.FLOAT, new long[] {10, 20}, 'c');
        INDArray gappy = columnMajor.get(NDArrayIndex.interval(0, 5), NDArrayIndex.all());
        assertFalse(SigmoidLoop.applies(columnMajor, rowMajor), "mixed layouts");
        assertFalse(SigmoidLoop.applies(gappy, gappy.dup('f')), "a view with gaps between its columns");
        assertFalse(SigmoidLoop.optimizingCompiler(List.of("-Xmx2g", "-XX:TieredStopAtLevel=1")));
        assertFalse(SigmoidLoop.optimizingCompiler(List.of("-Xint")));
        assertTrue(SigmoidLoop.optimizingCompiler(List.of("-XX:CompilerDirectivesFile=d.json")));
        assertTrue(SigmoidLoop.optimizingCompiler(List.of("-XX:TieredStopAtLevel=4")));
    }
}
