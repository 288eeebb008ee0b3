package org.twinprint.implant.core;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/**
 * A mirror across a plane as a map from voxel indices to (fractional) voxel indices of the same
 * grid: an affine map, so each voxel costs nine multiplications instead of two LPS conversions.
 */
final class IndexMirror {

    private final double[] a = new double[12];

    IndexMirror(SymmetryPlane.Plane plane, Geometry g) {
        Vec3 o = g.toIndex(plane.mirror(g.toLps(0, 0, 0)));
        Vec3[] axes = { g.toIndex(plane.mirror(g.toLps(1, 0, 0))).minus(o),
                g.toIndex(plane.mirror(g.toLps(0, 1, 0))).minus(o), g.toIndex(plane.mirror(g.toLps(0, 0, 1))).minus(o) };
        for (int c = 0; c < 3; c++) {
            a[c] = axes[c].x();
            a[4 + c] = axes[c].y();
            a[8 + c] = axes[c].z();
        }
        a[3] = o.x();
        a[7] = o.y();
        a[11] = o.z();
    }

    double x(double i, double j, double k) {
        return a[0] * i + a[1] * j + a[2] * k + a[3];
    }

    double y(double i, double j, double k) {
        return a[4] * i + a[5] * j + a[6] * k + a[7];
    }

    double z(double i, double j, double k) {
        return a[8] * i + a[9] * j + a[10] * k + a[11];
    }
}
