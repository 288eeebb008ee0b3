package org.twinprint.implant.core;

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
        PrincipalAxes from = PrincipalAxes.of(moving), to = PrincipalAxes.of(fixed);
        Icp.Result best = null;
        // the four proper rotations that turn one set of axes onto the other, signs flipped in pairs
        double[][] signs = { { 1, 1, 1 }, { 1, -1, -1 }, { -1, 1, -1 }, { -1, -1, 1 } };
        for (double[] sign : signs) {
            double[] r = new double[9];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double sum = 0;
                    for (int k = 0; k < 3; k++) {
                        sum += to.axes()[i][k] * sign[k] * from.axes()[j][k];
                    }
                    r[3 * i + j] = sum;
                }
            }
            RigidTransform turn = new RigidTransform(r, 1, Vec3.ZERO);
            RigidTransform start = new RigidTransform(r, 1, to.centre().minus(turn.apply(from.centre())));
            Icp.Result result = Icp.align(moving, fixed, start, options);
            if (best == null || result.rmsMm() < best.rmsMm()) {
                best = result;
            }
        }
        return best;
    }
}
