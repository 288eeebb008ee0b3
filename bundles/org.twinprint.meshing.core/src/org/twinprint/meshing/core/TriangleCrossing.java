package org.twinprint.meshing.core;

/**
 * Whether two triangles cut through each other, in double precision: each must have corners
 * strictly on both sides of the other's plane, and the two intervals where they meet the line
 * of the planes must overlap by more than a point (Möller's interval test). Coplanar or merely
 * touching triangles do not cross: the rule of {@link SurfaceChecks#selfIntersections}.
 */
final class TriangleCrossing {

    private TriangleCrossing() {
    }

    /** Triangles as nine coordinates each, from offsets f in {@code p} and g in {@code q}. */
    static boolean crosses(double[] p, int f, double[] q, int g) {
        double[] nf = normal(p, f), ng = normal(q, g);
        double[] df = distances(p, f, q, g, ng);
        if (df == null) {
            return false;
        }
        double[] dg = distances(q, g, p, f, nf);
        if (dg == null) {
            return false;
        }
        double lx = nf[1] * ng[2] - nf[2] * ng[1], ly = nf[2] * ng[0] - nf[0] * ng[2],
                lz = nf[0] * ng[1] - nf[1] * ng[0];
        // positions along the line compare the same on the coordinate where it runs most
        int axis = Math.abs(lx) >= Math.abs(ly) ? (Math.abs(lx) >= Math.abs(lz) ? 0 : 2)
                : (Math.abs(ly) >= Math.abs(lz) ? 1 : 2);
        double[] a = interval(p, f, df, axis), b = interval(q, g, dg, axis);
        return Math.max(a[0], b[0]) < Math.min(a[1], b[1]);
    }

    private static double[] normal(double[] p, int o) {
        double ux = p[o + 3] - p[o], uy = p[o + 4] - p[o + 1], uz = p[o + 5] - p[o + 2];
        double wx = p[o + 6] - p[o], wy = p[o + 7] - p[o + 1], wz = p[o + 8] - p[o + 2];
        return new double[] { uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx };
    }

    /**
     * Signed distances (scaled) of the corners of the triangle at {@code p[f]} from the plane of
     * the one at {@code q[g]}; null when they do not lie strictly on both sides.
     */
    private static double[] distances(double[] p, int f, double[] q, int g, double[] n) {
        double[] d = new double[3];
        int above = 0, below = 0;
        for (int k = 0; k < 3; k++) {
            int c = f + 3 * k;
            d[k] = (p[c] - q[g]) * n[0] + (p[c + 1] - q[g + 1]) * n[1] + (p[c + 2] - q[g + 2]) * n[2];
            if (d[k] > 0) {
                above++;
            } else if (d[k] < 0) {
                below++;
            }
        }
        return above == 0 || below == 0 ? null : d;
    }

    /** Where the triangle meets the other's plane, as {min, max} of one coordinate. */
    private static double[] interval(double[] p, int f, double[] d, int axis) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            int n = Corners.next(k);
            double a = p[f + 3 * k + axis], b = p[f + 3 * n + axis];
            if (d[k] == 0) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
            }
            if (d[k] * d[n] < 0) {
                double x = a + (b - a) * d[k] / (d[k] - d[n]);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return new double[] { lo, hi };
    }
}
