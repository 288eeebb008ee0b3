package org.twinprint.implant.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/** A synthetic skull, mirror-symmetric about a tilted plane off the grid, with a defect on one side. */
class SymmetryPlaneTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({ "6, 3, 1.37, -0.83, 0.51", "9, -4, -2.11, 1.9, -0.37",
            "3.5, 7, 0.73, 0.27, 1.13" })
    void theMidPlaneOfADefectiveSymmetricShellIsFoundWithinADegreeAndAMillimetre(double aboutZ, double aboutY,
            double cx, double cy, double cz) {
        Geometry g = Geometry.axisAligned(220, 260, 200, new Vec3(0.4, 0.4, 0.4), new Vec3(-43.8, -51.8, -39.8));
        // the true plane: tilted about z and y, through a point off the voxel grid
        RigidTransform tilt = RigidTransform.of(new Vec3(0, 0, 1), Math.toRadians(aboutZ), Vec3.ZERO)
                .then(RigidTransform.of(new Vec3(0, 1, 0), Math.toRadians(aboutY), Vec3.ZERO));
        Vec3 centre = new Vec3(cx, cy, cz);
        double[] r = tilt.rotation();
        Vec3 ex = new Vec3(r[0], r[3], r[6]), ey = new Vec3(r[1], r[4], r[7]), ez = new Vec3(r[2], r[5], r[8]);
        // the defect: a ball of 20 mm radius on the left side of the shell (40 mm across)
        Vec3 hole = centre.plus(ex.times(36)).plus(ey.times(5)).plus(ez.times(8));
        boolean[] skull = new boolean[(int) g.voxelCount()];
        int n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, n++) {
                    Vec3 p = g.toLps(i, j, k), q = p.minus(centre);
                    double x = q.dot(ex), y = q.dot(ey), z = q.dot(ez);
                    double widen = 1 + 0.2 * y / 46; // egg-shaped front to back: one plane of symmetry only
                    boolean outer = sq(x / (38 * widen)) + sq(y / 46) + sq(z / 34) <= 1;
                    boolean inner = sq(x / (34 * widen)) + sq(y / 42) + sq(z / 30) <= 1;
                    skull[n] = outer && !inner && p.minus(hole).length() > 20;
                }
            }
        }
        SymmetryPlane.Plane found = SymmetryPlane.find(skull, g);
        double degrees = Math.toDegrees(Math.acos(Math.min(1, Math.abs(found.normal().dot(ex)))));
        double mm = Math.abs(found.distance(centre));
        System.out.printf("symmetry plane of the defective shell tilted %.1f and %.1f degrees: off by %.3f degrees"
                + " and %.3f mm%n", aboutZ, aboutY, degrees, mm);
        assertTrue(degrees <= 1, degrees + " degrees");
        assertTrue(mm <= 1, mm + " mm");
    }

    private static double sq(double v) {
        return v * v;
    }
}
