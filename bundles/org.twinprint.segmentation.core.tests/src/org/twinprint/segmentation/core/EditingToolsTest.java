package org.twinprint.segmentation.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.testing.OsgiServices;

/** The editing tools on small volumes whose answers can be counted by hand. */
class EditingToolsTest {

    private final ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
    private final CaseOperations operations = new CaseOperations(catalog);

    private String run(Case c, String tool, Map<String, String> p) {
        return operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class, tool), p,
                Progress.NONE);
    }

    /** An n³ grid of the given spacing with a segment "S" on the listed voxels. */
    private static Case grid(int n, Vec3 spacing, int... voxels) {
        Geometry g = Geometry.axisAligned(n, n, n, spacing, Vec3.ZERO);
        Case c = new Case("grid");
        c.addSeries(new Series("1", "", "CT", new Volume(g, new short[n * n * n], "HU"), "synthetic", List.of()));
        LabelMap map = c.labelMapForEditing();
        Segment s = map.addSegment("S", 0xffffff);
        for (int v : voxels) {
            map.labels()[v] = (byte) s.label();
        }
        return c;
    }

    private static long count(Case c, String name) {
        return c.labelMap().voxelCount(c.labelMap().segment(name).orElseThrow());
    }

    @Test
    void segmentsAreAddedRenamedAndDeletedAsUndoableSteps() {
        Case c = grid(5, new Vec3(1, 1, 1), 0, 1, 2, 3);
        run(c, "segment.add", Map.of("segment", "Tumour", "color", "#ff3300"));
        assertEquals(0xff3300, c.labelMap().segment("Tumour").orElseThrow().rgb());
        assertEquals(0, count(c, "Tumour"), "added empty");
        run(c, "segment.rename", Map.of("segment", "S", "name", "Skull", "color", "#e8dcc0"));
        assertEquals(4, count(c, "Skull"), "renamed, voxels kept");
        assertTrue(c.labelMap().segment("S").isEmpty());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> run(c, "segment.rename", Map.of("segment", "Skull", "name", "Tumour")));
        assertTrue(taken.getMessage().contains("exists already"), taken.getMessage());
        String deleted = run(c, "segment.delete", Map.of("segment", "Skull"));
        assertEquals("Skull: deleted, 4 voxels", deleted);
        assertTrue(c.labelMap().segment("Skull").isEmpty());
        assertEquals(0, c.labelMap().labels()[2]);
        operations.undo(c);
        assertEquals(4, count(c, "Skull"), "undo brings the segment and its voxels back");
        operations.undo(c);
        assertEquals(4, count(c, "S"), "and the name before the rename");
        assertThrows(IllegalArgumentException.class,
                () -> run(c, "segment.add", Map.of("segment", "Red", "color", "red")), "a colour is #rrggbb");
    }

    @Test
    void aPlaneCutsASegmentInTwoByItsVoxelCentres() {
        int n = 10;
        Geometry g = Geometry.axisAligned(n, n, n, new Vec3(1, 1, 1), Vec3.ZERO);
        int[] all = java.util.stream.IntStream.range(0, n * n * n).toArray();
        Case c = grid(n, new Vec3(1, 1, 1), all);
        // tilted: x + z > 9 is in front, counted by hand below
        c.putMarkup(new org.twinprint.core.model.Markup("Osteotomy", org.twinprint.core.model.Markup.Type.PLANE,
                List.of(new org.twinprint.core.model.Markup.Point("", new Vec3(4.5, 0, 4.5))), new Vec3(1, 0, 1)));
        long front = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                front += i + k > 9 ? n : 0;
            }
        }
        String summary = run(c, "segment.cut-by-plane", Map.of("segment", "S", "plane", "Osteotomy"));
        assertEquals(front, count(c, "S (in front of Osteotomy)"), summary);
        assertEquals(n * n * n - front, count(c, "S (behind Osteotomy)"), summary);
        assertEquals(0, c.labelMap().segment("S (in front of Osteotomy)").orElseThrow().layer(), "no overlap");
        operations.undo(c);
        assertEquals(n * n * n, count(c, "S"), "undo joins them again");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(c, "segment.cut-by-plane", Map.of("segment", "S", "plane", "Nowhere")));
        assertTrue(e.getMessage().contains("no markup named 'Nowhere'"), e.getMessage());
    }

    @Test
    void dilationIsAnEllipsoidOfVoxelsInMillimetres() {
        int n = 21;
        Vec3 spacing = new Vec3(0.5, 0.5, 1.0);
        Geometry g = Geometry.axisAligned(n, n, n, spacing, Vec3.ZERO);
        Case c = grid(n, spacing, g.index(10, 10, 10));
        run(c, "segment.morphology", Map.of("segment", "S", "operation", "dilate", "radius", "2"));
        long expected = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double dx = (i - 10) * 0.5, dy = (j - 10) * 0.5, dz = (k - 10) * 1.0;
                    expected += dx * dx + dy * dy + dz * dz <= 4 + 1e-9 ? 1 : 0;
                }
            }
        }
        assertEquals(expected, count(c, "S"));
    }

    @Test
    void erosionRespectsAnisotropicSpacing() {
        int n = 9;
        Vec3 spacing = new Vec3(0.5, 0.5, 1.0);
        Geometry g = Geometry.axisAligned(n, n, n, spacing, Vec3.ZERO);
        int[] cube = new int[125];
        int m = 0;
        for (int k = 2; k < 7; k++) {
            for (int j = 2; j < 7; j++) {
                for (int i = 2; i < 7; i++) {
                    cube[m++] = g.index(i, j, k);
                }
            }
        }
        Case c = grid(n, spacing, cube);
        run(c, "segment.morphology", Map.of("segment", "S", "operation", "erode", "radius", "0.5"));
        assertEquals(3 * 3 * 5, count(c, "S"), "0.5 mm peels one pixel in x and y, no slice in z");
    }

    @Test
    void cavitiesFillIn3dAndOpenTubesFillPerSlice() {
        int n = 9;
        Vec3 one = new Vec3(1, 1, 1);
        Geometry g = Geometry.axisAligned(n, n, n, one, Vec3.ZERO);
        java.util.List<Integer> shell = new java.util.ArrayList<>();
        java.util.List<Integer> tube = new java.util.ArrayList<>();
        for (int k = 1; k < 8; k++) {
            for (int j = 1; j < 8; j++) {
                for (int i = 1; i < 8; i++) {
                    boolean wall = i == 1 || i == 7 || j == 1 || j == 7;
                    if (wall || k == 1 || k == 7) {
                        shell.add(g.index(i, j, k));
                    }
                    if (wall) {
                        tube.add(g.index(i, j, k));
                    }
                }
            }
        }
        Case closed = grid(n, one, shell.stream().mapToInt(Integer::intValue).toArray());
        run(closed, "segment.fill-holes", Map.of("segment", "S", "mode", "3d"));
        assertEquals(7 * 7 * 7, count(closed, "S"));

        Case open = grid(n, one, tube.stream().mapToInt(Integer::intValue).toArray());
        run(open, "segment.fill-holes", Map.of("segment", "S", "mode", "3d"));
        assertEquals(tube.size(), count(open, "S"), "an open tube encloses nothing in 3D");
        run(open, "segment.fill-holes", Map.of("segment", "S", "mode", "slices"));
        assertEquals(7 * 7 * 7, count(open, "S"), "but each of its slices is a closed ring");
    }

    @Test
    void smallIslandsGoAndTheClickedIslandStays() {
        int n = 10;
        Vec3 one = new Vec3(1, 1, 1);
        Geometry g = Geometry.axisAligned(n, n, n, one, Vec3.ZERO);
        Case c = grid(n, one, g.index(1, 1, 1), g.index(2, 1, 1), g.index(1, 2, 1), g.index(2, 2, 1), g.index(7, 7, 7));
        run(c, "segment.islands", Map.of("segment", "S", "mode", "remove-small", "min-volume", "2"));
        assertEquals(4, count(c, "S"));

        Case d = grid(n, one, g.index(1, 1, 1), g.index(2, 1, 1), g.index(7, 7, 7));
        run(d, "segment.islands", Map.of("segment", "S", "mode", "keep-at-seed", "seed", "7,7,7"));
        assertEquals(1, count(d, "S"));
        assertThrows(IllegalArgumentException.class, () -> run(d, "segment.islands",
                Map.of("segment", "S", "mode", "keep-at-seed", "seed", "4,4,4")));
    }

    @Test
    void growingStaysInTheConnectedRange() {
        int n = 8;
        Geometry g = Geometry.axisAligned(n, n, n, new Vec3(1, 1, 1), Vec3.ZERO);
        short[] v = new short[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                v[g.index(1, j, k)] = 500; // a wall of contrast at i = 1
                v[g.index(6, j, k)] = 500; // and another, not connected, at i = 6
            }
        }
        Case c = new Case("grow");
        c.addSeries(new Series("1", "", "CT", new Volume(g, v, "HU"), "synthetic", List.of()));
        run(c, "segment.grow", Map.of("segment", "Vessel", "seeds", "1,3,3", "lower", "300", "upper", "700"));
        assertEquals(n * n, count(c, "Vessel"));
    }

    @Test
    void unionTakesTheOtherSegmentAndSubtractRemovesARange() {
        int n = 4;
        Geometry g = Geometry.axisAligned(n, n, n, new Vec3(1, 1, 1), Vec3.ZERO);
        Case c = grid(n, new Vec3(1, 1, 1), 0, 1, 2);
        LabelMap map = c.labelMap();
        Segment t = map.addSegment("T", 0);
        map.labels()[10] = (byte) t.label();
        run(c, "segment.logical", Map.of("segment", "S", "operation", "union", "with", "T"));
        assertEquals(4, count(c, "S"));
        assertEquals(0, count(c, "T"));
        c.series().get(0).volume().voxels()[1] = 900;
        run(c, "segment.logical", Map.of("segment", "S", "operation", "subtract", "with", "800:1000"));
        assertEquals(3, count(c, "S"));
        run(c, "segment.logical", Map.of("segment", "S", "operation", "intersect", "with", "-10:10"));
        assertEquals(3, count(c, "S"));
        assertTrue(g.voxelCount() == 64);
    }

    @Test
    void slicesBetweenTwoDrawnDiscsAreFilledWithTheDisc() {
        int n = 21;
        Vec3 one = new Vec3(1, 1, 1);
        Geometry g = Geometry.axisAligned(n, n, n, one, Vec3.ZERO);
        java.util.List<Integer> discs = new java.util.ArrayList<>();
        for (int k : new int[] { 4, 12 }) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    if ((i - 10) * (i - 10) + (j - 10) * (j - 10) <= 25) {
                        discs.add(g.index(i, j, k));
                    }
                }
            }
        }
        Case c = grid(n, one, discs.stream().mapToInt(Integer::intValue).toArray());
        run(c, "segment.fill-between", Map.of("segment", "S"));
        assertEquals(discs.size() / 2 * 9, count(c, "S"), "slices 4 to 12 all hold the same disc");
    }
}
