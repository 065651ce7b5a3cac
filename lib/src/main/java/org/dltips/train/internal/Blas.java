package org.dltips.train.internal;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float matrix products and rank-one updates called straight in the BLAS library ND4J itself loads, on ND4J
 * arrays: one native call each, where {@code Nd4j.gemm} builds and validates a custom op first (about 90
 * microseconds per call on the lecture's shapes, a third of the product itself).
 *
 * <p>{@code Blas.gemm(a, false, b, true, c, 1, 0); // c = a * b'}
 */
final class Blas {

    private static final boolean AVAILABLE = detect();
    /** Products of fewer multiply-adds than this are not split: handing half over costs a few microseconds. */
    private static final long HALVES_FROM = 1 << 20;
    /** Halves split at a multiple of this many rows or columns. */
    private static final int HALF_ALIGN = 16;
    private static volatile boolean halves = org.dltips.model.internal.NativeTuning.productHalves();

    private Blas() {
    }

    /**
     * Whether arrays live in host memory and OpenBLAS's binding loads: true with nd4j-native, false with any
     * other ND4J backend, whose networks then train and evaluate through DL4J alone.
     */
    static boolean available() {
        return AVAILABLE;
    }

    private static boolean detect() {
        try {
            boolean host = Nd4j.getBackend().getClass().getName().equals("org.nd4j.linalg.cpu.nativecpu.CpuBackend");
            return host && Class.forName(openblas_nolapack.class.getName(), true, Blas.class.getClassLoader()) != null;
        } catch (LinkageError | RuntimeException | ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * A float matrix as BLAS reads it: a column-major block at {@code pointer} with leading dimension {@code ld},
     * holding the matrix itself, or its transpose when {@code transposed} (a row-major array).
     */
    record Matrix(FloatPointer pointer, int rows, int columns, int ld, boolean transposed) {

        /** The matrix of a 2-d float array whose rows or columns are contiguous, or null for any other layout. */
        static Matrix of(INDArray a) {
            if (a.rank() != 2 || a.dataType() != DataType.FLOAT || a.length() == 0) {
                return null;
            }
            int rows = (int) a.rows();
            int columns = (int) a.columns();
            boolean rowMajor = a.ordering() == 'c' && (a.stride(1) == 1 || columns == 1);
            boolean columnMajor = a.ordering() == 'f' && (a.stride(0) == 1 || rows == 1);
            FloatPointer pointer = Blas.pointer(a);
            if (!rowMajor && !columnMajor || pointer == null) {
                return null;
            }
            long ld = rowMajor ? Math.max(a.stride(0), columns) : Math.max(a.stride(1), rows);
            return new Matrix(pointer, rows, columns, (int) ld, rowMajor);
        }

        /** How many floats the matrix spans from its first element to its last, gaps between columns included. */
        int span() {
            return ld * (columns - 1) + rows;
        }

        /**
         * The column-major matrix's values, the gaps between columns included ({@code [c * ld + r]}), in
         * {@code reuse} when it is long enough, else in a new array.
         */
        float[] read(float[] reuse) {
            if (transposed) {
                throw new IllegalStateException("expected a column-major matrix, got a row-major " + rows + "x" + columns);
            }
            float[] values = reuse.length >= span() ? reuse : new float[span()];
            pointer.get(values, 0, span());
            return values;
        }

        /** Writes {@code values} (laid out as {@link #read} gives them) into the matrix. */
        void write(float[] values) {
            pointer.put(values, 0, span());
        }

        /** Like {@link #of} but insists: the arrays this package makes itself always have a BLAS layout. */
        static Matrix require(INDArray a) {
            Matrix m = of(a);
            if (m == null || m.transposed) {
                throw new IllegalStateException("expected a column-major float matrix, got " + a.shapeInfoToString());
            }
            return m;
        }
    }

    /** {@code a} itself when it has a layout BLAS reads, else a column-major copy that the caller closes. */
    static INDArray readable(INDArray a) {
        return Matrix.of(a) != null ? a : a.dup('f');
    }

    /** {@code c = alpha * op(a) * op(b) + beta * c}, op transposing when asked; {@code c} is column-major. */
    static void gemm(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c, double alpha, double beta) {
        int m = transposeA ? a.columns : a.rows;
        int k = transposeA ? a.rows : a.columns;
        int n = transposeB ? b.rows : b.columns;
        int kb = transposeB ? b.columns : b.rows;
        if (k != kb || m != c.rows || n != c.columns || c.transposed) {
            throw new IllegalArgumentException("cannot multiply " + shape(a, transposeA) + " by " + shape(b, transposeB)
                    + " into " + c.rows + "x" + c.columns);
        }
        boolean opA = transposeA != a.transposed;
        boolean opB = transposeB != b.transposed;
        if (halves && (long) m * n * k >= HALVES_FROM && (m >= 2 * HALF_ALIGN || n >= 2 * HALF_ALIGN)) {
            inHalves(opA, opB, m, n, k, (float) alpha, a, b, (float) beta, c);
        } else {
            sgemm(opA, opB, m, n, k, (float) alpha, a.pointer, a.ld, b.pointer, b.ld, (float) beta, c.pointer, c.ld);
        }
    }

    /**
     * Whether products are computed in two halves at once, each on its own thread with single-threaded BLAS
     * ({@link SecondLane}), instead of by BLAS's own threads: {@link org.dltips.model.internal.NativeTuning}
     * turns it on where the installer measured it faster. For the lecture's products, batch 100 on a 2-core AMD
     * EPYC, it took 3.1 ms a batch where OpenBLAS's two threads took 4.2 ms and one thread 4.8 ms.
     */
    static void computeInHalves(boolean on) {
        halves = on;
    }

    /** Whether products (and the element-wise passes between them, {@link ColumnHalves}) run in halves. */
    static boolean inHalves() {
        return halves;
    }

    /**
     * The two halves of {@code c}: its columns split in two when it is at least as wide as it is tall (each half
     * then reads half of {@code b}, usually the weights), else its rows; the split falls on a multiple of
     * {@link #HALF_ALIGN}, where BLAS's kernels work on whole blocks.
     */
    private static void inHalves(boolean opA, boolean opB, int m, int n, int k, float alpha, Matrix a, Matrix b,
                                 float beta, Matrix c) {
        boolean byColumns = n >= m;
        int split = Math.max(HALF_ALIGN, (byColumns ? n : m) / 2 / HALF_ALIGN * HALF_ALIGN);
        FloatPointer a2 = byColumns ? a.pointer : offset(a.pointer, opA ? (long) split * a.ld : split);
        FloatPointer b2 = byColumns ? offset(b.pointer, opB ? split : (long) split * b.ld) : b.pointer;
        FloatPointer c2 = offset(c.pointer, byColumns ? (long) split * c.ld : split);
        Runnable first = () -> sgemm(opA, opB, byColumns ? m : split, byColumns ? split : n, k, alpha, a.pointer,
                a.ld, b.pointer, b.ld, beta, c.pointer, c.ld);
        Runnable second = () -> sgemm(opA, opB, byColumns ? m : m - split, byColumns ? n - split : n, k, alpha, a2,
                a.ld, b2, b.ld, beta, c2, c.ld);
        if (!SecondLane.shared().runBoth(first, second)) {
            first.run();
            second.run();
        }
    }

    /** A pointer {@code floats} past {@code p}. */
    private static FloatPointer offset(FloatPointer p, long floats) {
        return new FloatPointer(p).position(floats);
    }

    private static void sgemm(boolean opA, boolean opB, int m, int n, int k, float alpha, FloatPointer a, int lda,
                              FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
        openblas_nolapack.cblas_sgemm(CblasColMajor, op(opA), op(opB), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /** Adds {@code row} (length {@code c.columns}, contiguous) to every row of the column-major matrix {@code c}. */
    static void addToRows(Matrix c, FloatPointer row, FloatPointer ones) {
        openblas_nolapack.cblas_sger(CblasColMajor, c.rows, c.columns, 1f, ones, 1, row, 1, c.pointer, c.ld);
    }

    /**
     * {@code row = alpha * (sum of the rows of a) + beta * row}, for a contiguous {@code row} and {@code ones} of
     * a's height.
     */
    static void columnSums(Matrix a, double alpha, FloatPointer ones, FloatPointer row, double beta) {
        if (a.transposed) { // stored as a' (columns x rows): the sums are a' * ones
            openblas_nolapack.cblas_sgemv(CblasColMajor, CblasNoTrans, a.columns, a.rows, (float) alpha, a.pointer,
                    a.ld, ones, 1, (float) beta, row, 1);
        } else {
            openblas_nolapack.cblas_sgemv(CblasColMajor, CblasTrans, a.rows, a.columns, (float) alpha, a.pointer,
                    a.ld, ones, 1, (float) beta, row, 1);
        }
    }

    /** {@code y += alpha * x} over {@code n} contiguous values. */
    static void axpy(int n, double alpha, FloatPointer x, FloatPointer y) {
        openblas_nolapack.cblas_saxpy(n, (float) alpha, x, 1, y, 1);
    }

    /** The contiguous float data of a vector (such as a bias row), or null when its elements are not adjacent. */
    static FloatPointer vector(INDArray v) {
        boolean contiguous = v.dataType() == DataType.FLOAT && v.elementWiseStride() == 1 && (v.isVector() || v.isScalar());
        return contiguous ? pointer(v) : null;
    }

    /**
     * Where the array's first element is: ND4J gives a view a buffer that starts at the view, so its address is
     * the view's (an array whose offset is not its buffer's would have to be read some other way: null).
     */
    private static FloatPointer pointer(INDArray a) {
        return a.offset() == a.data().offset() ? new FloatPointer(a.data().addressPointer()) : null;
    }

    private static int op(boolean transpose) {
        return transpose ? CblasTrans : CblasNoTrans;
    }

    private static String shape(Matrix m, boolean transpose) {
        return transpose ? m.columns + "x" + m.rows : m.rows + "x" + m.columns;
    }
}
