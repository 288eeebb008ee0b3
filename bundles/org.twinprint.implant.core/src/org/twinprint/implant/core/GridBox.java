package org.twinprint.implant.core;

import org.twinprint.core.model.Geometry;

/**
 * A box of voxels inside a grid (first index and size on each axis): the part of a large scan an
 * implant is designed in, so the distance transforms run on millions of voxels, not on hundreds.
 */
record GridBox(int i0, int j0, int k0, int nx, int ny, int nz) {

    /** The box from (i0, j0, k0) to (i1, j1, k1) inclusive, widened by a margin and kept in the grid. */
    static GridBox around(int i0, int j0, int k0, int i1, int j1, int k1, int[] margin, Geometry g) {
        int a = Math.max(0, i0 - margin[0]), b = Math.max(0, j0 - margin[1]), c = Math.max(0, k0 - margin[2]);
        int d = Math.min(g.nx() - 1, i1 + margin[0]), e = Math.min(g.ny() - 1, j1 + margin[1]),
                f = Math.min(g.nz() - 1, k1 + margin[2]);
        return new GridBox(a, b, c, d - a + 1, e - b + 1, f - c + 1);
    }

    int size() {
        return nx * ny * nz;
    }

    /** The box as a grid of its own, in the same place in LPS space. */
    Geometry geometry(Geometry g) {
        return new Geometry(nx, ny, nz, g.spacing(), g.toLps(i0, j0, k0), g.dirI(), g.dirJ(), g.dirK());
    }

    /** The box's part of a mask of the whole grid. */
    boolean[] crop(boolean[] mask, Geometry g) {
        boolean[] out = new boolean[size()];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                System.arraycopy(mask, g.index(i0, j0 + j, k0 + k), out, (k * ny + j) * nx, nx);
            }
        }
        return out;
    }

    /** A mask of this box placed in an empty mask of a larger box that holds it. */
    boolean[] into(GridBox outer, boolean[] mask) {
        boolean[] out = new boolean[outer.size()];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                System.arraycopy(mask, (k * ny + j) * nx, out,
                        ((k0 - outer.k0 + k) * outer.ny + (j0 - outer.j0 + j)) * outer.nx + (i0 - outer.i0), nx);
            }
        }
        return out;
    }

    /** A mask of the box placed in an empty mask of the whole grid. */
    boolean[] expand(boolean[] boxMask, Geometry g) {
        boolean[] out = new boolean[(int) g.voxelCount()];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                System.arraycopy(boxMask, (k * ny + j) * nx, out, g.index(i0, j0 + j, k0 + k), nx);
            }
        }
        return out;
    }
}
