package org.twinprint.implant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/** Dice, boundary Dice and HD95 on masks whose answers are worked out by hand. */
class AccuracyMetricsTest {

    private static final Geometry G = Geometry.axisAligned(20, 10, 10, new Vec3(0.5, 1, 2), Vec3.ZERO);

    private static boolean[] box(int i0, int i1, int j0, int j1, int k0, int k1) {
        boolean[] m = new boolean[(int) G.voxelCount()];
        for (int k = k0; k <= k1; k++) {
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    m[G.index(i, j, k)] = true;
                }
            }
        }
        return m;
    }

    @Test
    void diceCountsTheSharedVoxels() {
        boolean[] a = box(0, 9, 0, 0, 0, 0), b = box(5, 14, 0, 0, 0, 0); // 10 each, 5 shared
        assertEquals(0.5, AccuracyMetrics.dice(a, b), 1e-12);
        assertEquals(1.0, AccuracyMetrics.dice(a, a), 1e-12);
    }

    @Test
    void hd95IsInMillimetresOnTheGridsOwnSpacing() {
        // one voxel each, 3 apart in i (0.5 mm) and 4 in k (2 mm): sqrt(1.5^2 + 8^2) both ways
        assertEquals(Math.sqrt(1.5 * 1.5 + 64), AccuracyMetrics.hd95(box(0, 0, 0, 0, 0, 0), box(3, 3, 0, 0, 4, 4), G),
                1e-12);
        // two slabs three slices apart: every surface voxel is 6 mm from the other slab
        assertEquals(6.0, AccuracyMetrics.hd95(box(0, 19, 0, 9, 2, 2), box(0, 19, 0, 9, 5, 5), G), 1e-12);
    }

    @Test
    void boundaryDiceLooksOnlyWithinTenMillimetresOfTheSkull() {
        // a rod of 60 voxels of 0.5 mm along i; the skull is its first slice, i = 0
        Geometry g = Geometry.axisAligned(60, 4, 4, new Vec3(0.5, 1, 1), Vec3.ZERO);
        boolean[] skull = new boolean[960], a = new boolean[960], b = new boolean[960];
        for (int n = 0; n < 960; n++) {
            int i = n % 60;
            skull[n] = i == 0;
            a[n] = i >= 1;
            b[n] = i >= 1 && i < 40; // B misses i = 40..59, 20 mm and more from the skull
        }
        assertEquals(2.0 * 39 / (59 + 39), AccuracyMetrics.dice(a, b), 1e-12);
        assertEquals(1.0, AccuracyMetrics.boundaryDice(a, b, skull, g), 1e-12, "they agree within 10 mm");
        b[g.index(20, 0, 0)] = false; // 10 mm from the skull: inside the band
        assertEquals(2.0 * 319 / (320 + 319), AccuracyMetrics.boundaryDice(a, b, skull, g), 1e-12);
    }
}
