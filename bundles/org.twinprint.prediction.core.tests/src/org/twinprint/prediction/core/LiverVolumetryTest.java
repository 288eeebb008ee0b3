package org.twinprint.prediction.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.imaging.dicom.core.DicomFolderImporter;

/**
 * Liver volumetry on 3D-IRCADb-01 patient 17 (tests only, read from ../shared): the expert liver
 * and tumour masks, a plane resection between the two tumours, and each number checked against a
 * count or a distance computed here another way.
 */
class LiverVolumetryTest {

    private static final Path DATA = Path.of("../../../shared/data/ircadb01-17-liver-tests-only");

    private static Geometry g;
    private static boolean[] liver, tumour1, tumour2;

    @BeforeAll
    static void load() throws IOException {
        g = series(DATA.resolve("PATIENT_DICOM")).volume().geometry();
        liver = mask("liver");
        tumour1 = mask("livertumor1");
        tumour2 = mask("livertumor2");
    }

    @Test
    void theLiverMaskImportsToItsPublishedVolume() {
        LiverVolumetry.Result r = LiverVolumetry.of(liver, List.of(), List.of(), new boolean[liver.length], g);
        System.out.printf("IRCADb 17 liver: %.1f ml (reference 1860.6 ml)%n", r.liverMl());
        assertEquals(1860.6, r.liverMl(), 1860.6 * 0.005);
        assertEquals(r.liverMl(), r.remnantMl(), 1e-9);
    }

    @Test
    void aPlaneBetweenTheTumoursLeavesTheRemnantAVoxelCountGivesAndTheMarginsADistanceGives() {
        Vec3 c1 = centroid(tumour1), c2 = centroid(tumour2);
        Vec3 normal = c2.minus(c1).normalized(), point = c1.plus(c2).times(0.5);
        boolean[] removed = Resection.byPlanes(List.of(new Resection.Plane(point, normal)), g);
        LiverVolumetry.Result r = LiverVolumetry.of(liver, List.of("livertumor1", "livertumor2"),
                List.of(tumour1, tumour2), removed, g);
        // the kept side counted here voxel by voxel from the masks: liver, not tumour, behind the plane
        long kept = 0;
        double[] nearest = { Double.MAX_VALUE, Double.MAX_VALUE };
        for (int k = 0, n = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, n++) {
                    double side = normal.dot(g.toLps(i, j, k).minus(point));
                    if (liver[n] && !tumour1[n] && !tumour2[n] && side <= 0) {
                        kept++;
                    }
                    if (tumour1[n]) {
                        nearest[0] = Math.min(nearest[0], -side);
                    }
                    if (tumour2[n]) {
                        nearest[1] = Math.min(nearest[1], side);
                    }
                }
            }
        }
        double keptMl = kept * g.voxelVolumeMm3() / 1000;
        double voxel = g.spacing().length();
        LiverVolumetry.Margin m1 = r.margins().get(0), m2 = r.margins().get(1);
        System.out.printf("plane between the tumours: remnant %.1f ml of %.1f ml parenchyma (counted %.1f ml);"
                + " tumour 1 %s, margin %.2f mm (plane distance %.2f); tumour 2 %s, margin %.2f mm (plane distance"
                + " %.2f)%n", r.remnantMl(), r.parenchymaMl(), keptMl, m1.side(), m1.marginMm(), nearest[0], m2.side(),
                m2.marginMm(), nearest[1]);
        assertEquals(keptMl, r.remnantMl(), keptMl * 0.005);
        assertEquals(LiverVolumetry.Side.REMNANT, m1.side());
        assertEquals(LiverVolumetry.Side.REMOVED, m2.side());
        assertEquals(nearest[0], m1.marginMm(), voxel);
        assertEquals(nearest[1], m2.marginMm(), voxel);
        assertEquals(1860.6 - 85.6 - 78.6, r.parenchymaMl(), 1696.4 * 0.005);
    }

    @Test
    void eachVoxelOfATwoBranchPhantomGoesToTheTerritoryOfItsBranch() {
        // a block of "liver", a trunk along y, dividing into two branches at 30 degrees either side;
        // the truth: the side of the plane that bisects the two branches
        Geometry box = Geometry.axisAligned(120, 140, 60, new Vec3(0.8, 0.8, 1.5), Vec3.ZERO);
        boolean[] all = new boolean[(int) box.voxelCount()];
        java.util.Arrays.fill(all, true);
        boolean[] left = new boolean[all.length], right = new boolean[all.length];
        Vec3 fork = new Vec3(48, 40, 45);
        Vec3 dl = new Vec3(-0.5, Math.sqrt(3) / 2, 0), dr = new Vec3(0.5, Math.sqrt(3) / 2, 0);
        for (int k = 0, n = 0; k < box.nz(); k++) {
            for (int j = 0; j < box.ny(); j++) {
                for (int i = 0; i < box.nx(); i++, n++) {
                    Vec3 p = box.toLps(i, j, k), q = p.minus(fork);
                    left[n] = along(q, dl) <= 2.5;
                    right[n] = along(q, dr) <= 2.5;
                }
            }
        }
        byte[] t = VascularTerritories.assign(all, List.of(left, right), box);
        long right1 = 0, counted = 0;
        for (int k = 0, n = 0; k < box.nz(); k++) {
            for (int j = 0; j < box.ny(); j++) {
                for (int i = 0; i < box.nx(); i++, n++) {
                    Vec3 q = box.toLps(i, j, k).minus(fork);
                    if (q.y() > 0 && Math.abs(q.x()) > 1) { // beyond the fork, off the bisecting plane
                        counted++;
                        right1 += t[n] == (q.x() > 0 ? 2 : 1) ? 1 : 0;
                    }
                }
            }
        }
        double share = right1 / (double) counted;
        System.out.printf("two-branch phantom: %.4f of %d voxels in the territory of their own branch%n", share,
                counted);
        assertTrue(share >= 0.99, "share " + share);
        assertEquals(List.of(true, false), List.of(VascularTerritories.of(t, List.of(1))[box.index(100, 130, 30)],
                VascularTerritories.of(t, List.of(1))[box.index(5, 130, 30)]));
    }

    /** Distance from a point (relative to the fork) to the ray from the fork along d; infinite behind it. */
    private static double along(Vec3 q, Vec3 d) {
        double s = q.dot(d);
        return s < 0 ? Double.MAX_VALUE : q.minus(d.times(s)).length();
    }

    private static Vec3 centroid(boolean[] mask) {
        double x = 0, y = 0, z = 0;
        long count = 0;
        for (int k = 0, n = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, n++) {
                    if (mask[n]) {
                        Vec3 p = g.toLps(i, j, k);
                        x += p.x();
                        y += p.y();
                        z += p.z();
                        count++;
                    }
                }
            }
        }
        return new Vec3(x / count, y / count, z / count);
    }

    private static boolean[] mask(String name) throws IOException {
        Series s = series(DATA.resolve("MASKS_DICOM").resolve(name));
        assertTrue(s.volume().geometry().sameGrid(g), name + " is on the CT's grid");
        short[] v = s.volume().voxels();
        boolean[] out = new boolean[v.length];
        for (int n = 0; n < v.length; n++) {
            out[n] = v[n] > 127;
        }
        return out;
    }

    private static Series series(Path folder) throws IOException {
        DicomFolderImporter importer = new DicomFolderImporter();
        List<Series> all = new ArrayList<>(importer.importFrom(folder, Parameters.of(importer, Map.of()),
                Progress.NONE).series());
        assertEquals(1, all.size(), folder + " holds one series");
        return all.get(0);
    }
}
