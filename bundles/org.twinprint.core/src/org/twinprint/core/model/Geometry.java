package org.twinprint.core.model;

import java.util.Objects;

/**
 * A regular voxel grid placed in patient LPS space. The origin is the centre of voxel (0,0,0);
 * the three direction cosines are the unit vectors of increasing i, j and k; spacing is in mm.
 */
public record Geometry(int nx, int ny, int nz, Vec3 spacing, Vec3 origin, Vec3 dirI, Vec3 dirJ, Vec3 dirK) {

    private static final double TOLERANCE = 1e-4;

    public Geometry {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("grid dimensions must be positive: " + nx + "x" + ny + "x" + nz);
        }
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(origin, "origin");
        if (spacing.x() <= 0 || spacing.y() <= 0 || spacing.z() <= 0) {
            throw new IllegalArgumentException("voxel spacing must be positive: " + spacing);
        }
        dirI = dirI.normalized();
        dirJ = dirJ.normalized();
        dirK = dirK.normalized();
    }

    /** An axis-aligned grid whose i, j, k run along patient L, P and S. */
    public static Geometry axisAligned(int nx, int ny, int nz, Vec3 spacing, Vec3 origin) {
        return new Geometry(nx, ny, nz, spacing, origin, new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1));
    }

    public long voxelCount() {
        return (long) nx * ny * nz;
    }

    public double voxelVolumeMm3() {
        return spacing.x() * spacing.y() * spacing.z();
    }

    public int index(int i, int j, int k) {
        return (k * ny + j) * nx + i;
    }

    /** Centre of voxel (i, j, k) in LPS mm; fractional indices interpolate. */
    public Vec3 toLps(double i, double j, double k) {
        return origin.plus(dirI.times(i * spacing.x())).plus(dirJ.times(j * spacing.y()))
                .plus(dirK.times(k * spacing.z()));
    }

    /** Continuous voxel index of an LPS point (inverse of {@link #toLps}, the directions being orthonormal). */
    public Vec3 toIndex(Vec3 lps) {
        Vec3 d = lps.minus(origin);
        return new Vec3(d.dot(dirI) / spacing.x(), d.dot(dirJ) / spacing.y(), d.dot(dirK) / spacing.z());
    }

    /** True when the two grids cover the same voxels in space. */
    public boolean sameGrid(Geometry o) {
        return nx == o.nx && ny == o.ny && nz == o.nz && close(spacing, o.spacing) && close(origin, o.origin)
                && close(dirI, o.dirI) && close(dirJ, o.dirJ) && close(dirK, o.dirK);
    }

    private static boolean close(Vec3 a, Vec3 b) {
        return a.minus(b).length() < TOLERANCE;
    }
}
