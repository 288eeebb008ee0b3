package org.twinprint.implant.core;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

/**
 * A rotation, a uniform scale and a translation in patient LPS millimetres: p' = s R p + t, with R
 * a proper rotation (row-major 3 x 3). Immutable.
 */
public record RigidTransform(double[] rotation, double scale, Vec3 translation) {

    public static final RigidTransform IDENTITY = new RigidTransform(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, 1,
            Vec3.ZERO);

    public RigidTransform {
        if (rotation.length != 9) {
            throw new IllegalArgumentException("a rotation has 9 entries");
        }
        rotation = rotation.clone();
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    @Override
    public double[] rotation() {
        return rotation.clone();
    }

    /** The rotation by {@code angle} radians about a unit axis, then the translation. */
    public static RigidTransform of(Vec3 axis, double angle, Vec3 translation) {
        Vec3 u = axis.normalized();
        double c = Math.cos(angle), s = Math.sin(angle), k = 1 - c;
        double x = u.x(), y = u.y(), z = u.z();
        return new RigidTransform(new double[] { c + x * x * k, x * y * k - z * s, x * z * k + y * s,
                y * x * k + z * s, c + y * y * k, y * z * k - x * s, z * x * k - y * s, z * y * k + x * s,
                c + z * z * k }, 1, translation);
    }

    public Vec3 apply(Vec3 p) {
        double[] r = rotation;
        return new Vec3(scale * (r[0] * p.x() + r[1] * p.y() + r[2] * p.z()) + translation.x(),
                scale * (r[3] * p.x() + r[4] * p.y() + r[5] * p.z()) + translation.y(),
                scale * (r[6] * p.x() + r[7] * p.y() + r[8] * p.z()) + translation.z());
    }

    /** The mesh moved (a new mesh; the triangles are shared). */
    public Mesh apply(Mesh m) {
        float[] v = m.vertices(), out = new float[v.length];
        double[] r = rotation;
        for (int i = 0; i < v.length; i += 3) {
            double x = v[i], y = v[i + 1], z = v[i + 2];
            out[i] = (float) (scale * (r[0] * x + r[1] * y + r[2] * z) + translation.x());
            out[i + 1] = (float) (scale * (r[3] * x + r[4] * y + r[5] * z) + translation.y());
            out[i + 2] = (float) (scale * (r[6] * x + r[7] * y + r[8] * z) + translation.z());
        }
        return new Mesh(m.name(), m.rgb(), out, m.triangles());
    }

    /** First this, then {@code next}. */
    public RigidTransform then(RigidTransform next) {
        double[] a = next.rotation, b = rotation, r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return new RigidTransform(r, scale * next.scale, next.apply(translation));
    }

    /** The angle of the rotation, in degrees. */
    public double angleDegrees() {
        double cos = (rotation[0] + rotation[4] + rotation[8] - 1) / 2;
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }
}
