package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

class UndoTest {

    /** Labels voxels with value >= a threshold into a segment. */
    private static final SegmentationTool AT_LEAST = new SegmentationTool() {
        @Override
        public String id() {
            return "test.at-least";
        }

        @Override
        public String label() {
            return "At least";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.number("value", "Value", 0, -5000, 5000, "", ""),
                    ParameterSpec.text("segment", "Segment", "A", ""));
        }

        @Override
        public String apply(Case c, Parameters p, Progress progress) {
            var map = c.labelMapForEditing();
            var s = map.segment(p.string("segment")).orElseGet(() -> map.addSegment(p.string("segment"), 0));
            short[] v = c.series().get(0).volume().voxels();
            for (int n = 0; n < v.length; n++) {
                if (v[n] >= p.number("value")) {
                    map.labels()[n] = (byte) s.label();
                }
            }
            return "done";
        }
    };

    private static CaseOperations operations() {
        ServiceCatalog catalog = new ServiceCatalog();
        catalog.add(AT_LEAST, "test", "1");
        return new CaseOperations(catalog);
    }

    /** A case with one series of four voxels, 0 to 300 HU. */
    private static Case fourVoxels() {
        Case c = new Case("u");
        c.addSeries(new Series("1", "", "CT", new Volume(Geometry.axisAligned(4, 1, 1, new Vec3(1, 1, 1), Vec3.ZERO),
                new short[] { 0, 100, 200, 300 }, "HU"), "memory", List.of()));
        return c;
    }

    @Test
    void everyEditUndoesAndRedoesExactly() {
        CaseOperations ops = operations();
        Case c = fourVoxels();

        ops.segment(c, AT_LEAST, Map.of("value", "250", "segment", "A"), Progress.NONE);
        ops.segment(c, AT_LEAST, Map.of("value", "150", "segment", "B"), Progress.NONE);
        assertArrayEquals(new byte[] { 0, 0, 2, 2 }, c.labelMap().labels());
        assertEquals(Optional.of("At least"), c.nextUndo());

        assertEquals(Optional.of("At least"), ops.undo(c));
        assertArrayEquals(new byte[] { 0, 0, 0, 1 }, c.labelMap().labels());
        assertEquals(List.of("A"), c.labelMap().segments().stream().map(s -> s.name()).toList());
        ops.undo(c);
        assertArrayEquals(new byte[4], c.labelMap().labels());
        assertTrue(c.labelMap().segments().isEmpty());
        assertEquals(Optional.empty(), ops.undo(c), "nothing more to undo");

        ops.redo(c);
        ops.redo(c);
        assertArrayEquals(new byte[] { 0, 0, 2, 2 }, c.labelMap().labels());
        assertEquals(2, c.labelMap().segments().size());

        ops.undo(c);
        ops.segment(c, AT_LEAST, Map.of("value", "50", "segment", "C"), Progress.NONE);
        assertEquals(Optional.empty(), c.nextRedo(), "a new edit ends the redo chain");
        assertEquals("edit.undo", c.provenance().get(c.provenance().size() - 2).serviceId());
    }

    @Test
    void aCaseWithoutUndoHistoryEditsTheSameAndKeepsNoEdits() {
        CaseOperations ops = operations();
        Case c = fourVoxels();
        ops.segment(c, AT_LEAST, Map.of("value", "250", "segment", "A"), Progress.NONE);
        assertEquals(Optional.of("At least"), c.nextUndo());

        c.keepUndoHistory(false);
        assertEquals(Optional.empty(), c.nextUndo(), "turning the history off drops what it held");
        ops.segment(c, AT_LEAST, Map.of("value", "150", "segment", "B"), Progress.NONE);
        assertArrayEquals(new byte[] { 0, 0, 2, 2 }, c.labelMap().labels());
        assertEquals(Optional.empty(), c.nextUndo());
        assertEquals(Optional.empty(), ops.undo(c));
        assertArrayEquals(new byte[] { 0, 0, 2, 2 }, c.labelMap().labels());
        assertEquals("test.at-least", c.provenance().get(c.provenance().size() - 1).serviceId(),
                "the edit is still recorded");

        c.keepUndoHistory(true);
        ops.segment(c, AT_LEAST, Map.of("value", "50", "segment", "C"), Progress.NONE);
        assertEquals(Optional.of("At least"), ops.undo(c));
        assertArrayEquals(new byte[] { 0, 0, 2, 2 }, c.labelMap().labels());
    }

    @Test
    void anEditHoldsExactlyTheChangedVoxels() {
        // changed voxels alone and in runs of every length, also at both ends of the map
        var map = new org.twinprint.core.model.LabelMap(Geometry.axisAligned(1000, 1, 1, new Vec3(1, 1, 1), Vec3.ZERO));
        byte[] old = new byte[1000];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        byte[] now = map.labels();
        for (int n = 0; n < now.length;) {
            int run = random.nextInt(1, 12);
            byte value = (byte) (random.nextBoolean() ? random.nextInt(1, 4) : 0);
            for (int end = Math.min(now.length, n + run); n < end; n++) {
                now[n] = value;
                old[n] = (byte) (random.nextInt(4) == 0 ? value : random.nextInt(4));
            }
        }
        old[0] = 9;
        old[999] = 9;
        java.util.List<Integer> changed = new java.util.ArrayList<>();
        for (int n = 0; n < now.length; n++) {
            if (now[n] != old[n]) {
                changed.add(n);
            }
        }
        var edit = org.twinprint.core.model.LabelEdit.between("test", old, List.of(), map);
        assertArrayEquals(changed.stream().mapToInt(Integer::intValue).toArray(), edit.changes().get(0).indices());
        for (int k = 0; k < changed.size(); k++) {
            assertEquals(old[changed.get(k)], edit.changes().get(0).before()[k]);
            assertEquals(now[changed.get(k)], edit.changes().get(0).after()[k]);
        }
    }

    @Test
    void anEditOfALargeMapHoldsItsChangesInOrderAcrossTheBlocksItIsComparedIn() {
        // a map of several comparison blocks (2^20 voxels), runs of changes across their borders
        int n = 3 * (1 << 20) + 5000;
        var map = new org.twinprint.core.model.LabelMap(Geometry.axisAligned(n, 1, 1, new Vec3(1, 1, 1), Vec3.ZERO));
        byte[] now = map.labels();
        byte[] old = new byte[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int k = 0; k < 20_000; k++) {
            int at = random.nextInt(n);
            old[at] = (byte) random.nextInt(0, 3);
            now[at] = (byte) random.nextInt(0, 3);
        }
        for (int border : new int[] { 1 << 20, 2 * (1 << 20), 3 * (1 << 20) }) {
            for (int v = border - 40; v < border + 40; v++) {
                now[v] = 5;
            }
        }
        int[] changed = java.util.stream.IntStream.range(0, n).filter(v -> now[v] != old[v]).toArray();
        var edit = org.twinprint.core.model.LabelEdit.between("large", old, List.of(), map);
        assertArrayEquals(changed, edit.changes().get(0).indices());
        for (int k = 0; k < changed.length; k++) {
            assertEquals(old[changed[k]], edit.changes().get(0).before()[k]);
            assertEquals(now[changed[k]], edit.changes().get(0).after()[k]);
        }
        var fromNothing = org.twinprint.core.model.LabelEdit.between("new", null, List.of(), map);
        assertArrayEquals(java.util.stream.IntStream.range(0, n).filter(v -> now[v] != 0).toArray(),
                fromNothing.changes().get(0).indices());
    }

    @Test
    void anEditFromANewMapHoldsItsLabelledVoxels() {
        // a map larger than the block of zeros it is compared with, labels on and around block borders
        int n = 3 * (1 << 16) + 1000;
        var map = new org.twinprint.core.model.LabelMap(Geometry.axisAligned(n, 1, 1, new Vec3(1, 1, 1), Vec3.ZERO));
        byte[] now = map.labels();
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int k = 0; k < 2000; k++) {
            now[random.nextInt(n)] = (byte) random.nextInt(1, 4);
        }
        for (int border : new int[] { 0, (1 << 16) - 1, 1 << 16, 2 * (1 << 16) + 1, n - 1 }) {
            now[border] = 2;
        }
        var fromNothing = org.twinprint.core.model.LabelEdit.between("new", null, List.of(), map);
        var fromZeros = org.twinprint.core.model.LabelEdit.between("new", new byte[n], List.of(), map);
        assertArrayEquals(fromZeros.changes().get(0).indices(), fromNothing.changes().get(0).indices());
        assertArrayEquals(fromZeros.changes().get(0).before(), fromNothing.changes().get(0).before());
        assertArrayEquals(fromZeros.changes().get(0).after(), fromNothing.changes().get(0).after());
        assertEquals(java.util.stream.IntStream.range(0, n).filter(v -> now[v] != 0).count(),
                fromNothing.changes().get(0).indices().length);
    }
}
