package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HalfEdgesTest {

    private static final int[] BOX = Shapes.box().triangles();

    @Test
    void aClosedOrientedBoxIsPairedOnce() {
        assertTrue(HalfEdges.of(8, BOX).pairedOnce());
    }

    @Test
    void holesTurnedTrianglesAndDoubledSurfacesAreNot() {
        assertFalse(HalfEdges.of(8, Arrays.copyOf(BOX, 33)).pairedOnce(), "a missing triangle");
        int[] turned = BOX.clone();
        turned[1] = BOX[2];
        turned[2] = BOX[1];
        assertFalse(HalfEdges.of(8, turned).pairedOnce(), "a turned triangle");
        int[] twice = Arrays.copyOf(BOX, 72);
        System.arraycopy(BOX, 0, twice, 36, 36);
        assertFalse(HalfEdges.of(8, twice).pairedOnce(), "every edge run twice each way");
    }

    @Test
    void agreesWithCountingEveryHalfEdgeOnRandomPiecesOfBoxes() {
        // triangles of two boxes sharing corners, some dropped, turned or repeated: the quick answer
        // must be the one from counting each half-edge and its reverse
        SplittableRandom random = new SplittableRandom(7);
        int pairedSeen = 0;
        for (int round = 0; round < 3000; round++) {
            List<int[]> triangles = new ArrayList<>();
            for (int box = 0; box < 1 + random.nextInt(2); box++) {
                int shift = box * random.nextInt(5);
                for (int f = 0; f < 12; f++) {
                    int[] t = { BOX[3 * f] + shift, BOX[3 * f + 1] + shift, BOX[3 * f + 2] + shift };
                    int change = random.nextInt(40);
                    if (change == 0) {
                        continue; // dropped
                    }
                    if (change == 1) {
                        t = new int[] { t[0], t[2], t[1] }; // turned
                    }
                    triangles.add(t);
                    if (change == 2) {
                        triangles.add(t.clone()); // repeated
                    }
                }
            }
            int[] flat = triangles.stream().flatMapToInt(Arrays::stream).toArray();
            boolean expected = countedPairedOnce(flat);
            assertEquals(expected, HalfEdges.of(12, flat).pairedOnce(), "round " + round);
            pairedSeen += expected ? 1 : 0;
        }
        assertTrue(pairedSeen > 100 && pairedSeen < 2900, "both answers tried: " + pairedSeen + " paired");
    }

    /** Every half-edge once and its reverse once, by counting them all in a map. */
    private static boolean countedPairedOnce(int[] t) {
        Map<Long, Integer> uses = new HashMap<>();
        for (int f = 0; f < t.length; f += 3) {
            for (int e = 0; e < 3; e++) {
                uses.merge(key(t[f + e], t[f + (e + 1) % 3]), 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, Integer> edge : uses.entrySet()) {
            long reverse = key((int) (edge.getKey() & 0xffffffffL), (int) (edge.getKey() >>> 32));
            if (edge.getValue() != 1 || uses.getOrDefault(reverse, 0) != 1) {
                return false;
            }
        }
        return true;
    }

    private static long key(int a, int b) {
        return (long) a << 32 | b;
    }
}
