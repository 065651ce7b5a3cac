package org.dltips.train.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Products in two halves give what one product gives, for every layout and both ways of splitting. */
class BlasHalvesTest {

    @AfterEach
    void whole() {
        Blas.computeInHalves(false);
    }

    private static INDArray random(long rows, long columns, char order) {
        Nd4j.getRandom().setSeed(rows * 31 + columns);
        return Nd4j.rand(DataType.FLOAT, rows, columns).subi(0.5).dup(order);
    }

    /** {@code c = 0.5 * op(a) * op(b) + c}, once whole and once in halves, from the same start. */
    private static void compare(int m, int n, int k, boolean transposeA, boolean transposeB, char orderA, char orderB) {
        INDArray a = transposeA ? random(k, m, orderA) : random(m, k, orderA);
        INDArray b = transposeB ? random(n, k, orderB) : random(k, n, orderB);
        INDArray start = random(m, n, 'f');
        INDArray whole = start.dup('f');
        INDArray halves = start.dup('f');
        Blas.computeInHalves(false);
        Blas.gemm(Blas.Matrix.of(a), transposeA, Blas.Matrix.of(b), transposeB, Blas.Matrix.of(whole), 0.5, 1);
        Blas.computeInHalves(true);
        Blas.gemm(Blas.Matrix.of(a), transposeA, Blas.Matrix.of(b), transposeB, Blas.Matrix.of(halves), 0.5, 1);
        String what = m + "x" + k + (transposeA ? "'" : "") + orderA + " * " + k + "x" + n + (transposeB ? "'" : "")
                + orderB;
        assertTrue(whole.equalsWithEps(halves, 1e-4), what + " differs in halves");
        assertFalse(whole.equalsWithEps(start, 1e-3), what + ": the product changed nothing, so compared nothing");
    }

    @Test
    void wideProductsSplitTheirColumnsAndTallOnesTheirRows() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (char orderA : new char[] {'c', 'f'}) {
                    for (char orderB : new char[] {'c', 'f'}) {
                        compare(100, 689, 784, ta, tb, orderA, orderB); // wider than tall: columns split
                        compare(784, 100, 689, ta, tb, orderA, orderB); // taller than wide: rows split
                        compare(689, 10, 200, ta, tb, orderA, orderB); // too few columns to split: rows
                    }
                }
            }
        }
    }

    @Test
    void aSecondCallerMeanwhileWorksAloneAndFailuresComeBackAfterBothHalves() throws Exception {
        SecondLane lane = new SecondLane(); // its own: the shared one may be working alone after late halves
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> lane.runBoth(() -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, () -> { }));
        holder.start();
        inside.await();
        assertFalse(lane.runBoth(() -> { }, () -> { }), "the lane is busy: the caller is told to work alone");
        release.countDown();
        holder.join();

        AtomicBoolean otherHalfDone = new AtomicBoolean();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lane.runBoth(() -> { },
                () -> {
                    otherHalfDone.set(true);
                    throw new IllegalStateException("second half failed");
                }));
        assertEquals("second half failed", e.getMessage());
        assertTrue(otherHalfDone.get());
        assertTrue(lane.runBoth(() -> { }, () -> { }), "the lane works again after a failure");
    }
}
