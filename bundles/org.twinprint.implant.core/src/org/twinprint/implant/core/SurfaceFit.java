package org.twinprint.implant.core;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

/**
 * Fits a mesh onto another without landmarks: the two are first lined up by their centres and
 * principal axes (four ways, since an axis has no sign), ICP refines each, and the closest fit wins.
 * Works for parts with distinct principal axes (a bone piece, a plate); give landmarks otherwise.
 */
public final class SurfaceFit {

    private SurfaceFit() {
    }

    public static Icp.Result fit(Mesh moving, Mesh fixed, Icp.Options options) {
        Frame from = Frame.of(moving), to = Frame.of(fixed);
        Icp.Result best = null;
        // the four proper rotations that turn one set of axes onto the other, signs flipped in pairs
        double[][] signs = { { 1, 1, 1 }, { 1, -1, -1 }, { -1, 1, -1 }, { -1, -1, 1 } };
        for (double[] sign : signs) {
            double[] r = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double sum = 0;
                    for (int k = 0; k < 3; k++) {
                        sum += to.axes[i][k] * sign[k] * from.axes[j][k];
                    }
                    r[3 * i + j] = sum;
                }
            }
            RigidTransform turn = new RigidTransform(r, 1, Vec3.ZERO);
            RigidTransform start = new RigidTransform(r, 1, to.centre.minus(turn.apply(from.centre)));
            Icp.Result result = Icp.align(moving, fixed, start, options);
            if (best == null || result.rmsMm() < best.rmsMm()) {
                best = result;
            }
        }
        return best;
    }

    /** A mesh's vertex centre and principal axes (columns of {@code axes}, largest spread first, right-handed). */
    private record Frame(Vec3 centre, double[][] axes) {
        static Frame of(Mesh m) {
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
            return new Frame(new Vec3(cx, cy, cz), axes);
        }
    }
}
