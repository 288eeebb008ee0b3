package org.twinprint.implant.core;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

/** A mesh's vertex centre and principal axes (columns of {@code axes}, largest spread first, right-handed). */
record PrincipalAxes(Vec3 centre, double[][] axes) {
    static PrincipalAxes of(Mesh m) {
        float[] v = m.vertices();
        int n = m.vertexCount();
        double cx = 0, cy = 0, cz = 0;
        for (int i = 0; i < v.length; i += 3) {
            cx += v[i];
            cy += v[i + 1];
            cz += v[i + 2];
        }
        cx /= n;
        cy /= n;
        cz /= n;
        double[][] cov = new double[3][3];
        for (int i = 0; i < v.length; i += 3) {
            double[] d = { v[i] - cx, v[i + 1] - cy, v[i + 2] - cz };
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    cov[a][b] += d[a] * d[b];
                }
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(cov));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = { 0, 1, 2 };
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        RealMatrix vectors = eigen.getV();
        double[][] axes = new double[3][3];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) {
                axes[i][k] = vectors.getEntry(i, order[k]);
            }
        }
        // the third axis as the cross product of the first two: a rotation, never a mirror
        axes[0][2] = axes[1][0] * axes[2][1] - axes[2][0] * axes[1][1];
        axes[1][2] = axes[2][0] * axes[0][1] - axes[0][0] * axes[2][1];
        axes[2][2] = axes[0][0] * axes[1][1] - axes[1][0] * axes[0][1];
        return new PrincipalAxes(new Vec3(cx, cy, cz), axes);
    }

    /** The axis of largest spread, as a unit vector: a long bone's shaft. */
    Vec3 longest() {
        return new Vec3(axes[0][0], axes[1][0], axes[2][0]).normalized();
    }
}
