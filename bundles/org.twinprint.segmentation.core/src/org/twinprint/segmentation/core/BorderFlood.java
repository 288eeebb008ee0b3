package org.twinprint.segmentation.core;

import org.twinprint.core.model.Geometry;

/**
 * A flood from the border of a grid: what is outside a closed wall of voxels. What it does not
 * reach is enclosed (the inside of a bone, with its canal), however the wall was made.
 */
public final class BorderFlood {

    private BorderFlood() {
    }

    /** The voxels a flood from the grid's border reaches without crossing a {@code wall} voxel (6-connected). */
    public static boolean[] reached(boolean[] wall, Geometry g) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        boolean[] reached = new boolean[wall.length];
        int[] queue = new int[wall.length];
        int head = 0, tail = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    boolean border = i == 0 || j == 0 || k == 0 || i == nx - 1 || j == ny - 1 || k == nz - 1;
                    int n = (k * ny + j) * nx + i;
                    if (border && !wall[n]) {
                        reached[n] = true;
                        queue[tail++] = n;
                    }
                }
            }
        }
        int[] step = { 1, -1, nx, -nx, nx * ny, -nx * ny };
        while (head < tail) {
            int n = queue[head++];
            int i = n % nx, j = n / nx % ny, k = n / (nx * ny);
            boolean[] ok = { i < nx - 1, i > 0, j < ny - 1, j > 0, k < nz - 1, k > 0 };
            for (int d = 0; d < 6; d++) {
                int q = n + step[d];
                if (ok[d] && !reached[q] && !wall[q]) {
                    reached[q] = true;
                    queue[tail++] = q;
                }
            }
        }
        return reached;
    }
}
