package org.twinprint.implant.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

/**
 * A screw hole or drill sleeve of a guide, placed: where its axis enters the bone, the direction
 * it drills in, and the solid it adds (a sleeve: a tube standing on the base) and removes (the bore,
 * through the whole guide). Its fields are signed distances, joined with the guide's by min and max.
 */
final class DrillHole {

    private final CuttingGuide.Hole asked;
    private final Vec3 entry, direction;
    private final double radius, outer, top;

    private DrillHole(CuttingGuide.Hole asked, Vec3 entry, Vec3 direction, double radius, double outer, double top) {
        this.asked = asked;
        this.entry = entry;
        this.direction = direction;
        this.radius = radius;
        this.outer = outer;
        this.top = top;
    }

    /**
     * The hole placed on the bone: its direction as asked, or square to the bone's axis towards it;
     * its entry where that line first meets the bone; a sleeve rising {@code sleeveMm} above the base
     * measured along the drill (the base is thicker along an oblique drill).
     */
    static DrillHole place(CuttingGuide.Hole h, Mesh bone, Vec3 centre, Vec3 axis, CuttingGuide.Options o, int number) {
        Vec3 d;
        if (h.direction() != null) {
            d = h.direction().normalized();
        } else {
            Vec3 rel = h.point().minus(centre);
            Vec3 radial = rel.minus(axis.times(rel.dot(axis)));
            if (radial.length() < 1e-6) {
                throw new IllegalArgumentException("hole " + number + " lies on the bone's axis: give its direction");
            }
            d = radial.times(-1 / radial.length());
        }
        double[] hit = firstHit(bone, h.point(), d);
        if (hit == null) {
            throw new IllegalArgumentException("hole " + number + " misses the bone: its line does not cross it");
        }
        Vec3 entry = h.point().plus(d.times(hit[0]));
        double cos = Math.max(0.5, hit[1]);
        double top = (o.clearanceMm() + o.baseMm()) / cos + h.sleeveMm();
        return new DrillHole(h, entry, d, h.diameterMm() / 2, h.diameterMm() / 2 + o.wallMm(), top);
    }

    /**
     * Along the line p + t d, the first crossing into the bone (t may be negative: the point may lie
     * inside it) and the cosine between the line and that face's inward normal; null if none.
     */
    private static double[] firstHit(Mesh bone, Vec3 p, Vec3 d) {
        float[] v = bone.vertices();
        int[] tri = bone.triangles();
        double best = Double.MAX_VALUE, cos = 0;
        Vec3 from = p.minus(d.times(1e4));
        for (int i = 0; i < tri.length; i += 3) {
            Vec3 a = vertex(v, tri[i]), e1 = vertex(v, tri[i + 1]).minus(a), e2 = vertex(v, tri[i + 2]).minus(a);
            Vec3 n = e1.cross(e2);
            double facing = -n.dot(d); // outward normal against the drill: the line enters here
            if (facing <= 0) {
                continue;
            }
            Vec3 q = d.cross(e2);
            double det = e1.dot(q);
            if (Math.abs(det) < 1e-12) {
                continue;
            }
            Vec3 s = from.minus(a);
            double u = s.dot(q) / det;
            Vec3 r = s.cross(e1);
            double w = d.dot(r) / det, t = e2.dot(r) / det;
            if (u >= 0 && w >= 0 && u + w <= 1 && t < best) {
                best = t;
                cos = facing / n.length();
            }
        }
        return best == Double.MAX_VALUE ? null : new double[] { best - 1e4, cos };
    }

    /** The sleeve's solid at p: a tube from the bone out to its top (MAX_VALUE for a plain screw hole). */
    double sleeve(Vec3 p) {
        if (asked.sleeveMm() <= 0) {
            return Double.MAX_VALUE;
        }
        Vec3 q = p.minus(entry);
        double t = q.dot(direction);
        double radial = q.minus(direction.times(t)).length();
        return Math.max(radial - outer, Math.max(t, -t - top));
    }

    /** Positive inside the bore, which runs through the whole guide. */
    double bore(Vec3 p) {
        Vec3 q = p.minus(entry);
        return radius - q.minus(direction.times(q.dot(direction))).length();
    }

    /** The points the sleeve's solid reaches to (the grid must hold them). */
    List<Vec3> extent() {
        Vec3 a = Math.abs(direction.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
        Vec3 u = direction.cross(a).normalized(), w = direction.cross(u);
        Vec3 up = entry.minus(direction.times(top));
        return List.of(up.plus(u.times(outer)), up.minus(u.times(outer)), up.plus(w.times(outer)),
                up.minus(w.times(outer)), entry.plus(u.times(outer)), entry.minus(u.times(outer)),
                entry.plus(w.times(outer)), entry.minus(w.times(outer)));
    }

    /**
     * The bore's diameter measured on the guide: twice the area-weighted mean distance from the
     * axis of the faces that look at it, between the bone and the sleeve's top; NaN if none.
     */
    double measuredDiameter(Mesh guide) {
        float[] v = guide.vertices();
        int[] t = guide.triangles();
        double sum = 0, area = 0;
        for (int i = 0; i < t.length; i += 3) {
            Vec3 a = vertex(v, t[i]), b = vertex(v, t[i + 1]), c = vertex(v, t[i + 2]);
            Vec3 cross = b.minus(a).cross(c.minus(a));
            double twice = cross.length();
            if (twice == 0) {
                continue;
            }
            Vec3 q = a.plus(b).plus(c).times(1.0 / 3).minus(entry);
            double along = q.dot(direction);
            Vec3 radial = q.minus(direction.times(along));
            double r = radial.length();
            // the bore's wall: near the axis, facing it, and not at the ends where it meets other faces
            if (r > radius + 0.5 || r < 1e-9 || along > 0 || along < -top || cross.times(1 / twice).dot(radial) > -0.95 * r) {
                continue;
            }
            sum += r * twice;
            area += twice;
        }
        return area == 0 ? Double.NaN : 2 * sum / area;
    }

    Map<String, Object> report(Mesh guide) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", asked.sleeveMm() > 0 ? "drill sleeve" : "screw hole");
        r.put("entryMm", List.of(entry.x(), entry.y(), entry.z()));
        r.put("direction", List.of(direction.x(), direction.y(), direction.z()));
        r.put("diameterAskedMm", asked.diameterMm());
        r.put("diameterMm", measuredDiameter(guide));
        if (asked.sleeveMm() > 0) {
            r.put("sleeveHeightMm", asked.sleeveMm());
            r.put("sleeveOuterDiameterMm", 2 * outer);
        }
        return r;
    }

    private static Vec3 vertex(float[] v, int i) {
        return new Vec3(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
    }
}
