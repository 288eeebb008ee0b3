package org.twinprint.segmentation.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The distance transform against the nearest mask voxel found by trying them all. */
class DistanceTransformTest {

    @Test
    void everyVoxelGetsTheExactSquaredDistanceOnAnAnisotropicGrid() {
        int nx = 37, ny = 23, nz = 19; // not a multiple of the block of lines the passes take together
        double sx = 0.4, sy = 0.7, sz = 1.3;
        Random random = new Random(7);
        boolean[] mask = new boolean[nx * ny * nz];
        int[] marked = new int[40];
        for (int m = 0; m < marked.length; m++) {
            marked[m] = random.nextInt(mask.length);
            mask[marked[m]] = true;
        }
        double[] d = DistanceTransform.squared(mask, nx, ny, nz, sx, sy, sz);
        for (int n = 0; n < mask.length; n++) {
            int i = n % nx, j = n / nx % ny, k = n / (nx * ny);
            double best = Double.MAX_VALUE;
            for (int m : marked) {
                double dx = (m % nx - i) * sx, dy = (m / nx % ny - j) * sy, dz = (m / (nx * ny) - k) * sz;
                best = Math.min(best, dx * dx + dy * dy + dz * dz);
            }
            assertEquals(best, d[n], 1e-9, "voxel " + i + ", " + j + ", " + k);
        }
    }

    @Test
    void anEmptyMaskLeavesEveryVoxelFar() {
        double[] d = DistanceTransform.squared(new boolean[5 * 4 * 3], 5, 4, 3, 1, 1, 1);
        for (double v : d) {
            assertEquals(1e20, v);
        }
    }
}
