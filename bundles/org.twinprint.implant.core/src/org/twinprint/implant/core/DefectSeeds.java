package org.twinprint.implant.core;

import java.util.stream.IntStream;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Progress;
import org.twinprint.segmentation.core.DistanceTransform;
import org.twinprint.segmentation.core.MaskIslands;

/**
 * Where the defect is, found on a coarse grid (about 0.8 mm voxels): the mirrored skull minus the
 * skull, eroded so that the thin slivers a real skull's asymmetry leaves along its whole surface
 * vanish, and with only the large islands kept. What is left are seeds inside the defect; the
 * fine design grows back from them.
 */
final class DefectSeeds {

    private static final double COARSE_MM = 0.8;

    /**
     * The seeds on the coarse grid, its block size in voxels of the scan, the skull's centre (voxel
     * indices of the scan) and the seeds' box in the scan.
     */
    record Result(boolean[] seeds, Geometry coarse, int[] block, Vec3 skullCentre, int[] from, int[] to) {

        /**
         * Squared mm from each voxel of the box to the nearest seed, measured on the coarse grid
         * (the seeds are coarse voxels): the box's voxels share their coarse voxel's distance.
         */
        double[] squaredDistances(GridBox box) {
            int[] lo = { box.i0() / block[0], box.j0() / block[1], box.k0() / block[2] };
            int[] hi = { Math.min(coarse.nx() - 1, (box.i0() + box.nx() - 1) / block[0]),
                    Math.min(coarse.ny() - 1, (box.j0() + box.ny() - 1) / block[1]),
                    Math.min(coarse.nz() - 1, (box.k0() + box.nz() - 1) / block[2]) };
            GridBox part = GridBox.around(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2], new int[3], coarse);
            double[] d = DistanceTransform.squared(part.crop(seeds, coarse), part.nx(), part.ny(), part.nz(),
                    coarse.spacing().x(), coarse.spacing().y(), coarse.spacing().z());
            double[] out = new double[box.size()];
            for (int k = 0, n = 0; k < box.nz(); k++) {
                int c = Math.min(part.nz() - 1, (box.k0() + k) / block[2] - lo[2]);
                for (int j = 0; j < box.ny(); j++) {
                    int b = Math.min(part.ny() - 1, (box.j0() + j) / block[1] - lo[1]);
                    for (int i = 0; i < box.nx(); i++, n++) {
                        int a = Math.min(part.nx() - 1, (box.i0() + i) / block[0] - lo[0]);
                        out[n] = d[(c * part.ny() + b) * part.nx() + a];
                    }
                }
            }
            return out;
        }
    }

    private DefectSeeds() {
    }

    static Result find(boolean[] skull, Geometry g, SymmetryPlane.Plane plane, double sliverMm, double minMl,
            Progress progress) {
        int[] f = { block(g.spacing().x()), block(g.spacing().y()), block(g.spacing().z()) };
        Geometry c = new Geometry(g.nx() / f[0], g.ny() / f[1], g.nz() / f[2],
                new Vec3(g.spacing().x() * f[0], g.spacing().y() * f[1], g.spacing().z() * f[2]),
                g.toLps((f[0] - 1) / 2.0, (f[1] - 1) / 2.0, (f[2] - 1) / 2.0), g.dirI(), g.dirJ(), g.dirK());
        boolean[] bone = downsample(skull, g, c, f);
        progress.checkCanceled();
        IndexMirror mirror = new IndexMirror(plane, c);
        boolean[] missing = new boolean[bone.length];
        int nx = c.nx(), ny = c.ny(), nz = c.nz();
        IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                for (int i = 0, n = c.index(0, j, k); i < nx; i++, n++) {
                    if (!bone[n]) {
                        long a = Math.round(mirror.x(i, j, k)), b = Math.round(mirror.y(i, j, k)),
                                d = Math.round(mirror.z(i, j, k));
                        missing[n] = a >= 0 && b >= 0 && d >= 0 && a < nx && b < ny && d < nz
                                && bone[c.index((int) a, (int) b, (int) d)];
                    }
                }
            }
        });
        progress.checkCanceled();
        double half = Math.min(c.spacing().x(), Math.min(c.spacing().y(), c.spacing().z())) / 2;
        boolean[] core = new NearVoxels(missing, nx, ny, nz, c.spacing().x(), c.spacing().y(), c.spacing().z())
                .erodedBy(sliverMm + half);
        oneSide(core, c, plane);
        long minVoxels = Math.max(1, Math.round(minMl * 1000 / c.voxelVolumeMm3()));
        boolean[] seeds = MaskIslands.keepLarge(core, c, 0.2, minVoxels, progress);
        int[] from = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE }, to = { -1, -1, -1 };
        double[] centre = new double[3];
        long boneCount = 0;
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (bone[n]) {
                        centre[0] += i;
                        centre[1] += j;
                        centre[2] += k;
                        boneCount++;
                    }
                    if (seeds[n]) {
                        int[] at = { i, j, k };
                        for (int a = 0; a < 3; a++) {
                            from[a] = Math.min(from[a], at[a] * f[a]);
                            to[a] = Math.max(to[a], at[a] * f[a] + f[a] - 1);
                        }
                    }
                }
            }
        }
        if (to[0] < 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "no defect found: mirrored across its symmetry plane, the skull adds no piece thicker than %.1f mm"
                            + " and larger than %.1f ml (is the skull whole, or cut off on both sides?)",
                    2 * sliverMm, minMl));
        }
        // the coarse centre back in the scan's voxel indices
        Vec3 mid = new Vec3((centre[0] / boneCount) * f[0] + (f[0] - 1) / 2.0,
                (centre[1] / boneCount) * f[1] + (f[1] - 1) / 2.0, (centre[2] / boneCount) * f[2] + (f[2] - 1) / 2.0);
        return new Result(seeds, c, f, mid, from, to);
    }

    /**
     * Keeps the side of the plane with more of the defect's core: mirroring rebuilds a unilateral
     * defect from the healthy side, and what the mirror adds on the healthy side comes from the
     * scan's own edges (a skull cut off lower on one side than the other), not from a defect.
     */
    private static void oneSide(boolean[] core, Geometry c, SymmetryPlane.Plane plane) {
        long positive = 0, negative = 0;
        for (int k = 0, n = 0; k < c.nz(); k++) {
            for (int j = 0; j < c.ny(); j++) {
                for (int i = 0; i < c.nx(); i++, n++) {
                    if (core[n]) {
                        if (plane.distance(c.toLps(i, j, k)) >= 0) {
                            positive++;
                        } else {
                            negative++;
                        }
                    }
                }
            }
        }
        double sign = positive >= negative ? 1 : -1;
        for (int k = 0, n = 0; k < c.nz(); k++) {
            for (int j = 0; j < c.ny(); j++) {
                for (int i = 0; i < c.nx(); i++, n++) {
                    if (core[n]) {
                        core[n] = sign * plane.distance(c.toLps(i, j, k)) >= 0;
                    }
                }
            }
        }
    }

    /** Voxels of the scan per coarse voxel along an axis of that spacing. */
    private static int block(double spacing) {
        return Math.max(1, (int) Math.round(COARSE_MM / spacing));
    }

    /** A coarse voxel is bone when at least half of its block is. */
    private static boolean[] downsample(boolean[] mask, Geometry g, Geometry c, int[] f) {
        boolean[] out = new boolean[(int) c.voxelCount()];
        int half = (f[0] * f[1] * f[2] + 1) / 2;
        IntStream.range(0, c.nz()).parallel().forEach(k -> {
            for (int j = 0; j < c.ny(); j++) {
                for (int i = 0; i < c.nx(); i++) {
                    int count = 0;
                    for (int z = k * f[2]; z < (k + 1) * f[2]; z++) {
                        for (int y = j * f[1]; y < (j + 1) * f[1]; y++) {
                            int n = g.index(i * f[0], y, z);
                            for (int x = 0; x < f[0]; x++) {
                                count += mask[n + x] ? 1 : 0;
                            }
                        }
                    }
                    out[c.index(i, j, k)] = count >= half;
                }
            }
        });
        return out;
    }
}
