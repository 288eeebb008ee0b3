package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EarClippingTest {

    private static double area(double[] x, double[] y, int[] t) {
        double sum = 0;
        for (int i = 0; i < t.length; i += 3) {
            sum += ((x[t[i + 1]] - x[t[i]]) * (y[t[i + 2]] - y[t[i]]) - (x[t[i + 2]] - x[t[i]]) * (y[t[i + 1]] - y[t[i]])) / 2;
        }
        return sum;
    }

    /** Every directed edge is met once, and each inner edge once each way: a closed, consistent fan. */
    private static void assertEdgesPairUp(int[] t, List<int[]> rings) {
        Map<Long, Integer> count = new HashMap<>();
        for (int i = 0; i < t.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                count.merge((long) t[i + k] << 32 | t[i + (k + 1) % 3], 1, Integer::sum);
            }
        }
        for (int[] ring : rings) {
            for (int k = 0; k < ring.length; k++) {
                long edge = (long) ring[k] << 32 | ring[(k + 1) % ring.length];
                assertEquals(1, count.remove(edge), "boundary edge " + ring[k] + "->" + ring[(k + 1) % ring.length]);
            }
        }
        for (Map.Entry<Long, Integer> e : count.entrySet()) {
            long reverse = (e.getKey() & 0xffffffffL) << 32 | e.getKey() >>> 32;
            assertEquals(e.getValue(), count.getOrDefault(reverse, 0), "inner edge used once each way");
        }
    }

    @Test
    void aSquareWithASquareHoleBecomesEightTriangles() {
        double[] x = { 0, 10, 10, 0, 3, 3, 7, 7 };
        double[] y = { 0, 0, 10, 10, 3, 7, 7, 3 };
        int[] outline = { 0, 1, 2, 3 };
        int[] hole = { 4, 5, 6, 7 }; // clockwise
        int[] t = EarClipping.triangulate(i -> x[i], i -> y[i], outline, List.of(hole));
        assertEquals(8 * 3, t.length, "n + 2h - 2 triangles");
        assertEquals(100 - 16, area(x, y, t), 1e-12);
        assertEdgesPairUp(t, List.of(outline, hole));
    }

    @Test
    void anOutlineThatCrossesItselfIsStillClosedEdgeForEdge() {
        // the edge from (7, 4) to (2, 4) crosses the edge at x = 3: a fold of the mesh at the cut
        double[] x = { 0, 10, 10, 7, 7, 2, 2, 3, 3, 0, 5, 5.5, 5.5, 5 };
        double[] y = { 0, 0, 10, 10, 4, 4, 10, 10, 2, 2, 6, 6, 8, 8 };
        int[] outline = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        int[] hole = { 10, 13, 12, 11 }; // clockwise, crossing the tooth
        int[] t = EarClipping.triangulate(i -> x[i], i -> y[i], outline, List.of(hole));
        assertEquals((outline.length + hole.length + 2 - 2) * 3, t.length);
        assertEdgesPairUp(t, List.of(outline, hole));
    }
}
