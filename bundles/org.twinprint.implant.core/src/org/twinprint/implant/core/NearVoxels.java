package org.twinprint.implant.core;

import java.util.stream.IntStream;

/**
 * Distances from a mask's voxels to the nearest voxel of the other kind, looked for only within a
 * small radius: what mirroring and the defect's erosion need is exact there and only a sign or a
 * yes/no further out, so a local search over the few voxels at the boundary replaces a distance
 * transform of the whole box.
 */
final class NearVoxels {

    private final boolean[] mask;
    private final int nx, ny, nz;
    private final double sx, sy, sz;

    NearVoxels(boolean[] mask, int nx, int ny, int nz, double sx, double sy, double sz) {
        this.mask = mask;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
    }

    /**
     * mm from each voxel centre to the surface half-way between a mask and a free voxel centre,
     * negative inside, exact wherever a voxel of the other kind is among the 26 neighbours (every
     * corner of a cell that the surface crosses); elsewhere only the sign is right. Interpolated
     * between voxel centres it therefore changes sign where the exact field would.
     */
    float[] signedDistanceAtSurface() {
        double half = Math.min(sx, Math.min(sy, sz)) / 2;
        double diagonal = Math.sqrt(sx * sx + sy * sy + sz * sz);
        float far = (float) (diagonal + half);
        float[] out = new float[mask.length];
        IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                for (int i = 0, n = (k * ny + j) * nx; i < nx; i++, n++) {
                    boolean in = mask[n];
                    // the nearest of the other kind to a boundary voxel lies within a cell diagonal
                    double d2 = hasOtherNeighbour(i, j, k, in) ? nearestOtherSquared(i, j, k, in, diagonal)
                            : Double.MAX_VALUE;
                    out[n] = d2 == Double.MAX_VALUE ? (in ? -far : far)
                            : (float) (in ? half - Math.sqrt(d2) : Math.sqrt(d2) - half);
                }
            }
        });
        return out;
    }

    /** The mask's voxels with no voxel of the other kind within {@code radiusMm} (centre to centre). */
    boolean[] erodedBy(double radiusMm) {
        boolean[] out = new boolean[mask.length];
        double r2 = radiusMm * radiusMm;
        IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                for (int i = 0, n = (k * ny + j) * nx; i < nx; i++, n++) {
                    out[n] = mask[n] && !(nearestOtherSquared(i, j, k, true, radiusMm) <= r2);
                }
            }
        });
        return out;
    }

    private boolean hasOtherNeighbour(int i, int j, int k, boolean in) {
        for (int c = Math.max(0, k - 1); c <= Math.min(nz - 1, k + 1); c++) {
            for (int b = Math.max(0, j - 1); b <= Math.min(ny - 1, j + 1); b++) {
                for (int a = Math.max(0, i - 1), n = (c * ny + b) * nx + a; a <= Math.min(nx - 1, i + 1); a++, n++) {
                    if (mask[n] != in) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Squared mm to the nearest voxel whose kind is not {@code in}, within {@code radiusMm}; else MAX_VALUE. */
    private double nearestOtherSquared(int i, int j, int k, boolean in, double radiusMm) {
        int ri = (int) Math.ceil(radiusMm / sx), rj = (int) Math.ceil(radiusMm / sy), rk = (int) Math.ceil(radiusMm / sz);
        double best = Double.MAX_VALUE;
        for (int c = Math.max(0, k - rk); c <= Math.min(nz - 1, k + rk); c++) {
            double dz = (c - k) * sz;
            for (int b = Math.max(0, j - rj); b <= Math.min(ny - 1, j + rj); b++) {
                double dy = (b - j) * sy;
                for (int a = Math.max(0, i - ri), n = (c * ny + b) * nx + a; a <= Math.min(nx - 1, i + ri); a++, n++) {
                    if (mask[n] != in) {
                        double dx = (a - i) * sx;
                        best = Math.min(best, dx * dx + dy * dy + dz * dz);
                    }
                }
            }
        }
        return best;
    }
}
