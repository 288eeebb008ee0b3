package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;

class ModelTest {

    /** A 10 x 20 x 30 mm box, outward-facing triangles. */
    private static Mesh box() {
        float[] v = { 0, 0, 0, 10, 0, 0, 10, 20, 0, 0, 20, 0, 0, 0, 30, 10, 0, 30, 10, 20, 30, 0, 20, 30 };
        int[] t = { 0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0,
                4, 3, 4, 7 };
        return new Mesh("box", v, t);
    }

    @Test
    void closedMeshVolumeAndAreaAreExact() {
        Mesh box = box();
        assertEquals(6000, box.volumeMm3(), 1e-6);
        assertEquals(2 * (10 * 20 + 20 * 30 + 10 * 30), box.areaMm2(), 1e-6);
        assertEquals(12, box.triangleCount());
    }

    @Test
    void insideOutMeshHasNegativeVolume() {
        Mesh box = box();
        int[] flipped = box.triangles().clone();
        for (int n = 0; n < flipped.length; n += 3) {
            int a = flipped[n + 1];
            flipped[n + 1] = flipped[n + 2];
            flipped[n + 2] = a;
        }
        assertEquals(-6000, new Mesh("inside-out", box.vertices(), flipped).volumeMm3(), 1e-6);
    }

    @Test
    void oneLabelMapHoldsManySegmentsInOneBytePerVoxel() {
        Geometry g = Geometry.axisAligned(4, 4, 4, new Vec3(0.5, 0.5, 2), Vec3.ZERO);
        LabelMap map = new LabelMap(g);
        Segment bone = map.addSegment("Bone", 0xf1d691);
        Segment vessel = map.addSegment("Vessel", 0xff0000);
        assertEquals(List.of(1, 2), map.segments().stream().map(Segment::label).toList());
        map.labels()[0] = (byte) bone.label();
        map.labels()[1] = (byte) bone.label();
        map.labels()[63] = (byte) vessel.label();
        assertEquals(2, map.voxelCount(bone));
        assertEquals(1.0, map.volumeMm3(bone), 1e-12);
        assertEquals(64, map.labels().length, "one byte per voxel for all segments");
        assertThrows(IllegalArgumentException.class, () -> map.addSegment("Bone", 0));
    }

    @Test
    void volumeStatisticsCoverEveryVoxel() {
        Geometry g = Geometry.axisAligned(2, 1, 2, new Vec3(1, 1, 1), Vec3.ZERO);
        Volume v = new Volume(g, new short[] { -1024, 0, 3071, 100 }, "HU");
        assertEquals(-1024, v.statistics().min());
        assertEquals(3071, v.statistics().max());
        assertEquals(2147, v.statistics().sum());
        assertThrows(IllegalArgumentException.class, () -> new Volume(g, new short[3], "HU"));
    }
}
