package org.dltips.train.internal;

import java.util.Arrays;

/**
 * A Maxout layer in {@link DenseStep}: each unit's output is the largest of its pieces,
 * input column {@code p * units + j} being piece {@code p} of unit {@code j}, and the gradient goes back to that
 * piece alone (to the first of equal pieces, as {@code MaxoutGroupsLayer} does). In column-major arrays each piece
 * is one run of {@code units} columns, so both passes are plain Java loops. Which piece won is kept from the
 * forward pass for the backward pass.
 *
 * <p>{@code MaxoutPass m = new MaxoutPass(689, 2); m.forward(z, a); ...; m.backward(e, dz);}
 */
final class MaxoutPass {

    private final int units;
    private final int pieces;
    private float[] in = new float[0];
    private float[] out = new float[0];
    private byte[] winners = new byte[0]; // per output, column-major without gaps: which piece was the largest

    MaxoutPass(int units, int pieces) {
        if (pieces > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("a Maxout unit of " + pieces + " pieces; at most " + Byte.MAX_VALUE);
        }
        this.units = units;
        this.pieces = pieces;
    }

    /** {@code a = max over p of z's piece p}, for the rows of {@code z} (units * pieces columns). */
    void forward(Blas.Matrix z, Blas.Matrix a) {
        int rows = z.rows();
        int ldz = z.ld();
        int lda = a.ld();
        in = z.read(in);
        out = out.length >= a.span() ? out : new float[a.span()];
        if (winners.length < rows * units) {
            winners = new byte[rows * units];
        }
        for (int j = 0; j < units; j++) {
            for (int r = 0; r < rows; r++) {
                int best = 0;
                float max = in[j * ldz + r];
                for (int p = 1; p < pieces; p++) {
                    float v = in[(p * units + j) * ldz + r];
                    if (v > max) {
                        max = v;
                        best = p;
                    }
                }
                out[j * lda + r] = max;
                winners[j * rows + r] = (byte) best;
            }
        }
        a.write(out);
    }

    /** {@code dz}: {@code e} where a piece was the largest in the last {@link #forward}, 0 elsewhere. */
    void backward(Blas.Matrix e, Blas.Matrix dz) {
        int rows = e.rows();
        int lde = e.ld();
        int ldz = dz.ld();
        out = e.read(out);
        in = in.length >= dz.span() ? in : new float[dz.span()];
        Arrays.fill(in, 0, dz.span(), 0f);
        for (int j = 0; j < units; j++) {
            for (int r = 0; r < rows; r++) {
                in[(winners[j * rows + r] * units + j) * ldz + r] = out[j * lde + r];
            }
        }
        dz.write(in);
    }
}
