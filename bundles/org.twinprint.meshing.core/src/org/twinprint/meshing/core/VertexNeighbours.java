package org.twinprint.meshing.core;

import org.twinprint.core.util.Parallel;

/** For each vertex, its neighbours along triangle edges, in compressed rows (offsets + indices). */
final class VertexNeighbours {

    final int[] offsets;
    final int[] neighbours;

    private VertexNeighbours(int[] offsets, int[] neighbours) {
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    static VertexNeighbours of(int vertexCount, int[] triangles) {
        // on a closed, consistently oriented surface (what meshing and reduction hand on) every edge
        // runs once each way: a vertex's outgoing half-edges then reach each neighbour exactly once
        HalfEdges half = HalfEdges.of(vertexCount, triangles);
        if (half.pairedOnce()) {
            return new VertexNeighbours(half.offsets, half.targets);
        }
        // otherwise every triangle edge gives each end the other end; duplicates are removed, keeping
        // the first-seen order
        CornerRows rows = CornerRows.count(vertexCount, triangles, 2, null);
        int[] start = rows.start;
        int[] raw = new int[rows.total()];
        rows.fill((from, to, fill) -> {
            for (int t = 3 * from; t < 3 * to; t += 3) {
                int a = triangles[t], b = triangles[t + 1], c = triangles[t + 2];
                raw[fill[a]++] = b;
                raw[fill[b]++] = a;
                raw[fill[b]++] = c;
                raw[fill[c]++] = b;
                raw[fill[c]++] = a;
                raw[fill[a]++] = c;
            }
        });
        // each vertex's few entries are deduplicated in place (in parallel), then packed
        int[] kept = new int[vertexCount];
        Parallel.forEachBlock(vertexCount, 1 << 16, (first, last) -> {
            for (int v = first; v < last; v++) {
                int from = start[v], n = 0;
                if (start[v + 1] - from > 256) { // a wide fan: a set instead of rescanning
                    java.util.Set<Integer> unique = new java.util.LinkedHashSet<>();
                    for (int k = from; k < start[v + 1]; k++) {
                        unique.add(raw[k]);
                    }
                    for (int w : unique) {
                        raw[from + n++] = w;
                    }
                    kept[v] = n;
                    continue;
                }
                for (int k = from; k < start[v + 1]; k++) {
                    int w = raw[k];
                    boolean known = false;
                    for (int i = from; i < from + n && !known; i++) {
                        known = raw[i] == w;
                    }
                    if (!known) {
                        raw[from + n++] = w;
                    }
                }
                kept[v] = n;
            }
        });
        int[] offsets = new int[vertexCount + 1];
        for (int v = 0; v < vertexCount; v++) {
            offsets[v + 1] = offsets[v] + kept[v];
        }
        int[] neighbours = new int[offsets[vertexCount]];
        Parallel.forEachBlock(vertexCount, 1 << 16, (first, last) -> {
            for (int v = first; v < last; v++) {
                System.arraycopy(raw, start[v], neighbours, offsets[v], kept[v]);
            }
        });
        return new VertexNeighbours(offsets, neighbours);
    }
}
