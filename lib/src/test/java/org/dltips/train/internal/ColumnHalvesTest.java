package org.dltips.train.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The activations' passes give the same in two halves of the columns as in one, and return the same array. */
class ColumnHalvesTest {

    @AfterEach
    void whole() {
        Blas.computeInHalves(false);
    }

    private static INDArray random(long rows, long columns, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.FLOAT, rows, columns).dup('f');
    }

    private static void sameInHalves(HiddenActivation f) {
        INDArray pre = random(100, 689, 1);
        INDArray delta = random(100, 689, 2);
        INDArray[] results = new INDArray[2];
        for (int run = 0; run < 2; run++) {
            Blas.computeInHalves(run == 1);
            INDArray p = pre.dup('f');
            INDArray out = Nd4j.create(DataType.FLOAT, new long[] {100, 689}, 'f');
            INDArray d = delta.dup('f');
            for (int again = 0; again < 2; again++) { // the second time through the kept halves
                p.assign(pre);
                d.assign(delta);
                f.forwardInHalves(p, out);
                INDArray back = f.backwardInHalves(p, out, d);
                assertTrue(back == d || back == p, "the pass returns one of the arrays it was given");
                results[run] = Nd4j.concat(1, out, back.dup('f'));
            }
        }
        assertEquals(results[0], results[1]);
    }

    @Test
    void sigmoidAndReluGiveTheSameInHalves() {
        sameInHalves(HiddenActivation.of(new ActivationSigmoid()));
        sameInHalves(HiddenActivation.of(new ActivationReLU()));
    }

    @Test
    void smallOrRowMajorArraysGoInOnePassLargeOnesInTwo() {
        Blas.computeInHalves(true);
        AtomicInteger passes = new AtomicInteger();
        INDArray small = Nd4j.create(DataType.FLOAT, new long[] {10, 10}, 'f');
        assertSame(small, ColumnHalves.apply(h -> {
            passes.incrementAndGet();
            return h[0];
        }, small));
        INDArray rowMajor = Nd4j.create(DataType.FLOAT, new long[] {100, 689}, 'c');
        assertSame(rowMajor, ColumnHalves.apply(h -> {
            passes.incrementAndGet();
            return h[0];
        }, rowMajor));
        assertEquals(2, passes.get(), "one pass each");
        INDArray large = Nd4j.create(DataType.FLOAT, new long[] {100, 689}, 'f');
        assertSame(large, ColumnHalves.apply(h -> {
            passes.incrementAndGet();
            assertEquals(100, h[0].rows());
            assertTrue(h[0].columns() == 344 || h[0].columns() == 345, "half the columns: " + h[0].columns());
            return h[0];
        }, large), "the whole array comes back for its halves");
        assertEquals(4, passes.get(), "two halves");
    }
}
