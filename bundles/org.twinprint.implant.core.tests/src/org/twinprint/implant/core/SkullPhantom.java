package org.twinprint.implant.core;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/**
 * A synthetic skull for the tests: an egg-shaped closed shell (4 mm thick, one plane of symmetry)
 * at 0.4 mm voxels, its mid-plane tilted about z and y and through a point off the voxel grid,
 * with a ball of bone removed on its left side: the defect, and the truth an implant must match.
 */
record SkullPhantom(Geometry grid, boolean[] defective, boolean[] removed, Vec3 normal, Vec3 centre, Vec3 ey, Vec3 ez) {

    static final double HOLE_RADIUS_MM = 20;

    static SkullPhantom of(double aboutZ, double aboutY, double cx, double cy, double cz) {
        Geometry g = Geometry.axisAligned(220, 260, 200, new Vec3(0.4, 0.4, 0.4), new Vec3(-43.8, -51.8, -39.8));
        RigidTransform tilt = RigidTransform.of(new Vec3(0, 0, 1), Math.toRadians(aboutZ), Vec3.ZERO)
                .then(RigidTransform.of(new Vec3(0, 1, 0), Math.toRadians(aboutY), Vec3.ZERO));
        Vec3 centre = new Vec3(cx, cy, cz);
        double[] r = tilt.rotation();
        Vec3 ex = new Vec3(r[0], r[3], r[6]), ey = new Vec3(r[1], r[4], r[7]), ez = new Vec3(r[2], r[5], r[8]);
        Vec3 hole = centre.plus(ex.times(36)).plus(ey.times(5)).plus(ez.times(8));
        boolean[] skull = new boolean[(int) g.voxelCount()];
        boolean[] removed = new boolean[skull.length];
        int n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, n++) {
                    Vec3 p = g.toLps(i, j, k), q = p.minus(centre);
                    double x = q.dot(ex), y = q.dot(ey), z = q.dot(ez);
                    double widen = 1 + 0.2 * y / 46;
                    boolean outer = sq(x / (38 * widen)) + sq(y / 46) + sq(z / 34) <= 1;
                    boolean inner = sq(x / (34 * widen)) + sq(y / 42) + sq(z / 30) <= 1;
                    boolean shell = outer && !inner;
                    boolean inHole = p.minus(hole).length() <= HOLE_RADIUS_MM;
                    skull[n] = shell && !inHole;
                    removed[n] = shell && inHole;
                }
            }
        }
        return new SkullPhantom(g, skull, removed, ex, centre, ey, ez);
    }

    /** Whether a point lies outside the shell's outer surface. */
    boolean outsideHead(Vec3 p) {
        Vec3 q = p.minus(centre);
        double x = q.dot(normal), y = q.dot(ey), z = q.dot(ez);
        return sq(x / (38 * (1 + 0.2 * y / 46))) + sq(y / 46) + sq(z / 34) > 1;
    }

    private static double sq(double v) {
        return v * v;
    }
}
