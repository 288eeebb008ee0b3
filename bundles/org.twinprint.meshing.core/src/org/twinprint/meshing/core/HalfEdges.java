package org.twinprint.meshing.core;

/**
 * Each vertex's outgoing half-edges (a → b in the order the triangle's corners run), in compressed
 * rows. Built in two linear passes, so edge questions (is this edge used twice? does its reverse
 * exist?) cost a scan of a vertex's few edges instead of a sort or a hash map of all edges.
 */
final class HalfEdges {

    final int[] offsets;
    final int[] targets;

    private HalfEdges(int[] offsets, int[] targets) {
        this.offsets = offsets;
        this.targets = targets;
    }

    static HalfEdges of(int vertexCount, int[] triangles) {
        int[] offsets = new int[vertexCount + 1];
        for (int v : triangles) {
            offsets[v + 1]++;
        }
        for (int i = 0; i < vertexCount; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = java.util.Arrays.copyOf(offsets, vertexCount);
        int[] targets = new int[triangles.length];
        for (int t = 0; t < triangles.length; t += 3) {
            for (int e = 0; e < 3; e++) {
                int a = triangles[t + e];
                targets[fill[a]++] = triangles[t + (e == 2 ? 0 : e + 1)];
            }
        }
        return new HalfEdges(offsets, targets);
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
