package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class VertexFansTest {

    private static int[] fanOf(VertexFans fans, int v) {
        int o = fans.offset(v);
        return Arrays.copyOfRange(fans.array(v), o, o + fans.count[v]);
    }

    private static VertexFans of(int[] tri, boolean[] skip, int vertices) {
        return new VertexFans(tri, skip, new int[tri.length], new int[vertices], new int[vertices][]);
    }

    @Test
    void fansListEachVertexsTrianglesInOrderLeavingSkippedOnesOut() {
        int[] tri = Shapes.box().triangles();
        boolean[] skip = new boolean[tri.length / 3];
        skip[1] = true;
        VertexFans fans = of(tri, skip, 8);
        for (int v = 0; v < 8; v++) {
            int[] expected = new int[0];
            for (int t = 0; t < tri.length / 3; t++) {
                if (!skip[t] && (tri[3 * t] == v || tri[3 * t + 1] == v || tri[3 * t + 2] == v)) {
                    expected = Arrays.copyOf(expected, expected.length + 1);
                    expected[expected.length - 1] = t;
                }
            }
            assertArrayEquals(expected, fanOf(fans, v), "vertex " + v);
        }
    }

    @Test
    void aFanOutgrowingItsRowMovesToItsOwnArrayAndKeepsItsOrder() {
        int[] tri = Shapes.box().triangles();
        VertexFans fans = of(tri, new boolean[tri.length / 3], 8);
        assertArrayEquals(new int[] { 0, 4, 6, 7 }, fanOf(fans, 1), "the four triangles at corner (10, 0, 0)");
        fans.remove(1, 4); // the last takes its place
        assertArrayEquals(new int[] { 0, 7, 6 }, fanOf(fans, 1));
        fans.add(1, 20); // fills the freed slot of the row
        assertSame(fans.array(0), fans.array(1), "the freed slot of its row is used first");
        for (int t = 21; t < 30; t++) {
            fans.add(1, t);
        }
        assertArrayEquals(new int[] { 0, 7, 6, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29 }, fanOf(fans, 1));
        assertEquals(0, fans.offset(1), "an array of its own");
        assertNotSame(fans.array(0), fans.array(1));
        assertArrayEquals(fanOf(of(tri, new boolean[12], 8), 2), fanOf(fans, 2), "the next row is untouched");
    }

    @Test
    void aRemovalByPositionFillsTheGapWithTheLastEntry() {
        int[] tri = Shapes.box().triangles();
        VertexFans fans = of(tri, new boolean[tri.length / 3], 8);
        fans.removeAt(1, 1); // triangle 4
        assertArrayEquals(new int[] { 0, 7, 6 }, fanOf(fans, 1), "as a removal by value");
        fans.removeAt(1, 2); // the last: nothing moves
        assertArrayEquals(new int[] { 0, 7 }, fanOf(fans, 1));
        fans.add(1, 20); // the gaps at the row's end are used again
        fans.add(1, 21);
        assertArrayEquals(new int[] { 0, 7, 20, 21 }, fanOf(fans, 1));
        assertSame(fans.array(0), fans.array(1), "still in its row");
    }
}
