package org.twinprint.meshing.core;

import java.util.Arrays;

/** For each vertex, its neighbours along triangle edges, in compressed rows (offsets + indices). */
final class VertexNeighbours {

    final int[] offsets;
    final int[] neighbours;

    private VertexNeighbours(int[] offsets, int[] neighbours) {
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    static VertexNeighbours of(int vertexCount, int[] triangles) {
        // every triangle edge gives each end the other end; duplicates (two triangles per edge) are removed,
        // keeping the first-seen order
        int[] degree = new int[vertexCount + 1];
        for (int v : triangles) {
            degree[v] += 2;
        }
        int[] start = new int[vertexCount + 1];
        for (int i = 0; i < vertexCount; i++) {
            start[i + 1] = start[i] + degree[i];
        }
        int[] fill = Arrays.copyOf(start, vertexCount);
        int[] raw = new int[start[vertexCount]];
        for (int t = 0; t < triangles.length; t += 3) {
            for (int e = 0; e < 3; e++) {
                int a = triangles[t + e];
                int b = triangles[t + (e + 1) % 3];
                raw[fill[a]++] = b;
                raw[fill[b]++] = a;
            }
        }
        int[] offsets = new int[vertexCount + 1];
        int[] seen = new int[vertexCount]; // v + 1 where w was last kept as a neighbour of v
        int out = 0;
        for (int v = 0; v < vertexCount; v++) {
            offsets[v] = out;
            for (int k = start[v]; k < start[v + 1]; k++) {
                int w = raw[k];
                if (seen[w] != v + 1) {
                    seen[w] = v + 1;
                    raw[out++] = w;
                }
            }
        }
        offsets[vertexCount] = out;
        return new VertexNeighbours(offsets, Arrays.copyOf(raw, out));
    }
}
