package org.twinprint.implant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Progress;
import org.twinprint.meshing.core.GltfFormat;
import org.twinprint.meshing.core.MeshTopology;

/**
 * Cutting guides on the fibula pieces of BoneReconstructionPlanner's plan (BSD-3), measured on the
 * guide mesh: one closed part, each slot blade + 2 x clearance wide, never nearer the bone than
 * the clearance; for two planes, and for twenty placed at random.
 */
class CuttingGuideTest {

    private static List<Mesh> pieces;

    @BeforeAll
    static void load() throws IOException {
        Path plan = Path.of(System.getProperty("twinprint.shared", "../shared"), "data", "brp-fibula-plan",
                "BoneReconstructionPlanner.gltf");
        pieces = GltfFormat.read(plan).stream().filter(m -> m.name().startsWith("Fibula Segment")).toList();
        assertEquals(3, pieces.size());
    }

    @Test
    void aGuideWithTwoSlotsOnTheFibulaIsOneClosedPartWithSlotsOfTheBladeAndClearance() {
        Mesh bone = pieces.get(1);
        Axis a = Axis.of(bone);
        List<CuttingGuide.Plane> planes = List.of(a.plane(-5, 8, 20), a.plane(6, -6, 110));
        CuttingGuide.Options o = CuttingGuide.Options.sla();
        long start = System.nanoTime();
        CuttingGuide.Result r = CuttingGuide.design(bone, planes, List.of(), null, o, Progress.NONE);
        System.out.printf("cutting guide on %s: %s; %d triangles, %.2f ml, %d ms %s %s%n", bone.name(),
                r.report().get("summary"), r.guide().triangleCount(), r.guide().volumeMm3() / 1000,
                (System.nanoTime() - start) / 1_000_000, r.report().get("designMillis"), r.report().get("gridVoxels"));
        check(r, o, planes.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScrewHoleAndADrillSleeveAreOpenBoresOfTheirDiameterThroughOneClosedGuide() {
        Mesh bone = pieces.get(1);
        Axis a = Axis.of(bone);
        List<CuttingGuide.Plane> planes = List.of(a.plane(-12, 8, 20), a.plane(14, -6, 110));
        Vec3 front = new Vec3(0, -1, 0).minus(a.axis.times(-a.axis.y())).normalized();
        List<CuttingGuide.Hole> holes = List.of(CuttingGuide.Hole.screw(a.centre.plus(a.axis.times(-3)).plus(front
                .times(30)), null), CuttingGuide.Hole.sleeve(a.centre.plus(a.axis.times(5)).plus(front.times(30)), null));
        CuttingGuide.Options o = CuttingGuide.Options.sla();
        CuttingGuide.Result r = CuttingGuide.design(bone, planes, holes, null, o, Progress.NONE);
        List<Map<String, Object>> placed = (List<Map<String, Object>>) r.report().get("holes");
        System.out.printf("guide with a screw hole and a drill sleeve on %s: %s; holes %s%n", bone.name(),
                r.report().get("summary"), placed);
        check(r, o, planes.size());
        assertEquals(2, placed.size());
        for (Map<String, Object> h : placed) {
            assertEquals(3.0, (double) h.get("diameterMm"), 0.05, "bore " + h);
            Vec3 entry = vector(h.get("entryMm")), d = vector(h.get("direction"));
            // the drill's own axis, from the bone out through the base and the sleeve, meets no face
            double height = o.clearanceMm() + o.baseMm() + o.wallMm() + ("drill sleeve".equals(h.get("kind")) ? 6 : 0);
            assertEquals(0, crossings(r.guide(), entry, entry.minus(d.times(2 * height))), "open bore " + h);
            // and beside the axis, through the wall, there is guide
            Vec3 beside = d.cross(a.axis).normalized().times(1.5 + o.wallMm() / 2);
            assertTrue(crossings(r.guide(), entry.plus(beside), entry.plus(beside).minus(d.times(2 * height))) > 0,
                    "a wall around " + h);
        }
        double standing = 0;
        Map<String, Object> sleeve = placed.get(1);
        Vec3 entry = vector(sleeve.get("entryMm")), d = vector(sleeve.get("direction"));
        float[] v = r.guide().vertices();
        for (int p = 0; p < v.length; p += 3) {
            Vec3 q = new Vec3(v[p], v[p + 1], v[p + 2]).minus(entry);
            if (q.minus(d.times(q.dot(d))).length() <= 4.6) {
                standing = Math.max(standing, -q.dot(d));
            }
        }
        assertTrue(standing >= o.clearanceMm() + o.baseMm() + 6 - 0.3, "the sleeve stands " + standing + " mm high");
    }

    @Test
    void aHoleThatMissesTheBoneIsRefused() {
        Mesh bone = pieces.get(0);
        Axis a = Axis.of(bone);
        CuttingGuide.Hole wide = CuttingGuide.Hole.screw(a.centre.plus(a.perpendicular(0).times(40)), a.axis);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CuttingGuide.design(bone,
                List.of(a.plane(0, 0, 0)), List.of(wide), null, CuttingGuide.Options.sla(), Progress.NONE));
        assertTrue(e.getMessage().contains("misses the bone"), e.getMessage());
    }

    @Test
    void twentyRandomPlacementsAllGiveAClosedGuideWithExactSlotsAndClearance() {
        Random random = new Random(24);
        for (int run = 0; run < 20; run++) {
            Mesh bone = pieces.get(run % pieces.size());
            Axis a = Axis.of(bone);
            double first = -a.halfLength() + 5 + random.nextDouble() * 3;
            List<CuttingGuide.Plane> planes = List.of(
                    a.plane(first, 20 * (random.nextDouble() - 0.5), 360 * random.nextDouble()),
                    a.plane(first + 9 + random.nextDouble() * 3, 20 * (random.nextDouble() - 0.5),
                            360 * random.nextDouble()));
            CuttingGuide.Options o = run % 2 == 0 ? CuttingGuide.Options.sla() : CuttingGuide.Options.fdm();
            Vec3 side = a.perpendicular(360 * random.nextDouble());
            CuttingGuide.Result r = CuttingGuide.design(bone, planes, List.of(), side, o, Progress.NONE);
            System.out.printf("random guide %d on %s: %s%n", run + 1, bone.name(), r.report().get("summary")
                    + " widths " + r.report().get("slotWidthsMm") + ", crumbs " + r.report().get("crumbsRemoved"));
            check(r, o, planes.size());
        }
    }

    @Test
    void aPlaneAlongTheBoneIsRefusedWithTheReason() {
        Mesh bone = pieces.get(0);
        Axis a = Axis.of(bone);
        Vec3 along = a.perpendicular(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CuttingGuide.design(bone,
                List.of(new CuttingGuide.Plane(a.centre, along)), List.of(), null, CuttingGuide.Options.sla(), Progress.NONE));
        assertTrue(e.getMessage().contains("does not cut across the bone"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static void check(CuttingGuide.Result r, CuttingGuide.Options o, int slots) {
        Map<String, Object> report = r.report();
        MeshTopology t = MeshTopology.of(r.guide());
        assertTrue(t.watertight(), "closed: " + t);
        assertEquals(1, t.shells(), "one part: " + report);
        List<Double> widths = (List<Double>) report.get("slotWidthsMm");
        assertEquals(slots, widths.size());
        for (double w : widths) {
            assertEquals(o.slotMm(), w, 0.05, "slot width " + widths);
        }
        double nearest = (double) report.get("nearestToBoneMm");
        assertTrue(nearest >= o.clearanceMm() - 0.05, "nearest to the bone " + nearest);
    }

    private static Vec3 vector(Object xyz) {
        List<?> l = (List<?>) xyz;
        return new Vec3(((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue(),
                ((Number) l.get(2)).doubleValue());
    }

    /** How many of the mesh's triangles the segment from a to b passes through. */
    private static int crossings(Mesh m, Vec3 a, Vec3 b) {
        float[] v = m.vertices();
        int[] t = m.triangles();
        Vec3 d = b.minus(a);
        int count = 0;
        for (int i = 0; i < t.length; i += 3) {
            Vec3 p0 = new Vec3(v[3 * t[i]], v[3 * t[i] + 1], v[3 * t[i] + 2]);
            Vec3 e1 = new Vec3(v[3 * t[i + 1]], v[3 * t[i + 1] + 1], v[3 * t[i + 1] + 2]).minus(p0);
            Vec3 e2 = new Vec3(v[3 * t[i + 2]], v[3 * t[i + 2] + 1], v[3 * t[i + 2] + 2]).minus(p0);
            Vec3 pv = d.cross(e2);
            double det = e1.dot(pv);
            if (Math.abs(det) < 1e-12) {
                continue;
            }
            Vec3 tv = a.minus(p0);
            double u = tv.dot(pv) / det;
            Vec3 qv = tv.cross(e1);
            double w = d.dot(qv) / det, along = e2.dot(qv) / det;
            count += u >= 0 && w >= 0 && u + w <= 1 && along >= 0 && along <= 1 ? 1 : 0;
        }
        return count;
    }

    /** A bone piece's principal axis, and planes across it. */
    private record Axis(Vec3 centre, Vec3 axis, Vec3 u, Vec3 w, double halfLength) {

        static Axis of(Mesh m) {
            float[] v = m.vertices();
            int n = v.length / 3;
            double[] c = new double[3];
            for (int p = 0; p < v.length; p += 3) {
                c[0] += v[p] / n;
                c[1] += v[p + 1] / n;
                c[2] += v[p + 2] / n;
            }
            Vec3 centre = new Vec3(c[0], c[1], c[2]);
            double[][] cov = new double[3][3];
            for (int p = 0; p < v.length; p += 3) {
                double[] d = { v[p] - c[0], v[p + 1] - c[1], v[p + 2] - c[2] };
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        cov[a][b] += d[a] * d[b];
                    }
                }
            }
            var e = new org.apache.commons.math3.linear.EigenDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(cov));
            int best = 0;
            for (int i = 1; i < 3; i++) {
                best = e.getRealEigenvalue(i) > e.getRealEigenvalue(best) ? i : best;
            }
            double[] a = e.getEigenvector(best).toArray();
            Vec3 axis = new Vec3(a[0], a[1], a[2]).normalized();
            Vec3 u = (Math.abs(axis.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0)).cross(axis).normalized();
            double half = 0;
            for (int p = 0; p < v.length; p += 3) {
                half = Math.max(half, Math.abs(new Vec3(v[p], v[p + 1], v[p + 2]).minus(centre).dot(axis)));
            }
            return new Axis(centre, axis, u, axis.cross(u), half);
        }

        /** The plane across the axis at {@code at} mm from the centre, tilted by {@code tilt} degrees towards {@code towards}. */
        CuttingGuide.Plane plane(double at, double tilt, double towards) {
            Vec3 lean = perpendicular(towards);
            Vec3 normal = axis.times(Math.cos(Math.toRadians(tilt))).plus(lean.times(Math.sin(Math.toRadians(tilt))));
            return new CuttingGuide.Plane(centre.plus(axis.times(at)), normal);
        }

        Vec3 perpendicular(double degrees) {
            double r = Math.toRadians(degrees);
            return u.times(Math.cos(r)).plus(w.times(Math.sin(r)));
        }
    }
}
