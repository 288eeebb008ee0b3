package org.twinprint.segmentation.core;

import java.util.stream.IntStream;

/**
 * Exact squared Euclidean distance (in mm²) from every voxel to the nearest voxel of a mask, on
 * anisotropic grids: the lower-envelope-of-parabolas method of Felzenszwalb and Huttenlocher,
 * one axis after the other, each axis in parallel over its lines.
 */
public final class DistanceTransform {

    private static final double FAR = 1e20;

    private DistanceTransform() {
    }

    /** Squared distance to the nearest {@code inside[n]} voxel (0 on the mask). */
    public static double[] squared(boolean[] inside, int nx, int ny, int nz, double sx, double sy, double sz) {
        double[] d = new double[inside.length];
        for (int n = 0; n < d.length; n++) {
            d[n] = inside[n] ? 0 : FAR;
        }
        // along x: lines indexed by (j, k)
        IntStream.range(0, ny * nz).parallel().forEach(line -> pass(d, line * nx, 1, nx, sx));
        if (ny > 1) {
            IntStream.range(0, nx * nz).parallel()
                    .forEach(line -> pass(d, (line / nx) * nx * ny + line % nx, nx, ny, sy));
        }
        if (nz > 1) {
            IntStream.range(0, nx * ny).parallel().forEach(line -> pass(d, line, nx * ny, nz, sz));
        }
        return d;
    }

    /** One 1D pass over n samples starting at offset with a stride, spacing h. */
    private static void pass(double[] d, int offset, int stride, int n, double h) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = d[offset + i * stride];
        }
        int[] v = new int[n];
        double[] z = new double[n + 1];
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        double h2 = h * h;
        for (int q = 1; q < n; q++) {
            if (f[q] >= FAR) {
                continue;
            }
            while (true) {
                int p = v[k];
                if (f[p] >= FAR) { // an empty envelope so far: q starts it
                    v[k] = q;
                    z[k] = Double.NEGATIVE_INFINITY;
                    z[k + 1] = Double.POSITIVE_INFINITY;
                    break;
                }
                double s = ((f[q] + h2 * q * q) - (f[p] + h2 * p * p)) / (2 * h2 * (q - p));
                if (s <= z[k]) {
                    if (k == 0) {
                        v[0] = q;
                        z[0] = Double.NEGATIVE_INFINITY;
                        z[1] = Double.POSITIVE_INFINITY;
                        break;
                    }
                    k--;
                    continue;
                }
                k++;
                v[k] = q;
                z[k] = s;
                z[k + 1] = Double.POSITIVE_INFINITY;
                break;
            }
        }
        if (f[v[0]] >= FAR) {
            return; // no mask voxel on this line: distances stay as they are
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = (q - v[k]) * h;
            d[offset + q * stride] = dq * dq + f[v[k]];
        }
    }
}
