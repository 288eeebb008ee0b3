package org.twinprint.implant.core;

import java.util.Arrays;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/**
 * The mid-sagittal plane of a skull from its voxels, robust to a defect: the plane across which
 * the mirror image of the skull's surface lies closest to the surface itself, measured by the mean
 * distance of the nearest 70 % (so the bone missing on one side pulls nothing), found by a simplex
 * search over the plane's two angles and its offset.
 */
public final class SymmetryPlane {

    /**
     * A plane: unit normal and a point on it (LPS mm), and how far the mirrored surface lies from the
     * surface (trimmed mean, mm).
     */
    public record Plane(Vec3 normal, Vec3 point, double mirrorDistanceMm) {
        /** Signed distance of a point from the plane, mm. */
        public double distance(Vec3 p) {
            return normal.dot(p.minus(point));
        }

        public Vec3 mirror(Vec3 p) {
            return p.minus(normal.times(2 * distance(p)));
        }
    }

    private static final int MAX_POINTS = 40_000;
    private static final double KEEP = 0.7;
    /**
     * Mirror images further than this from the surface count as this far: they fall in the trimmed
     * part anyway (the defect, a scan cut off), and looking further costs the most. The first pass
     * starts from the scan's axes and needs the long reach; the second starts next to the answer,
     * where the kept 70 % lie within a few mm (on SkullBreak's skull the cut changes no digit of
     * the plane and halves the pass).
     */
    private static final double[] FAR_MM = { 10, 4 };

    private SymmetryPlane() {
    }

    /** The plane of a skull mask; the search starts across the patient's left-right axis (LPS x). */
    public static Plane find(boolean[] skull, Geometry g) {
        double[] points = surfacePoints(skull, g);
        int n = points.length / 3;
        PointGrid grid = new PointGrid(points, 2.0);
        Vec3 centre = centroid(points);
        // the plane's direction (two angles from LPS x) and offset (mm from the centre) that make the
        // mirror image lie closest to the skull, by the trimmed mean distance; a simplex search, first on
        // 4,000 of the points, then on 12,000 (more change the plane by less than a hundredth of a degree)
        double[] best = { 0, 0, 0 };
        for (int pass = 0; pass < 2; pass++) {
            int stride = Math.max(1, n / (pass == 0 ? 4000 : 12_000));
            double[] from = best.clone();
            double far = FAR_MM[pass];
            PointValuePair found = new SimplexOptimizer(1e-7, 1e-9).optimize(new MaxEval(4000),
                    new ObjectiveFunction(x -> mirrorDistance(points, stride, grid, plane(x, centre, 0), far)),
                    GoalType.MINIMIZE, new InitialGuess(from), new NelderMeadSimplex(pass == 0 ? new double[] { 0.1, 0.1, 2 }
                            : new double[] { 0.01, 0.01, 0.2 }));
            best = found.getPoint();
        }
        return plane(best, centre, mirrorDistance(points, 1, grid, plane(best, centre, 0), FAR_MM[0]));
    }

    /** A plane given by the user (LPS mm), with how far the skull's mirror image lies from it. */
    public static Plane of(boolean[] skull, Geometry g, Vec3 normal, Vec3 point) {
        double[] points = surfacePoints(skull, g);
        Plane p = new Plane(normal.normalized(), point, 0);
        return new Plane(p.normal(), point, mirrorDistance(points, 1, new PointGrid(points, 2.0), p, FAR_MM[0]));
    }

    private static Plane plane(double[] x, Vec3 centre, double score) {
        Vec3 normal = new Vec3(Math.cos(x[0]) * Math.cos(x[1]), Math.sin(x[0]) * Math.cos(x[1]), Math.sin(x[1]));
        return new Plane(normal, centre.plus(normal.times(x[2])), score);
    }

    /** The trimmed mean distance from the mirror images of every stride-th point to the nearest point, capped at far. */
    private static double mirrorDistance(double[] points, int stride, PointGrid grid, Plane p, double far) {
        int n = points.length / 3;
        double[] d = new double[(n + stride - 1) / stride];
        java.util.stream.IntStream.range(0, d.length).parallel().forEach(k -> {
            int i = k * stride;
            Vec3 m = p.mirror(new Vec3(points[3 * i], points[3 * i + 1], points[3 * i + 2]));
            int j = grid.nearestWithin(m.x(), m.y(), m.z(), far);
            d[k] = j < 0 ? far : Math.min(far, Math.sqrt(sq(m.x() - points[3 * j]) + sq(m.y() - points[3 * j + 1])
                    + sq(m.z() - points[3 * j + 2])));
        });
        Arrays.sort(d);
        int kept = (int) (KEEP * d.length);
        double sum = 0;
        for (int k = 0; k < kept; k++) {
            sum += d[k];
        }
        return sum / Math.max(1, kept);
    }

    /** Centres of the mask's voxels that have a face outside, every k-th so that at most MAX_POINTS remain. */
    private static double[] surfacePoints(boolean[] mask, Geometry g) {
        boolean[] surface = AccuracyMetrics.surface(mask, g);
        int count = 0;
        for (boolean s : surface) {
            count += s ? 1 : 0;
        }
        if (count < 100) {
            throw new IllegalArgumentException("the skull has too few voxels (" + count + ") to find its symmetry");
        }
        int step = Math.max(1, (count + MAX_POINTS - 1) / MAX_POINTS);
        double[] out = new double[3 * ((count + step - 1) / step)];
        int seen = 0, k = 0;
        for (int z = 0, n = 0; z < g.nz(); z++) {
            for (int y = 0; y < g.ny(); y++) {
                for (int x = 0; x < g.nx(); x++, n++) {
                    if (surface[n] && seen++ % step == 0 && k < out.length / 3) {
                        Vec3 p = g.toLps(x, y, z);
                        out[3 * k] = p.x();
                        out[3 * k + 1] = p.y();
                        out[3 * k + 2] = p.z();
                        k++;
                    }
                }
            }
        }
        return Arrays.copyOf(out, 3 * k);
    }

    private static Vec3 centroid(double[] p) {
        double x = 0, y = 0, z = 0;
        int n = p.length / 3;
        for (int i = 0; i < p.length; i += 3) {
            x += p[i];
            y += p[i + 1];
            z += p[i + 2];
        }
        return new Vec3(x / n, y / n, z / n);
    }

    private static double sq(double v) {
        return v * v;
    }
}
