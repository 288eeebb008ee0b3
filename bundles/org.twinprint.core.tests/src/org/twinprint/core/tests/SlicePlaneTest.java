package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.SlicePlane;
import org.twinprint.core.model.Vec3;

class SlicePlaneTest {

    private final Geometry head = Geometry.axisAligned(512, 512, 140, new Vec3(0.45, 0.45, 1), Vec3.ZERO);

    @Test
    void eachPlaneShowsItsTwoAxesWithTheHeadUp() {
        assertEquals(512, SlicePlane.CORONAL.width(head));
        assertEquals(140, SlicePlane.CORONAL.height(head));
        assertEquals(512, SlicePlane.SAGITTAL.slices(head));
        assertEquals(1.0, SlicePlane.SAGITTAL.pixelHeightMm(head));
        // the top row of a coronal or sagittal view is the most superior slice
        assertArrayEquals(new double[] { 10, 20, 139 }, SlicePlane.CORONAL.voxel(head, 10, 0, 20));
        assertArrayEquals(new double[] { 30, 10, 0 }, SlicePlane.SAGITTAL.voxel(head, 10, 139, 30));
        for (SlicePlane p : SlicePlane.values()) {
            double[] px = p.pixel(head, 7, 8, 9);
            assertArrayEquals(new double[] { 7, 8, 9 }, p.voxel(head, px[0], px[1], px[2]), p.name());
            assertEquals(head.index(7, 8, 9), p.index(head, (int) px[0], (int) px[1], (int) px[2]), p.name());
        }
    }

    @Test
    void edgesAreNamedRadiologically() {
        assertArrayEquals(new String[] { "R", "L", "A", "P" }, SlicePlane.AXIAL.edgeLabels(head));
        assertArrayEquals(new String[] { "R", "L", "S", "I" }, SlicePlane.CORONAL.edgeLabels(head));
        assertArrayEquals(new String[] { "A", "P", "S", "I" }, SlicePlane.SAGITTAL.edgeLabels(head));
        // rows running to the patient's right (as in pydicom's enhanced CT) swap the axial labels
        Geometry flipped = new Geometry(4, 4, 2, new Vec3(1, 1, 1), Vec3.ZERO, new Vec3(-1, 0, 0), new Vec3(0, 1, 0),
                new Vec3(0, 0, -1));
        assertArrayEquals(new String[] { "L", "R", "A", "P" }, SlicePlane.AXIAL.edgeLabels(flipped));
        assertArrayEquals(new String[] { "L", "R", "I", "S" }, SlicePlane.CORONAL.edgeLabels(flipped));
    }
}
