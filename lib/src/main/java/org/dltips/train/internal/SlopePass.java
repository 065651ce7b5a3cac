package org.dltips.train.internal;

import org.bytedeco.javacpp.FloatPointer;

/**
 * A parametric ReLU layer in {@link DenseStep} and {@link DenseForward}: {@code y = x} where {@code x >= 0} and
 * {@code a_j x} where {@code x < 0}, with one learned slope {@code a_j} per unit (column); its gradients are
 * {@code dx = e} or {@code a_j e}, and {@code da_j = sum over rows of x e} where {@code x < 0}, as ND4J's
 * {@code prelu_bp} computes them. Plain Java loops over the column-major arrays.
 *
 * <p>{@code SlopePass s = new SlopePass(); s.forward(x, slopes, y); ...; s.backward(x, e, dx, dSlopes);}
 */
final class SlopePass {

    private float[] slopes = new float[0];
    private float[] slopeGradient = new float[0];
    private float[] x = new float[0];
    private float[] e = new float[0];

    /** {@code y} from {@code x} (both rows x units, column-major), with the units' slopes at {@code slopeValues}. */
    void forward(Blas.Matrix input, FloatPointer slopeValues, Blas.Matrix output) {
        int units = input.columns();
        if (slopes.length != units) {
            slopes = new float[units];
            slopeGradient = new float[units];
        }
        slopeValues.get(slopes);
        int rows = input.rows();
        int ldx = input.ld();
        int ldy = output.ld();
        x = input.read(x);
        e = e.length >= output.span() ? e : new float[output.span()];
        for (int j = 0; j < slopes.length; j++) {
            float a = slopes[j];
            for (int r = 0; r < rows; r++) {
                float v = x[j * ldx + r];
                e[j * ldy + r] = v < 0 ? a * v : v;
            }
        }
        output.write(e);
    }

    /**
     * Writes the gradient with respect to the input into {@code dx} and the slopes' gradient to {@code slopesAt},
     * from {@code delta}, the gradient with respect to the output, with the slopes of the last {@link #forward};
     * {@code input}, {@code delta} and {@code dx} have one layout.
     */
    void backward(Blas.Matrix input, Blas.Matrix delta, Blas.Matrix dx, FloatPointer slopesAt) {
        int rows = input.rows();
        int ld = input.ld();
        if (delta.ld() != ld || dx.ld() != ld) {
            throw new IllegalStateException("expected one layout, got leading dimensions " + ld + ", " + delta.ld()
                    + " and " + dx.ld());
        }
        x = input.read(x);
        e = delta.read(e);
        for (int j = 0; j < slopes.length; j++) {
            float a = slopes[j];
            double sum = 0;
            for (int at = j * ld, end = at + rows; at < end; at++) {
                if (x[at] < 0) {
                    sum += x[at] * e[at];
                    e[at] *= a;
                }
            }
            slopeGradient[j] = (float) sum;
        }
        dx.write(e);
        slopesAt.put(slopeGradient);
    }
}
