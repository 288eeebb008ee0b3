package org.twinprint.implant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.spi.Progress;
import org.twinprint.segmentation.core.DistanceTransform;

/** The mirrored cranial implant on the synthetic skull, scored as the AutoImplant challenge scores. */
class CranialImplantTest {

    private static SkullPhantom skull;
    private static SymmetryPlane.Plane plane;

    @BeforeAll
    static void phantom() {
        skull = SkullPhantom.of(6, 3, 1.37, -0.83, 0.51);
        plane = SymmetryPlane.find(skull.defective(), skull.grid());
    }

    @ParameterizedTest
    @CsvSource({ "6, 3, 1.37, -0.83, 0.51", "9, -4, -2.11, 1.9, -0.37", "3.5, 7, 0.73, 0.27, 1.13" })
    void theMirroredImplantMatchesTheRemovedBone(double aboutZ, double aboutY, double cx, double cy, double cz) {
        SkullPhantom s = SkullPhantom.of(aboutZ, aboutY, cx, cy, cz);
        Geometry g = s.grid();
        CranialImplant.Result r = CranialImplant.design(s.defective(), g, CranialImplant.Options.mirrored(), null,
                Progress.NONE);
        boolean[] implant = r.mask(g);
        double dice = AccuracyMetrics.dice(implant, s.removed());
        double boundary = AccuracyMetrics.boundaryDice(implant, s.removed(), s.defective(), g);
        double hd95 = AccuracyMetrics.hd95(implant, s.removed(), g);
        double degrees = Math.toDegrees(Math.acos(Math.min(1, Math.abs(r.plane().normal().dot(s.normal())))));
        System.out.printf("cranial implant on the shell tilted %.1f and %.1f degrees: DSC %.4f, boundary DSC %.4f,"
                + " HD95 %.3f mm, %.2f ml (removed %.2f ml); plane off by %.3f degrees and %.3f mm%n", aboutZ, aboutY,
                dice, boundary, hd95, r.report().get("volumeMl"), count(s.removed()) * g.voxelVolumeMm3() / 1000,
                degrees, Math.abs(r.plane().distance(s.centre())));
        assertTrue(dice >= 0.95, "DSC " + dice);
        assertTrue(boundary >= 0.95, "boundary DSC " + boundary);
        assertTrue(hd95 <= 0.8, "HD95 " + hd95);
        assertTrue(degrees <= 1 && Math.abs(r.plane().distance(s.centre())) <= 1);
        assertTrue((double) r.report().get("defectCoverage") >= 0.99, r.report().toString());
    }

    @Test
    void aShellOfSetThicknessLiesUnderTheMirroredOuterSurface() {
        CranialImplant.Result r = design(new CranialImplant.Options(2.5, 0, 1.5, 0, 0, 1, 0.5));
        double median = thickness(r, "median");
        System.out.printf("shell of 2.5 mm on a 4 mm skull: median thickness %.2f mm, p5 %.2f, p95 %.2f; %.2f ml of"
                + " the removed %.2f ml%n", median, thickness(r, "p5"), thickness(r, "p95"), r.report().get("volumeMl"),
                volume(skull.removed()));
        assertEquals(2.5, median, 0.45);
        // over the same opening, volume goes with thickness: 2.5 of the skull's 4 mm
        double share = (double) r.report().get("volumeMl") / volume(skull.removed());
        assertEquals(2.5 / 4, share, 0.06);
        // the shell is the outer part of the missing bone
        boolean[] implant = r.mask(skull.grid());
        long outer = 0, all = 0;
        for (int n = 0; n < implant.length; n++) {
            if (implant[n]) {
                all++;
                outer += skull.removed()[n] ? 1 : 0;
            }
        }
        assertTrue(outer >= 0.95 * all, outer + " of " + all);
        assertTrue((double) r.report().get("defectCoverage") >= 0.98, r.report().toString());
    }

    @Test
    void aGapKeepsTheImplantOffTheBone() {
        CranialImplant.Result r = design(new CranialImplant.Options(0, 0, 1.5, 0.6, 0, 1, 0.5));
        Geometry g = skull.grid();
        double[] toBone = DistanceTransform.squared(skull.defective(), g.nx(), g.ny(), g.nz(), 0.4, 0.4, 0.4);
        boolean[] implant = r.mask(g);
        double nearest = Double.MAX_VALUE;
        for (int n = 0; n < implant.length; n++) {
            if (implant[n]) {
                nearest = Math.min(nearest, Math.sqrt(toBone[n]));
            }
        }
        System.out.printf("gap of 0.6 mm: nearest implant voxel centre %.3f mm from a bone voxel centre, contact %.1f"
                + " mm2%n", nearest, r.report().get("rimContactMm2"));
        // voxel centres at least gap + a voxel apart: the voxels' faces at least the gap apart
        assertTrue(nearest >= 0.6 + 0.4 - 1e-9, "nearest " + nearest);
        assertEquals(0.6, (double) r.report().get("gapToBoneMm"), 0.2);
        assertEquals(0.0, (double) r.report().get("rimContactMm2"));
    }

    @Test
    void aFlangeLiesOnTheOuterSurfaceAroundTheDefect() {
        CranialImplant.Result r = design(new CranialImplant.Options(0, 5, 1.5, 0, 0, 1, 0.5));
        Geometry g = skull.grid();
        boolean[] implant = r.mask(g);
        long flange = 0, inside = 0;
        for (int n = 0; n < implant.length; n++) {
            if (implant[n] && !skull.removed()[n]) {
                flange++;
                int i = n % g.nx(), j = n / g.nx() % g.ny(), k = n / (g.nx() * g.ny());
                inside += skull.outsideHead(g.toLps(i, j, k)) ? 0 : 1;
            }
        }
        Map<String, Object> report = r.report();
        System.out.printf("flange 5 mm: %.2f ml reaching %.2f mm, %d of its voxels inside the head's outer surface%n",
                report.get("flangeMl"), report.get("flangeReachMm"), inside);
        assertTrue((double) report.get("flangeMl") > 0.5);
        assertEquals(5.0, (double) report.get("flangeReachMm"), 0.6);
        assertTrue(inside <= 0.02 * flange, inside + " of " + flange);
    }

    @Test
    void roundingTakesTheSharpEdgesOnly() {
        CranialImplant.Result r = design(new CranialImplant.Options(0, 0, 1.5, 0, 1, 1, 0.5));
        double dice = AccuracyMetrics.dice(r.mask(skull.grid()), skull.removed());
        System.out.printf("rounded by 1 mm: DSC %.4f, %.2f ml%n", dice, r.report().get("volumeMl"));
        assertTrue(dice > 0.93 && dice < 0.999, "DSC " + dice);
    }

    @Test
    void aSkullWithoutADefectIsRefusedWithAReason() {
        boolean[] whole = skull.defective().clone();
        for (int n = 0; n < whole.length; n++) {
            whole[n] |= skull.removed()[n];
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CranialImplant.design(whole, skull.grid(), CranialImplant.Options.mirrored(), plane, Progress.NONE));
        assertTrue(e.getMessage().startsWith("no defect found"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new CranialImplant.Options(30, 0, 1.5, 0, 0, 1, 0.5));
        assertEquals("the implant's thickness must be 0 to 12 mm, not 30", bad.getMessage());
    }

    private static CranialImplant.Result design(CranialImplant.Options o) {
        return CranialImplant.design(skull.defective(), skull.grid(), o, plane, Progress.NONE);
    }

    @SuppressWarnings("unchecked")
    private static double thickness(CranialImplant.Result r, String which) {
        return (double) ((Map<String, Object>) r.report().get("thicknessMm")).get(which);
    }

    private static double volume(boolean[] mask) {
        return count(mask) * skull.grid().voxelVolumeMm3() / 1000;
    }

    private static long count(boolean[] mask) {
        long c = 0;
        for (boolean b : mask) {
            c += b ? 1 : 0;
        }
        return c;
    }
}
