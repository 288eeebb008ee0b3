package org.twinprint.meshing.core;

/**
 * Each vertex's outgoing half-edges (a → b in the order the triangle's corners run), in compressed
 * rows. Built in two linear passes (each on two threads), so edge questions (is this edge used
 * twice? does its reverse exist?) cost a scan of a vertex's few edges instead of a sort or a hash
 * map of all edges.
 */
final class HalfEdges {

    final int[] offsets;
    final int[] targets;

    private HalfEdges(int[] offsets, int[] targets) {
        this.offsets = offsets;
        this.targets = targets;
    }

    static HalfEdges of(int vertexCount, int[] triangles) {
        CornerRows rows = CornerRows.count(vertexCount, triangles, 1, null);
        int[] targets = new int[triangles.length];
        rows.fill((from, to, fill) -> {
            for (int t = 3 * from; t < 3 * to; t += 3) {
                for (int e = 0; e < 3; e++) {
                    int a = triangles[t + e];
                    targets[fill[a]++] = triangles[t + (e == 2 ? 0 : e + 1)];
                }
            }
        });
        return new HalfEdges(rows.start, targets);
    }

    /** How many half-edges run from a to b. */
    int count(int a, int b) {
        int n = 0;
        for (int k = offsets[a]; k < offsets[a + 1]; k++) {
            if (targets[k] == b) {
                n++;
            }
        }
        return n;
    }

    /** Is the half-edge at row position k the first a → targets[k] in a's row? */
    boolean firstOfItsKind(int a, int k) {
        for (int i = offsets[a]; i < k; i++) {
            if (targets[i] == targets[k]) {
                return false;
            }
        }
        return true;
    }
}
