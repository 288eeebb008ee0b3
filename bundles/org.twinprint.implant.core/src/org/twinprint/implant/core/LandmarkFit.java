package org.twinprint.implant.core;

import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.twinprint.core.model.Vec3;

/**
 * The closed-form least-squares fit of landmark pairs: the rotation, translation and (if asked)
 * uniform scale that carry the moving points onto the fixed ones with the least sum of squared
 * distances (the SVD of their cross-covariance; a reflection is never returned).
 */
public final class LandmarkFit {

    /** The transform and the RMS distance of the pairs after it, mm. */
    public record Result(RigidTransform transform, double rmsMm) {
    }

    private LandmarkFit() {
    }

    public static Result fit(List<Vec3> moving, List<Vec3> fixed, boolean withScale) {
        int n = moving.size();
        if (n != fixed.size()) {
            throw new IllegalArgumentException(n + " moving landmarks for " + fixed.size() + " fixed ones");
        }
        if (n < 3) {
            throw new IllegalArgumentException("a fit needs three landmark pairs or more, not " + n);
        }
        Vec3 cm = centroid(moving), cf = centroid(fixed);
        double[][] h = new double[3][3];
        double spread = 0;
        for (int k = 0; k < n; k++) {
            double[] m = moving.get(k).minus(cm).toArray(), f = fixed.get(k).minus(cf).toArray();
            for (int i = 0; i < 3; i++) {
                spread += m[i] * m[i];
                for (int j = 0; j < 3; j++) {
                    h[i][j] += f[i] * m[j];
                }
            }
        }
        if (spread < 1e-18) {
            throw new IllegalArgumentException("the moving landmarks all lie on one spot");
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(h));
        RealMatrix u = svd.getU(), v = svd.getV();
        double det = new org.apache.commons.math3.linear.LUDecomposition(u.multiply(v.transpose())).getDeterminant();
        double[] d = { 1, 1, det < 0 ? -1 : 1 }; // never a mirror image
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += u.getEntry(i, k) * d[k] * v.getEntry(j, k);
                }
                r[3 * i + j] = sum;
            }
        }
        double[] s = svd.getSingularValues();
        double scale = withScale ? (s[0] * d[0] + s[1] * d[1] + s[2] * d[2]) / spread : 1;
        RigidTransform rotated = new RigidTransform(r, scale, Vec3.ZERO);
        Vec3 t = cf.minus(rotated.apply(cm));
        RigidTransform transform = new RigidTransform(r, scale, t);
        double sq = 0;
        for (int k = 0; k < n; k++) {
            Vec3 e = transform.apply(moving.get(k)).minus(fixed.get(k));
            sq += e.dot(e);
        }
        return new Result(transform, Math.sqrt(sq / n));
    }

    static Vec3 centroid(List<Vec3> points) {
        double x = 0, y = 0, z = 0;
        for (Vec3 p : points) {
            x += p.x();
            y += p.y();
            z += p.z();
        }
        return new Vec3(x / points.size(), y / points.size(), z / points.size());
    }
}
