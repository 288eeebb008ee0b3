package org.twinprint.imaging.dicom.core;

import java.util.List;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/**
 * Fills planar contours into a grid: each contour goes to the slice nearest its plane, and a
 * pixel is inside when its centre is inside an odd number of the contours of that slice
 * (even-odd rule, so holes drawn as inner contours stay empty).
 */
final class ContourRasterizer {

    private ContourRasterizer() {
    }

    /** Marks voxels of the grid enclosed by the contours; returns the mask. */
    static boolean[] fill(List<List<Vec3>> contours, Geometry g) {
        boolean[] mask = new boolean[Math.toIntExact(g.voxelCount())];
        int nx = g.nx(), ny = g.ny();
        for (List<Vec3> contour : contours) {
            int n = contour.size();
            double[] xs = new double[n], ys = new double[n];
            double kSum = 0;
            for (int p = 0; p < n; p++) {
                Vec3 ijk = g.toIndex(contour.get(p));
                xs[p] = ijk.x();
                ys[p] = ijk.y();
                kSum += ijk.z();
            }
            int k = (int) Math.round(kSum / n);
            if (k < 0 || k >= g.nz()) {
                continue;
            }
            int offset = k * nx * ny;
            // scanline over pixel-centre rows: toggle pixels between crossings (XOR = even-odd across contours)
            double[] crossings = new double[n];
            for (int j = 0; j < ny; j++) {
                int count = 0;
                for (int p = 0, q = n - 1; p < n; q = p++) {
                    if ((ys[p] > j) != (ys[q] > j)) {
                        crossings[count++] = xs[q] + (j - ys[q]) * (xs[p] - xs[q]) / (ys[p] - ys[q]);
                    }
                }
                java.util.Arrays.sort(crossings, 0, count);
                for (int c = 0; c + 1 < count; c += 2) {
                    int from = Math.max(0, (int) Math.ceil(crossings[c]));
                    int to = Math.min(nx - 1, (int) Math.floor(crossings[c + 1]));
                    for (int i = from; i <= to; i++) {
                        if (i >= crossings[c] && i < crossings[c + 1]) {
                            mask[offset + j * nx + i] ^= true;
                        }
                    }
                }
            }
        }
        return mask;
    }
}
