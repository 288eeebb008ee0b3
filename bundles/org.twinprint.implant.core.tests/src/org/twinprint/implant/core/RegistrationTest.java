package org.twinprint.implant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.meshing.core.GltfFormat;
import org.twinprint.meshing.core.StlFormat;

/** Landmark fits and ICP against known answers, and on a real plan whose pieces are moved copies. */
class RegistrationTest {

    private static Path shared(String path) {
        return Path.of(System.getProperty("twinprint.shared", "../shared"), "data").resolve(path);
    }

    private static final RigidTransform KNOWN = RigidTransform.of(new Vec3(0.3, -0.5, 0.8), Math.toRadians(37),
            new Vec3(12.5, -40.25, 7.125));

    private static List<Vec3> points(SplittableRandom random, int n, double spread) {
        List<Vec3> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Vec3(random.nextDouble(-spread, spread), random.nextDouble(-spread, spread) + 100,
                    random.nextDouble(-spread, spread) + 750));
        }
        return out;
    }

    @Test
    void noiseFreeLandmarksGiveTheTransformBack() {
        List<Vec3> moving = points(new SplittableRandom(1), 4, 60);
        List<Vec3> fixed = moving.stream().map(KNOWN::apply).toList();
        LandmarkFit.Result fit = LandmarkFit.fit(moving, fixed, false);
        double worst = 0;
        for (Vec3 p : points(new SplittableRandom(2), 100, 100)) {
            worst = Math.max(worst, fit.transform().apply(p).minus(KNOWN.apply(p)).length());
        }
        System.out.printf("noise-free landmarks: largest error %.3g mm%n", worst);
        assertTrue(worst <= 1e-6, "recovered to " + worst + " mm");
        assertEquals(1, fit.transform().scale(), 1e-12);

        RigidTransform scaled = new RigidTransform(KNOWN.rotation(), 1.07, KNOWN.translation());
        LandmarkFit.Result withScale = LandmarkFit.fit(moving, moving.stream().map(scaled::apply).toList(), true);
        assertEquals(1.07, withScale.transform().scale(), 1e-12, "the scale, when asked for");
    }

    @Test
    void sixLandmarksWithHalfAMillimetreOfNoiseMissTheTargetsByUnderAMillimetre() {
        SplittableRandom random = new SplittableRandom(3);
        double[] tre = new double[500];
        for (int trial = 0; trial < tre.length; trial++) {
            List<Vec3> moving = points(random, 6, 50);
            List<Vec3> fixed = new ArrayList<>();
            for (Vec3 p : moving) {
                Vec3 q = KNOWN.apply(p);
                fixed.add(new Vec3(q.x() + 0.5 * random.nextGaussian(), q.y() + 0.5 * random.nextGaussian(),
                        q.z() + 0.5 * random.nextGaussian()));
            }
            RigidTransform fit = LandmarkFit.fit(moving, fixed, false).transform();
            Vec3 target = LandmarkFit.centroid(moving).plus(new Vec3(10, -10, 10)); // inside the landmarks
            tre[trial] = fit.apply(target).minus(KNOWN.apply(target)).length();
        }
        Arrays.sort(tre);
        double mean = Arrays.stream(tre).average().orElseThrow(), p95 = tre[(int) (0.95 * tre.length)];
        System.out.printf("six landmarks, 0.5 mm noise: TRE mean %.3f mm, 95th percentile %.3f mm%n", mean, p95);
        assertTrue(p95 <= 1.0, "TRE 95th percentile " + p95 + " mm");
    }

    @Test
    void icpFromTwentyDegreesAndTenMillimetresOffFindsTheFemurAgain() throws Exception {
        Mesh femur = StlFormat.read(shared("gfxmorph_bone_stl/data/femur.stl"));
        Vec3 centre = centroidOf(femur);
        // 20 degrees about an oblique axis through the bone's centre, then 10 mm
        RigidTransform turn = RigidTransform.of(new Vec3(1, 2, -0.5), Math.toRadians(20), Vec3.ZERO);
        Vec3 shift = new Vec3(6, -8, 0).normalized().times(10);
        RigidTransform off = new RigidTransform(turn.rotation(), 1, centre.minus(turn.apply(centre)).plus(shift));
        Mesh moved = off.apply(femur);
        Icp.Result result = Icp.align(moved, femur, RigidTransform.IDENTITY, Icp.Options.DEFAULT);
        System.out.println("femur 20 degrees and 10 mm off: " + result.message());
        assertTrue(result.converged(), result.message());
        assertTrue(result.rmsMm() <= 0.05, result.message());
        assertTrue(result.iterations() <= 100);
        // the fit undoes the offset: a point of the bone comes back where it was
        Vec3 p = new Vec3(femur.vertices()[0], femur.vertices()[1], femur.vertices()[2]);
        assertEquals(0, result.transform().apply(off.apply(p)).minus(p).length(), 0.05);
    }

    @Test
    void aStartTooFarOffIsReportedAsNotConverged() throws Exception {
        Mesh femur = StlFormat.read(shared("gfxmorph_bone_stl/data/femur.stl"));
        Vec3 centre = centroidOf(femur);
        // upside down: ICP settles on the wrong end of the bone
        RigidTransform turn = RigidTransform.of(new Vec3(1, 0, 0.2), Math.toRadians(160), Vec3.ZERO);
        RigidTransform off = new RigidTransform(turn.rotation(), 1, centre.minus(turn.apply(centre)));
        Icp.Result result = Icp.align(off.apply(femur), femur, RigidTransform.IDENTITY, Icp.Options.DEFAULT);
        System.out.println("femur upside down: " + result.message());
        assertFalse(result.converged(), result.message());
        assertTrue(result.message().startsWith("NOT converged"), result.message());
    }

    @Test
    void eachFibulaPieceFitsItsMovedCopyInThePlan() throws Exception {
        List<Mesh> plan = GltfFormat.read(shared("brp-fibula-plan/BoneReconstructionPlanner.gltf"));
        for (String piece : List.of("Fibula Segment 0A-0B", "Fibula Segment 1A-1B", "Fibula Segment 2A-2B")) {
            Mesh bone = plan.stream().filter(m -> m.name().equals(piece)).findFirst().orElseThrow();
            Mesh copy = plan.stream().filter(m -> m.name().equals("Transformed " + piece + "_6")).findFirst()
                    .orElseThrow();
            Icp.Result fit = SurfaceFit.fit(bone, copy, new Icp.Options(100, 1.0, 0.05, 20_000));
            System.out.printf("%s onto its moved copy: %s, turned %.1f degrees%n", piece, fit.message(),
                    fit.transform().angleDegrees());
            assertTrue(fit.converged() && fit.rmsMm() <= 0.05, piece + ": " + fit.message());
        }
    }

    private static Vec3 centroidOf(Mesh m) {
        double x = 0, y = 0, z = 0;
        float[] v = m.vertices();
        for (int i = 0; i < v.length; i += 3) {
            x += v[i];
            y += v[i + 1];
            z += v[i + 2];
        }
        int n = m.vertexCount();
        return new Vec3(x / n, y / n, z / n);
    }
}
