package org.twinprint.implant.core;

import java.util.List;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

/**
 * Where a cutting guide lies on a long bone: the bone's axis (its principal axis), the side the
 * guide sits on, and for each plane where it crosses the axis, its box's frame (normal, across,
 * up) and how far the bone reaches towards the guide there. Gives the guide's implicit solid.
 */
final class GuideFrame {

    private final Vec3 centre, axis, side;
    private final double uMin, uMax;
    private final Vec3[] at, normal, across, up;
    private final double[] reach;
    private final List<DrillHole> holes;

    private GuideFrame(Vec3 centre, Vec3 axis, Vec3 side, double uMin, double uMax, Vec3[] at, Vec3[] normal,
            Vec3[] across, Vec3[] up, double[] reach, List<DrillHole> holes) {
        this.centre = centre;
        this.axis = axis;
        this.side = side;
        this.uMin = uMin;
        this.uMax = uMax;
        this.at = at;
        this.normal = normal;
        this.across = across;
        this.up = up;
        this.reach = reach;
        this.holes = holes;
    }

    static GuideFrame of(Mesh bone, List<CuttingGuide.Plane> planes, List<CuttingGuide.Hole> holes, Vec3 side,
            CuttingGuide.Options o) {
        float[] v = bone.vertices();
        PrincipalAxes principal = PrincipalAxes.of(bone);
        Vec3 centre = principal.centre();
        Vec3 axis = principal.longest();
        Vec3 want = side != null ? side : new Vec3(0, -1, 0);
        Vec3 s = want.minus(axis.times(want.dot(axis)));
        if (s.length() < 1e-6) {
            s = Math.abs(axis.x()) < 0.9 ? new Vec3(1, 0, 0).minus(axis.times(axis.x()))
                    : new Vec3(0, 1, 0).minus(axis.times(axis.y()));
        }
        s = s.normalized();
        int k = planes.size();
        Vec3[] at = new Vec3[k], nn = new Vec3[k], across = new Vec3[k], up = new Vec3[k];
        double[] reach = new double[k];
        double uMin = Double.MAX_VALUE, uMax = -Double.MAX_VALUE;
        for (int i = 0; i < k; i++) {
            CuttingGuide.Plane pl = planes.get(i);
            double cos = pl.normal().dot(axis);
            if (Math.abs(cos) < 0.5) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "plane %d lies within 60 degrees"
                        + " of the bone's axis (%.0f degrees from square): it does not cut across the bone", i + 1,
                        Math.toDegrees(Math.acos(Math.min(1, Math.abs(cos))))));
            }
            double t = pl.normal().dot(pl.point().minus(centre)) / cos;
            at[i] = centre.plus(axis.times(t));
            nn[i] = pl.normal();
            up[i] = s.minus(nn[i].times(s.dot(nn[i]))).normalized();
            across[i] = nn[i].cross(up[i]);
            double r = -Double.MAX_VALUE;
            for (int p = 0; p < v.length; p += 3) {
                Vec3 q = new Vec3(v[p], v[p + 1], v[p + 2]).minus(at[i]);
                if (Math.abs(q.dot(nn[i])) <= 1.5) {
                    r = Math.max(r, q.dot(up[i]));
                }
            }
            if (r == -Double.MAX_VALUE) {
                throw new IllegalArgumentException("plane " + (i + 1) + " does not cross the bone");
            }
            reach[i] = r;
            uMin = Math.min(uMin, t);
            uMax = Math.max(uMax, t);
        }
        List<DrillHole> placed = new java.util.ArrayList<>();
        for (int i = 0; i < holes.size(); i++) {
            placed.add(DrillHole.place(holes.get(i), bone, centre, axis, o, i + 1));
        }
        return new GuideFrame(centre, axis, s, uMin - o.wallMm() - o.slotMm() - o.marginMm(),
                uMax + o.wallMm() + o.slotMm() + o.marginMm(), at, nn, across, up, reach, placed);
    }

    /** An axis-aligned grid over the guide with a free voxel on every side. */
    Geometry grid(CuttingGuide.Options o) {
        double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        double radius = 0;
        for (double r : reach) {
            radius = Math.max(radius, r);
        }
        double shell = radius + o.clearanceMm() + o.baseMm() + 1;
        for (double u : new double[] { uMin, uMax }) {
            Vec3 a = centre.plus(axis.times(u));
            for (int dx = -1; dx <= 1; dx += 2) {
                for (int dy = -1; dy <= 1; dy += 2) {
                    for (int dz = -1; dz <= 1; dz += 2) {
                        grow(lo, hi, a.plus(new Vec3(dx * shell, dy * shell, dz * shell)));
                    }
                }
            }
        }
        for (int i = 0; i < at.length; i++) {
            double top = reach[i] + o.clearanceMm() + o.baseMm() + o.boxHeightMm();
            for (int a = -1; a <= 1; a += 2) {
                for (int b = -1; b <= 1; b += 2) {
                    for (int c = 0; c <= 1; c++) {
                        grow(lo, hi, at[i].plus(normal[i].times(a * (o.slotMm() / 2 + o.wallMm())))
                                .plus(across[i].times(b * o.boxLengthMm() / 2)).plus(up[i].times(c * top)));
                    }
                }
            }
        }
        for (DrillHole hole : holes) {
            hole.extent().forEach(p -> grow(lo, hi, p));
        }
        double h = o.voxelMm();
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] -= 2 * h;
            size[a] = (int) Math.ceil((hi[a] + 2 * h - lo[a]) / h) + 1;
        }
        return Geometry.axisAligned(size[0], size[1], size[2], new Vec3(h, h, h), new Vec3(lo[0], lo[1], lo[2]));
    }

    /**
     * The guide's solid at p (negative inside), given the bone's signed distance s there: the base
     * shell over the sector and the axial range, joined with each plane's box, less each slot and
     * less the bone grown by the clearance.
     */
    double field(Vec3 p, double s, CuttingGuide.Options o) {
        double solid = Math.min(Math.max(Math.max(o.clearanceMm() - s, s - o.clearanceMm() - o.baseMm()), span(p, o)),
                boxes(p, o));
        // a quarter voxel more: between grid points the surface is interpolated, and next to a convex
        // ridge of the bone interpolation places it nearer than the points say
        double f = Math.max(solid, o.clearanceMm() + o.voxelMm() / 4 - s);
        for (int i = 0; i < at.length; i++) {
            Vec3 q = p.minus(at[i]);
            double xn = q.dot(normal[i]), xe = q.dot(across[i]), xu = q.dot(up[i]);
            // the slot: as wide as the blade and clearances, closed at both ends by the box's walls,
            // open at the top and down through the base to the bone
            double slot = Math.max(Math.abs(xn) - o.slotMm() / 2,
                    Math.max(Math.abs(xe) - (o.boxLengthMm() / 2 - o.wallMm()), -xu - reach[i]));
            f = Math.max(f, -slot);
        }
        for (DrillHole hole : holes) {
            f = Math.max(f, hole.bore(p));
        }
        return f;
    }

    /** Each hole as placed, with its bore measured on the guide. */
    List<java.util.Map<String, Object>> holeReports(Mesh guide) {
        return holes.stream().map(h -> h.report(guide)).toList();
    }

    /**
     * A lower bound of the guide's field at p that does not need the bone: the base's extent (its
     * axial range and sector) joined with the boxes. Where it is above zero by more than a voxel or
     * two, the bone's distance there changes nothing of the guide.
     */
    double withoutBone(Vec3 p, CuttingGuide.Options o) {
        return Math.min(span(p, o), boxes(p, o));
    }

    /** The base's axial range and sector: negative inside both. */
    private double span(Vec3 p, CuttingGuide.Options o) {
        Vec3 rel = p.minus(centre);
        double u = rel.dot(axis);
        Vec3 radial = rel.minus(axis.times(u));
        return Math.max(Math.max(uMin - u, u - uMax),
                radial.length() * Math.cos(Math.toRadians(o.sectorDegrees() / 2)) - side.dot(radial));
    }

    /** The slot boxes and the drill sleeves joined, before slots and bores are cut. */
    private double boxes(Vec3 p, CuttingGuide.Options o) {
        double solid = Double.MAX_VALUE;
        for (DrillHole hole : holes) {
            solid = Math.min(solid, hole.sleeve(p));
        }
        for (int i = 0; i < at.length; i++) {
            Vec3 q = p.minus(at[i]);
            double xn = q.dot(normal[i]), xe = q.dot(across[i]), xu = q.dot(up[i]);
            double top = reach[i] + o.clearanceMm() + o.baseMm() + o.boxHeightMm();
            solid = Math.min(solid, box(xn, xe, xu - top / 2, o.slotMm() / 2 + o.wallMm(), o.boxLengthMm() / 2,
                    top / 2));
        }
        return solid;
    }

    /**
     * The voxels outside the bone (within {@code band} mm of it, or nearer the axis than its
     * farthest reach) from which the way straight out from the bone's axis crosses bone again:
     * inside a marrow canal, or in an undercut the guide could not be lifted from.
     */
    boolean[] underBone(float[] s, Geometry g, double band, CuttingGuide.Options o) {
        double outer = java.util.Arrays.stream(reach).max().orElse(0);
        double farthest = outer + 2 * band;
        double h = Math.min(g.spacing().x(), Math.min(g.spacing().y(), g.spacing().z()));
        boolean[] out = new boolean[s.length];
        java.util.stream.IntStream.range(0, g.nz()).parallel().forEach(k -> {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int n = g.index(i, j, k);
                    if (!(s[n] > 0)) {
                        continue;
                    }
                    Vec3 p = g.toLps(i, j, k), rel = p.minus(centre);
                    Vec3 radial = rel.minus(axis.times(rel.dot(axis)));
                    double rho = radial.length();
                    if (s[n] >= band && rho >= outer || withoutBone(p, o) > 3 * g.spacing().length()) {
                        continue; // far out, or away from the guide: it changes nothing
                    }
                    if (rho < 1e-9) {
                        out[n] = true;
                        continue;
                    }
                    Vec3 step = radial.times(h / rho);
                    for (double t = h; rho + t < farthest && !out[n]; t += h) {
                        Vec3 q = g.toIndex(p.plus(step.times(t / h)));
                        long a = Math.round(q.x()), b = Math.round(q.y()), c = Math.round(q.z());
                        if (a < 0 || b < 0 || c < 0 || a >= g.nx() || b >= g.ny() || c >= g.nz()) {
                            break;
                        }
                        out[n] = s[g.index((int) a, (int) b, (int) c)] < 0;
                    }
                }
            }
        });
        return out;
    }

    /** Signed distance to a box centred at the origin with those half sizes. */
    private static double box(double x, double y, double z, double hx, double hy, double hz) {
        double qx = Math.abs(x) - hx, qy = Math.abs(y) - hy, qz = Math.abs(z) - hz;
        double outside = Math.sqrt(sq(Math.max(qx, 0)) + sq(Math.max(qy, 0)) + sq(Math.max(qz, 0)));
        return outside + Math.min(Math.max(qx, Math.max(qy, qz)), 0);
    }

    /**
     * The width of plane k's slot measured on the guide: the area-weighted mean offset of the
     * triangles facing into the slot from its two walls, inside the box above the base.
     */
    double slotWidth(Mesh guide, int k, CuttingGuide.Options o) {
        float[] v = guide.vertices();
        int[] t = guide.triangles();
        double[] sum = new double[2], area = new double[2];
        for (int i = 0; i < t.length; i += 3) {
            Vec3 a = vertex(v, t[i]), b = vertex(v, t[i + 1]), c = vertex(v, t[i + 2]);
            Vec3 cross = b.minus(a).cross(c.minus(a));
            double twice = cross.length();
            if (twice == 0) {
                continue;
            }
            Vec3 nrm = cross.times(1 / twice);
            Vec3 mid = a.plus(b).plus(c).times(1.0 / 3).minus(at[k]);
            double xn = mid.dot(normal[k]), xe = mid.dot(across[k]), xu = mid.dot(up[k]);
            if (Math.abs(nrm.dot(normal[k])) < 0.999 || Math.abs(xn) > o.slotMm() || Math.abs(xe) > o.boxLengthMm() / 2
                    - o.wallMm() - 0.5 || xu < reach[k] + o.clearanceMm() + 0.5) {
                continue;
            }
            int wall = xn > 0 ? 0 : 1;
            sum[wall] += xn * twice;
            area[wall] += twice;
        }
        if (area[0] == 0 || area[1] == 0) {
            return Double.NaN;
        }
        return sum[0] / area[0] - sum[1] / area[1];
    }

    private static Vec3 vertex(float[] v, int i) {
        return new Vec3(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
    }

    private static void grow(double[] lo, double[] hi, Vec3 p) {
        double[] x = { p.x(), p.y(), p.z() };
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.min(lo[a], x[a]);
            hi[a] = Math.max(hi[a], x[a]);
        }
    }

    private static double sq(double x) {
        return x * x;
    }
}
