package org.twinprint.implant.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Progress;
import org.twinprint.meshing.core.ClosestPoints;
import org.twinprint.meshing.core.IsoSurface;
import org.twinprint.meshing.core.MeshRepair;
import org.twinprint.meshing.core.MeshTopology;
import org.twinprint.segmentation.core.BorderFlood;
import org.twinprint.segmentation.core.DistanceTransform;

/**
 * A cutting guide for osteotomies of a long bone (a fibula, say): a base that follows the bone's
 * surface at a clearance over a sector of its circumference, and over each cut plane a box with
 * a saw slot as wide as the blade plus twice the clearance, open at the top and down to the bone.
 * The guide is one implicit solid (signed distances combined by min and max) meshed once, so no
 * mesh boolean is ever run, and the slot faces, being planes of the field, come out exactly flat.
 */
public final class CuttingGuide {

    /** The case's results key of a guide's report is this and the guide's name. */
    public static final String RESULT_PREFIX = "implant.guide:";

    /** A cut plane: a point on it and its normal, LPS mm. */
    public record Plane(Vec3 point, Vec3 normal) {
        public Plane {
            normal = normal.normalized();
        }
    }

    /**
     * A screw hole ({@code sleeveMm} 0) or a drill sleeve standing that high on the base: a point
     * on the drill's axis and the direction it drills in (null: square to the bone's axis, towards
     * it), LPS mm. The bore runs through the whole guide.
     */
    public record Hole(Vec3 point, Vec3 direction, double diameterMm, double sleeveMm) {
        public Hole {
            if (!(diameterMm >= 0.5 && diameterMm <= 10) || !(sleeveMm >= 0 && sleeveMm <= 30)) {
                throw new IllegalArgumentException("a hole's diameter is 0.5-10 mm and its sleeve 0-30 mm high");
            }
        }

        /** BoneReconstructionPlanner's screw hole: 1.5 mm radius. */
        public static Hole screw(Vec3 point, Vec3 direction) {
            return new Hole(point, direction, 3, 0);
        }

        /** A drill sleeve for the same screw, 6 mm above the base. */
        public static Hole sleeve(Vec3 point, Vec3 direction) {
            return new Hole(point, direction, 3, 6);
        }
    }

    /**
     * Sizes in mm: clearance to the bone (0.25 for SLA, 0.4 for FDM), base thickness, saw blade
     * thickness, slot box wall, box length across the bone and height above the base, how far the
     * base runs past the outer planes, the sector of the circumference it covers (degrees) and the
     * grid the solid is sampled on.
     */
    public record Options(double clearanceMm, double baseMm, double bladeMm, double wallMm, double boxLengthMm,
            double boxHeightMm, double marginMm, double sectorDegrees, double voxelMm) {

        public Options {
            if (!(clearanceMm >= 0 && clearanceMm <= 2) || !(baseMm >= 1 && baseMm <= 10) || !(bladeMm > 0
                    && bladeMm <= 3) || !(wallMm >= 1 && wallMm <= 10) || !(voxelMm >= 0.05 && voxelMm <= 1)) {
                throw new IllegalArgumentException("guide sizes out of range: clearance 0-2, base 1-10, blade 0-3,"
                        + " wall 1-10, voxel 0.05-1 mm");
            }
        }

        /** The slot: the blade with the clearance on both sides. */
        public double slotMm() {
            return bladeMm + 2 * clearanceMm;
        }

        /** BoneReconstructionPlanner's defaults for an SLA print (clearance 0.25 mm, base 4 mm). */
        public static Options sla() {
            return new Options(0.25, 4, 0.5, 3, 20, 10, 3, 120, 0.25);
        }

        /** The same for an FDM print (clearance 0.4 mm). */
        public static Options fdm() {
            return new Options(0.4, 4, 0.5, 3, 20, 10, 3, 120, 0.25);
        }
    }

    /** The guide and what was measured on it. */
    public record Result(Mesh guide, Map<String, Object> report) {
    }

    /**
     * Pieces smaller than this (mm³) are crumbs of the sampling (left in a marrow canal or a seam of
     * the bone model), not part of the guide; the smallest real part, a box wall, is hundreds.
     */
    private static final double CRUMB_MM3 = 10;
    /** Holes in the bone model up to this many edges are closed before the guide is designed. */
    private static final int MAX_HOLE_EDGES = 500;

    private CuttingGuide() {
    }

    /**
     * A guide on the bone (a closed mesh) for the planes, with its screw holes and drill sleeves;
     * {@code side} points from the bone to where the guide sits (null: anterior, LPS -y, made square
     * to the bone).
     */
    public static Result design(Mesh input, List<Plane> planes, List<Hole> holes, Vec3 side, Options o,
            Progress progress) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("a cutting guide needs at least one plane");
        }
        // small holes closed first; seams whose edges do not meet (T-junctions) are sealed by the flood below
        MeshRepair.Result closedBone = MeshRepair.repair(input, CRUMB_MM3, MAX_HOLE_EDGES);
        Mesh bone = closedBone.mesh();

        GuideFrame frame = GuideFrame.of(bone, planes, holes, side, o);
        Geometry g = frame.grid(o);
        progress.begin("Designing the cutting guide", 3);
        Map<String, Long> millis = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        float[] s = boneDistance(bone, g, o.clearanceMm() + o.baseMm() + 1, frame, o);
        long t1 = System.nanoTime();
        boolean[] under = frame.underBone(s, g, o.clearanceMm() + o.baseMm() + 1, o);
        long t2 = System.nanoTime();
        millis.put("bone distance", (t1 - t0) / 1_000_000);
        millis.put("under the bone", (t2 - t1) / 1_000_000);
        progress.worked(1);
        progress.checkCanceled();
        float[] field = new float[s.length];
        IntStream.range(0, g.nz()).parallel().forEach(k -> {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int n = g.index(i, j, k);
                    // nothing under the bone (a marrow canal, an undercut): the guide must come off
                    field[n] = under[n] ? (float) o.voxelMm() : (float) frame.field(g.toLps(i, j, k), s[n], o);
                }
            }
        });
        progress.worked(1);
        long t3 = System.nanoTime();
        millis.put("solid", (t3 - t2) / 1_000_000);
        Mesh surface = IsoSurface.of("Cutting guide", field, g);
        // crumbs where the clearance and a slot leave a sliver of the base: not part of the guide
        MeshRepair.Result repaired = MeshRepair.repair(surface, CRUMB_MM3, 0);
        Mesh guide = repaired.mesh();
        long t4 = System.nanoTime();
        millis.put("surface", (t4 - t3) / 1_000_000);
        progress.worked(1);
        Map<String, Object> report = measure(guide, bone, planes, frame, o, s, g);
        report.put("holes", frame.holeReports(guide));
        report.put("boneHolesFilled", closedBone.holesFilled());
        report.put("crumbsRemoved", repaired.shellsRemoved());
        report.put("crumbsVolumeMm3", repaired.volumeRemovedMm3());
        millis.put("measures", (System.nanoTime() - t4) / 1_000_000);
        report.put("gridVoxels", List.of(g.nx(), g.ny(), g.nz()));
        report.put("designMillis", millis);
        return new Result(guide, report);
    }

    /**
     * Signed distance to the bone at each grid point (negative inside): exact within {@code band} mm
     * of the surface where the guide's faces are made; elsewhere only its sign and a lower bound
     * matter. Inside is what the outside cannot reach: a flood from the grid's border stopped
     * by the voxels within a voxel of the surface, so a bone mesh with small holes or a second
     * shell (a marrow canal) still has one inside; next to the surface the nearest face decides.
     */
    private static float[] boneDistance(Mesh bone, Geometry g, double band, GuideFrame frame, Options o) {
        // a cheap lower bound first: distance to the voxels the triangles pass through, less a voxel
        boolean[] near = touched(bone, g);
        double[] coarse = DistanceTransform.squared(near, g.nx(), g.ny(), g.nz(), g.spacing().x(), g.spacing().y(),
                g.spacing().z());
        double edge = g.spacing().length();
        double wall = 0.6 * g.spacing().length();
        ClosestPoints closest = new ClosestPoints(bone);
        float[] out = new float[near.length];
        boolean[] facesIn = new boolean[near.length];
        IntStream.range(0, g.nz()).parallel().forEach(k -> {
            ClosestPoints.Query q = closest.query();
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int n = g.index(i, j, k);
                    double bound = Math.sqrt(coarse[n]) - edge;
                    // exact where it shapes the guide, and where it walls the flood in; elsewhere the
                    // guide's field is above zero whatever the bone (its faces are three voxels away)
                    Vec3 p = g.toLps(i, j, k);
                    if (bound > band || bound > wall && frame.withoutBone(p, o) > 3 * edge) {
                        out[n] = (float) bound; // far: the exact value changes nothing
                    } else {
                        double d = q.signedDistance(p.x(), p.y(), p.z());
                        out[n] = (float) Math.abs(d);
                        facesIn[n] = d < 0;
                    }
                }
            }
        });
        boolean[] barrier = new boolean[near.length];
        for (int n = 0; n < barrier.length; n++) {
            barrier[n] = out[n] <= wall;
        }
        boolean[] outside = BorderFlood.reached(barrier, g);
        for (int n = 0; n < out.length; n++) {
            boolean inside = barrier[n] ? facesIn[n] : !outside[n];
            if (inside) {
                out[n] = -out[n];
            }
        }
        return out;
    }

    /** The voxels the mesh's triangles pass through, found by sampling each triangle finer than the grid. */
    private static boolean[] touched(Mesh m, Geometry g) {
        boolean[] out = new boolean[(int) g.voxelCount()];
        float[] v = m.vertices();
        int[] t = m.triangles();
        double step = 0.5 * Math.min(g.spacing().x(), Math.min(g.spacing().y(), g.spacing().z()));
        for (int i = 0; i < t.length; i += 3) {
            Vec3 a = new Vec3(v[3 * t[i]], v[3 * t[i] + 1], v[3 * t[i] + 2]);
            Vec3 b = new Vec3(v[3 * t[i + 1]], v[3 * t[i + 1] + 1], v[3 * t[i + 1] + 2]);
            Vec3 c = new Vec3(v[3 * t[i + 2]], v[3 * t[i + 2] + 1], v[3 * t[i + 2] + 2]);
            double longest = Math.max(b.minus(a).length(), Math.max(c.minus(b).length(), a.minus(c).length()));
            int n = Math.max(1, (int) Math.ceil(longest / step));
            Vec3 ia = g.toIndex(a), ib = g.toIndex(b).minus(ia), ic = g.toIndex(c).minus(ia);
            for (int p = 0; p <= n; p++) {
                for (int q = 0; p + q <= n; q++) {
                    long x = Math.round(ia.x() + (ib.x() * p + ic.x() * q) / n);
                    long y = Math.round(ia.y() + (ib.y() * p + ic.y() * q) / n);
                    long z = Math.round(ia.z() + (ib.z() * p + ic.z() * q) / n);
                    if (x >= 0 && y >= 0 && z >= 0 && x < g.nx() && y < g.ny() && z < g.nz()) {
                        out[g.index((int) x, (int) y, (int) z)] = true;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The least distance from a vertex of the guide to the bone, over the vertices that may lie
     * within {@code within} mm of it: the bone's distance at the nearest grid point, less the way
     * to it, bounds a vertex's from below (the grid holds exact distances or lower bounds), so only
     * those below it are measured exactly. MAX_VALUE when none is.
     */
    private static double nearestToBone(Mesh guide, Mesh bone, float[] s, Geometry g, double within) {
        ClosestPoints closest = new ClosestPoints(bone);
        float[] v = guide.vertices();
        int blocks = 64, per = (guide.vertexCount() + blocks - 1) / blocks;
        return IntStream.range(0, blocks).parallel().mapToDouble(b -> {
            ClosestPoints.Query q = closest.query();
            double least = Double.MAX_VALUE;
            for (int p = 3 * b * per; p < Math.min(v.length, 3 * (b + 1) * per); p += 3) {
                Vec3 at = new Vec3(v[p], v[p + 1], v[p + 2]), index = g.toIndex(at);
                int i = clamp(Math.round(index.x()), g.nx()), j = clamp(Math.round(index.y()), g.ny()),
                        k = clamp(Math.round(index.z()), g.nz());
                double lower = Math.abs(s[g.index(i, j, k)]) - at.minus(g.toLps(i, j, k)).length();
                if (lower < within) {
                    least = Math.min(least, Math.abs(q.signedDistance(v[p], v[p + 1], v[p + 2])));
                }
            }
            return least;
        }).min().orElse(Double.MAX_VALUE);
    }

    private static int clamp(long i, int n) {
        return (int) Math.max(0, Math.min(n - 1, i));
    }

    /** Closedness, each slot's width between its faces, and the nearest approach to the bone. */
    private static Map<String, Object> measure(Mesh guide, Mesh bone, List<Plane> planes, GuideFrame frame, Options o,
            float[] s, Geometry g) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("units", "mm, ml; patient LPS");
        MeshTopology topology = MeshTopology.of(guide);
        r.put("closed", topology.watertight());
        r.put("triangles", guide.triangleCount());
        r.put("volumeMl", guide.volumeMm3() / 1000);
        r.put("slotWidthAskedMm", o.slotMm());
        List<Double> widths = new ArrayList<>();
        for (int k = 0; k < planes.size(); k++) {
            widths.add(frame.slotWidth(guide, k, o));
        }
        r.put("slotWidthsMm", widths);
        double min = nearestToBone(guide, bone, s, g, o.clearanceMm() + 1);
        if (!(min <= o.clearanceMm() + 1)) {
            min = nearestToBone(guide, bone, s, g, Double.MAX_VALUE); // nothing that near: look at every vertex
        }
        r.put("clearanceAskedMm", o.clearanceMm());
        r.put("nearestToBoneMm", min);
        r.put("options", Map.of("baseMm", o.baseMm(), "bladeMm", o.bladeMm(), "wallMm", o.wallMm(), "boxLengthMm",
                o.boxLengthMm(), "boxHeightMm", o.boxHeightMm(), "sectorDegrees", o.sectorDegrees(), "voxelMm",
                o.voxelMm()));
        r.put("summary", String.format(Locale.ROOT, "%d slots of %.2f mm for a %.2f mm blade, at least %.3f mm from"
                + " the bone", planes.size(), o.slotMm(), o.bladeMm(), min));
        return r;
    }
}
