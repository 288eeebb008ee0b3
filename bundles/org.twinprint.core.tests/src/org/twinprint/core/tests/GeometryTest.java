package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

class GeometryTest {

    /** The demo phantom's grid: 0.451171875 mm pixels, 1 mm slices, first voxel at (-115.5, -1.85, 694.21). */
    private final Geometry phantom = Geometry.axisAligned(512, 512, 140, new Vec3(0.451171875, 0.451171875, 1.0),
            new Vec3(-115.5, -1.85, 694.21));

    @Test
    void voxelCentresFollowSpacingAlongEachAxis() {
        Vec3 p = phantom.toLps(511, 0, 139);
        assertEquals(-115.5 + 511 * 0.451171875, p.x(), 1e-9);
        assertEquals(-1.85, p.y(), 1e-9);
        assertEquals(833.21, p.z(), 1e-9);
        assertEquals(0.451171875 * 0.451171875, phantom.voxelVolumeMm3(), 1e-12);
    }

    @Test
    void indexOfAPointInvertsItsPositionOnATiltedGrid() {
        // a grid tilted 20 degrees about the left-right axis, as from a tilted gantry
        double a = Math.toRadians(20);
        Geometry tilted = new Geometry(64, 64, 32, new Vec3(0.7, 0.8, 2.5), new Vec3(10, -20, 30), new Vec3(1, 0, 0),
                new Vec3(0, Math.cos(a), Math.sin(a)), new Vec3(0, -Math.sin(a), Math.cos(a)));
        Vec3 lps = tilted.toLps(12.5, 40, 7);
        Vec3 ijk = tilted.toIndex(lps);
        assertEquals(12.5, ijk.x(), 1e-9);
        assertEquals(40, ijk.y(), 1e-9);
        assertEquals(7, ijk.z(), 1e-9);
        assertFalse(tilted.sameGrid(Geometry.axisAligned(64, 64, 32, new Vec3(0.7, 0.8, 2.5), new Vec3(10, -20, 30))));
    }

    @Test
    void indexIsXFastestThenYThenZ() {
        assertEquals(0, phantom.index(0, 0, 0));
        assertEquals(1, phantom.index(1, 0, 0));
        assertEquals(512, phantom.index(0, 1, 0));
        assertEquals(512 * 512 * 139 + 512 * 511 + 511, phantom.index(511, 511, 139));
        assertTrue(phantom.sameGrid(phantom));
    }

    @Test
    void rejectsGridsThatCannotExist() {
        assertThrows(IllegalArgumentException.class,
                () -> Geometry.axisAligned(0, 1, 1, new Vec3(1, 1, 1), Vec3.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> Geometry.axisAligned(1, 1, 1, new Vec3(1, -1, 1), Vec3.ZERO));
    }
}
