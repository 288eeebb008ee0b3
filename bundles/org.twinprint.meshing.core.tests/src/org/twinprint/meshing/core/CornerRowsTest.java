package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CornerRowsTest {

    /** Rows built by two threads hold what one pass over the triangles in order writes. */
    @Test
    void twoHalvesFillRowsInTriangleOrder() {
        fillsAsOnePassInOrder(50, 1001, 0); // an odd count: the halves differ in size
    }

    /** The same with rows in several blocks of vertices, whose starts are summed block by block. */
    @Test
    void rowsSpanningManyBlocksFillAsOnePass() {
        fillsAsOnePassInOrder(200_003, 300_001, 3);
    }

    private static void fillsAsOnePassInOrder(int vertices, int triangles, int spare) {
        SplittableRandom random = new SplittableRandom(7);
        int[] tri = random.ints(3L * triangles, 0, vertices).toArray();
        boolean[] skip = new boolean[triangles];
        for (int t = 0; t < triangles; t += 5) {
            skip[t] = true;
        }
        CornerRows rows = CornerRows.count(vertices, tri, 2, skip, spare);
        int[] parallel = new int[rows.total()];
        rows.fill((from, to, fill) -> {
            for (int t = from; t < to; t++) {
                if (!skip[t]) {
                    for (int k = 0; k < 3; k++) {
                        parallel[fill[tri[3 * t + k]]++] = t;
                        parallel[fill[tri[3 * t + k]]++] = -t;
                    }
                }
            }
        });
        int[] start = new int[vertices + 1];
        for (int t = 0; t < triangles; t++) {
            for (int k = 0; k < 3 && !skip[t]; k++) {
                start[tri[3 * t + k] + 1] += 2;
            }
        }
        for (int v = 0; v < vertices; v++) {
            start[v + 1] += spare;
        }
        Arrays.parallelPrefix(start, Integer::sum);
        int[] fill = Arrays.copyOf(start, vertices);
        int[] sequential = new int[start[vertices]];
        for (int t = 0; t < triangles; t++) {
            for (int k = 0; k < 3 && !skip[t]; k++) {
                sequential[fill[tri[3 * t + k]]++] = t;
                sequential[fill[tri[3 * t + k]]++] = -t;
            }
        }
        assertArrayEquals(start, rows.start);
        assertArrayEquals(sequential, parallel);
    }

    /** Spare slots follow every row's entries; sizes count only the entries. */
    @Test
    void spareSlotsFollowEachRow() {
        int[] tri = { 0, 1, 2, 0, 2, 3 };
        CornerRows rows = CornerRows.count(5, tri, 1, null, 4);
        assertArrayEquals(new int[] { 0, 6, 11, 17, 22, 26 }, rows.start);
        int[] sizes = new int[5];
        for (int v = 0; v < 5; v++) {
            sizes[v] = rows.size(v);
        }
        assertArrayEquals(new int[] { 2, 1, 2, 1, 0 }, sizes);
        int[] slots = new int[rows.total()];
        Arrays.fill(slots, -1);
        rows.fill((from, to, fill) -> {
            for (int t = from; t < to; t++) {
                for (int k = 0; k < 3; k++) {
                    slots[fill[tri[3 * t + k]]++] = t;
                }
            }
        });
        assertArrayEquals(new int[] { 0, 1, -1, -1, -1, -1, 0, -1, -1, -1, -1, 0, 1, -1, -1, -1, -1, 1, -1, -1, -1, -1,
                -1, -1, -1, -1 }, slots);
    }
}
