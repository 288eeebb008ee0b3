package org.twinprint.implant.core;

import java.util.stream.IntStream;

import org.twinprint.core.model.Geometry;

/**
 * The skull mirrored across its symmetry plane, on the voxels of a box. A voxel is bone when the
 * skull's signed distance, interpolated (trilinear) at the mirror image of the voxel's centre, is
 * negative: the mirrored surface lands between voxel centres where it belongs, instead of
 * snapping to the nearest voxel as mirroring the mask itself would.
 */
final class MirroredBone {

    private static final int MARGIN = 3;

    private MirroredBone() {
    }

    static boolean[] inBox(boolean[] skull, Geometry g, SymmetryPlane.Plane plane, GridBox box) {
        IndexMirror m = new IndexMirror(plane, g);
        double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (int corner = 0; corner < 8; corner++) {
            double i = box.i0() + ((corner & 1) == 0 ? 0 : box.nx() - 1);
            double j = box.j0() + ((corner & 2) == 0 ? 0 : box.ny() - 1);
            double k = box.k0() + ((corner & 4) == 0 ? 0 : box.nz() - 1);
            double[] at = { m.x(i, j, k), m.y(i, j, k), m.z(i, j, k) };
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], at[a]);
                hi[a] = Math.max(hi[a], at[a]);
            }
        }
        boolean[] out = new boolean[box.size()];
        int[] n = { g.nx(), g.ny(), g.nz() };
        for (int a = 0; a < 3; a++) {
            if (hi[a] < -1 || lo[a] > n[a]) {
                return out; // the mirror image lies outside the scan: nothing to mirror
            }
        }
        GridBox source = GridBox.around((int) Math.max(0, Math.floor(lo[0])), (int) Math.max(0, Math.floor(lo[1])),
                (int) Math.max(0, Math.floor(lo[2])), (int) Math.min(n[0] - 1, Math.ceil(hi[0])),
                (int) Math.min(n[1] - 1, Math.ceil(hi[1])), (int) Math.min(n[2] - 1, Math.ceil(hi[2])),
                new int[] { MARGIN, MARGIN, MARGIN }, g);
        float[] sdf = signedDistance(source.crop(skull, g), source, g);
        int sx = source.nx(), sy = source.ny(), sz = source.nz();
        IntStream.range(0, box.nz()).parallel().forEach(k -> {
            for (int j = 0; j < box.ny(); j++) {
                for (int i = 0; i < box.nx(); i++) {
                    int gi = box.i0() + i, gj = box.j0() + j, gk = box.k0() + k;
                    double x = m.x(gi, gj, gk) - source.i0(), y = m.y(gi, gj, gk) - source.j0(),
                            z = m.z(gi, gj, gk) - source.k0();
                    out[(k * box.ny() + j) * box.nx() + i] = trilinear(sdf, sx, sy, sz, x, y, z) < 0;
                }
            }
        });
        return out;
    }

    /** mm to the skull's surface (half-way between a bone and a free voxel centre); negative inside. */
    static float[] signedDistance(boolean[] bone, GridBox box, Geometry g) {
        return new NearVoxels(bone, box.nx(), box.ny(), box.nz(), g.spacing().x(), g.spacing().y(), g.spacing().z())
                .signedDistanceAtSurface();
    }

    /** The field between voxel centres; outside the box, far outside the bone. */
    private static double trilinear(float[] f, int nx, int ny, int nz, double x, double y, double z) {
        if (x < 0 || y < 0 || z < 0 || x > nx - 1 || y > ny - 1 || z > nz - 1) {
            return Double.MAX_VALUE;
        }
        int i = Math.min((int) x, nx - 2 < 0 ? 0 : nx - 2), j = Math.min((int) y, Math.max(0, ny - 2)),
                k = Math.min((int) z, Math.max(0, nz - 2));
        double u = x - i, v = y - j, w = z - k;
        int di = nx > 1 ? 1 : 0, dj = ny > 1 ? nx : 0, dk = nz > 1 ? nx * ny : 0;
        int n = (k * ny + j) * nx + i;
        double c00 = f[n] * (1 - u) + f[n + di] * u, c10 = f[n + dj] * (1 - u) + f[n + dj + di] * u;
        double c01 = f[n + dk] * (1 - u) + f[n + dk + di] * u, c11 = f[n + dk + dj] * (1 - u) + f[n + dk + dj + di] * u;
        return (c00 * (1 - v) + c10 * v) * (1 - w) + (c01 * (1 - v) + c11 * v) * w;
    }
}
