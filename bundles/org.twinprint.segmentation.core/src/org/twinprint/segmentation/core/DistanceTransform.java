package org.twinprint.segmentation.core;

import java.util.stream.IntStream;

/**
 * Exact squared Euclidean distance (in mm²) from every voxel to the nearest voxel of a mask, on
 * anisotropic grids: the lower-envelope-of-parabolas method of Felzenszwalb and Huttenlocher,
 * one axis after the other, each axis in parallel over its lines.
 */
public final class DistanceTransform {

    private static final double FAR = 1e20;
    private static final int BLOCK = 16;

    private DistanceTransform() {
    }

    /** Squared distance to the nearest {@code inside[n]} voxel (0 on the mask). */
    public static double[] squared(boolean[] inside, int nx, int ny, int nz, double sx, double sy, double sz) {
        double[] d = new double[inside.length];
        for (int n = 0; n < d.length; n++) {
            d[n] = inside[n] ? 0 : FAR;
        }
        // along x: lines indexed by (j, k), each contiguous
        IntStream.range(0, ny * nz).parallel().forEach(line -> pass(d, line * nx, 1, 1, nx, sx));
        // along y and z, lines far apart in memory: BLOCK neighbouring lines at a time, so that every
        // cache line read serves BLOCK lines instead of one
        int blocks = (nx + BLOCK - 1) / BLOCK;
        if (ny > 1) {
            IntStream.range(0, blocks * nz).parallel().forEach(t -> {
                int i = (t % blocks) * BLOCK;
                pass(d, (t / blocks) * nx * ny + i, Math.min(BLOCK, nx - i), nx, ny, sy);
            });
        }
        if (nz > 1) {
            IntStream.range(0, blocks * ny).parallel().forEach(t -> {
                int i = (t % blocks) * BLOCK;
                pass(d, (t / blocks) * nx + i, Math.min(BLOCK, nx - i), nx * ny, nz, sz);
            });
        }
        return d;
    }

    /**
     * One 1D pass over {@code lines} neighbouring lines (the first at {@code offset}, the next one
     * voxel further) of n samples {@code stride} apart, spacing h.
     */
    private static void pass(double[] d, int offset, int lines, int stride, int n, double h) {
        double[] f = new double[lines * n];
        for (int q = 0; q < n; q++) {
            int at = offset + q * stride;
            for (int b = 0; b < lines; b++) {
                f[b * n + q] = d[at + b];
            }
        }
        int[] v = new int[n];
        double[] z = new double[n + 1];
        double[] out = new double[n];
        for (int b = 0; b < lines; b++) {
            envelope(f, b * n, n, h, v, z, out);
        }
        for (int q = 0; q < n; q++) {
            int at = offset + q * stride;
            for (int b = 0; b < lines; b++) {
                d[at + b] = f[b * n + q];
            }
        }
    }

    /**
     * The lower envelope of the parabolas rooted at f[from .. from + n), written back over them;
     * a line with no mask voxel stays as it is. v, z and out are scratch space.
     */
    private static void envelope(double[] all, int from, int n, double h, int[] v, double[] z, double[] out) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        double h2 = h * h;
        for (int q = 1; q < n; q++) {
            if (all[from + q] >= FAR) {
                continue;
            }
            while (true) {
                int p = v[k];
                if (all[from + p] >= FAR) { // an empty envelope so far: q starts it
                    v[k] = q;
                    z[k] = Double.NEGATIVE_INFINITY;
                    z[k + 1] = Double.POSITIVE_INFINITY;
                    break;
                }
                double s = ((all[from + q] + h2 * q * q) - (all[from + p] + h2 * p * p)) / (2 * h2 * (q - p));
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
        if (all[from + v[0]] >= FAR) {
            return; // no mask voxel on this line: distances stay as they are
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = (q - v[k]) * h;
            out[q] = dq * dq + all[from + v[k]];
        }
        System.arraycopy(out, 0, all, from, n);
    }
}
