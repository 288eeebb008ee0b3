package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.Progress;

/** The crossing test the reduction's guard uses, and the taking back of moves that made crossings. */
class CrossingTest {

    @Test
    void thePairTestAgreesWithTheSurfaceCheckOnATriangleSoup() {
        Random random = new Random(7);
        int n = 600;
        float[] v = new float[9 * n];
        for (int f = 0; f < n; f++) {
            float x = random.nextInt(30) / 4f, y = random.nextInt(30) / 4f, z = random.nextInt(30) / 4f;
            for (int k = 0; k < 9; k++) {
                v[9 * f + k] = (k % 3 == 0 ? x : k % 3 == 1 ? y : z) + random.nextInt(-8, 9) / 4f;
            }
        }
        Mesh soup = new Mesh("soup", v, java.util.stream.IntStream.range(0, 3 * n).toArray());
        long pairs = 0;
        double[] a = new double[9], b = new double[9];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                for (int k = 0; k < 9; k++) {
                    a[k] = v[9 * i + k];
                    b[k] = v[9 * j + k];
                }
                pairs += TriangleCrossing.crosses(a, 0, b, 0) ? 1 : 0;
            }
        }
        assertTrue(pairs > 500, pairs + " crossing pairs");
        assertEquals(SurfaceChecks.selfIntersections(new TriangleGrid(soup, 2)), pairs);
    }

    @Test
    void movesThatPushOneBoxIntoAnotherAreTakenBackAndTheOthersKept() {
        // two boxes 0.05 mm apart; the second moved 0.2 mm into the first, the first 0.01 mm sideways
        Mesh box = Shapes.subdivided(Shapes.box());
        int nv = box.vertexCount(), nt = box.triangleCount();
        float[] before = new float[6 * nv];
        int[] t = new int[6 * nt];
        for (int i = 0; i < nv; i++) {
            System.arraycopy(box.vertices(), 3 * i, before, 3 * i, 3);
            System.arraycopy(box.vertices(), 3 * i, before, 3 * (nv + i), 3);
            before[3 * (nv + i)] += 10.05f;
        }
        for (int i = 0; i < 3 * nt; i++) {
            t[i] = box.triangles()[i];
            t[3 * nt + i] = box.triangles()[i] + nv;
        }
        float[] after = before.clone();
        for (int i = 0; i < nv; i++) {
            after[3 * i + 1] += 0.01f;
            after[3 * (nv + i)] -= 0.2f;
        }
        Mesh moved = new Mesh("two boxes", after, t);
        assertTrue(SurfaceChecks.selfIntersections(new TriangleGrid(moved, 2)) > 0, "the move made crossings");
        int back = CrossingRevert.revert(moved, before, Progress.NONE);
        assertEquals(0, SurfaceChecks.selfIntersections(new TriangleGrid(moved, 2)));
        assertTrue(back > 0 && back < nv, back + " vertices went back");
        for (int i = 0; i < nv; i++) {
            if (before[3 * i] < 5) { // the first box's far side, where nothing crossed
                assertEquals(before[3 * i + 1] + 0.01f, after[3 * i + 1], "keeps its move: vertex " + i);
            }
        }
    }
}
