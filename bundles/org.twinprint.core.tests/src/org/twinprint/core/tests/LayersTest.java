package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelEdit;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;

/** Segments in layers: overlaps kept whole, more than 255 segments, undo across layers. */
class LayersTest {

    private static Case caseOf(int n) {
        Case c = new Case("layers");
        c.addSeries(new Series("1", "", "CT", new Volume(Geometry.axisAligned(n, 1, 1, new Vec3(1, 1, 1), Vec3.ZERO),
                new short[n], "HU"), "test", List.of()));
        return c;
    }

    @Test
    void aSegmentThatOverlapsGoesToANewLayerAndOneThatDoesNotStays() {
        LabelMap map = caseOf(100).labelMapForEditing();
        Segment organ = map.addSegmentOver("Organ", 0xff0000, IntStream.range(10, 60).toArray());
        Segment tumour = map.addSegmentOver("Tumour", 0x00ff00, IntStream.range(30, 40).toArray());
        Segment beside = map.addSegmentOver("Beside", 0x0000ff, IntStream.range(70, 80).toArray());
        assertEquals(0, organ.layer());
        assertEquals(1, tumour.layer(), "inside the organ: its own layer");
        assertEquals(0, beside.layer(), "apart from both: the first layer");
        assertEquals(50, map.voxelCount(organ), "the organ keeps the tumour's voxels");
        assertEquals(10, map.voxelCount(tumour));
        assertTrue(map.contains(organ, 35) && map.contains(tumour, 35));
        assertEquals(2, map.layerCount());
    }

    @Test
    void moreThan255SegmentsFillAFurtherLayer() {
        LabelMap map = caseOf(10).labelMapForEditing();
        List<Segment> all = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            all.add(map.addSegment("S" + k, k));
        }
        assertEquals(2, map.layerCount());
        assertEquals(new Segment(255, "S254", 254, 0), all.get(254));
        assertEquals(new Segment(1, "S255", 255, 1), all.get(255));
        assertEquals(300, all.stream().map(Segment::key).distinct().count(), "each segment its own key");
    }

    @Test
    void undoAndRedoTakeALayerAwayAndBringItBack() {
        Case c = caseOf(100);
        LabelMap map = c.labelMapForEditing();
        map.addSegmentOver("Organ", 0xff0000, IntStream.range(10, 60).toArray());
        List<byte[]> before = List.of(map.layer(0).clone());
        List<Segment> segmentsBefore = List.copyOf(map.segments());
        map.addSegmentOver("Tumour", 0x00ff00, IntStream.range(30, 40).toArray());
        byte[] tumourLayer = map.layer(1).clone();
        c.pushEdit(LabelEdit.betweenLayers("add tumour", before, segmentsBefore, map));

        assertEquals("add tumour", c.undo().orElseThrow());
        assertEquals(1, map.layerCount());
        assertEquals(segmentsBefore, map.segments());
        c.redo();
        assertEquals(2, map.layerCount());
        assertArrayEquals(tumourLayer, map.layer(1));
        assertEquals(10, map.voxelCount(map.segment("Tumour").orElseThrow()));
    }
}
