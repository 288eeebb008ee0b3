package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CornerRowsTest {

    /** Rows built by two threads hold what one pass over the triangles in order writes. */
    @Test
    void twoHalvesFillRowsInTriangleOrder() {
        fillsAsOnePassInOrder(50, 1001); // an odd count: the halves differ in size
    }

    /** The same with rows in several blocks of vertices, whose starts are summed block by block. */
    @Test
    void rowsSpanningManyBlocksFillAsOnePass() {
        fillsAsOnePassInOrder(200_003, 300_001);
    }

    private static void fillsAsOnePassInOrder(int vertices, int triangles) {
        SplittableRandom random = new SplittableRandom(7);
        int[] tri = random.ints(3L * triangles, 0, vertices).toArray();
        boolean[] skip = new boolean[triangles];
        for (int t = 0; t < triangles; t += 5) {
            skip[t] = true;
        }
        CornerRows rows = CornerRows.count(vertices, tri, 2, skip);
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

    /** The write positions live in the counting's arrays: a second fill would start from the wrong places. */
    @Test
    void rowsAreFilledOnce() {
        CornerRows rows = CornerRows.count(4, new int[] { 0, 1, 2, 0, 2, 3 }, 1, null);
        rows.fill((from, to, fill) -> {
        });
        assertThrows(IllegalStateException.class, () -> rows.fill((from, to, fill) -> {
        }));
    }
}
