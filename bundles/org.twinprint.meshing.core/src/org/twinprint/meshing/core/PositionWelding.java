package org.twinprint.meshing.core;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.util.Parallel;

/**
 * Which vertices share a position exactly. STL and most slicers know no vertex indices: they join
 * corners by position, so a mesh is checked as its file will be read, with such vertices as one.
 */
final class PositionWelding {

    private PositionWelding() {
    }

    /**
     * For each vertex, the first vertex at the same position (itself if none came before). Two
     * threads share the work by the lowest bit of the position's hash: each walks all vertices in
     * order but files only its own half in its own table, and equal positions hash alike.
     */
    static int[] representatives(Mesh mesh) {
        float[] v = mesh.vertices();
        int n = mesh.vertexCount();
        int[] rep = new int[n];
        int[] hashes = new int[n];
        Parallel.forEachBlock(n, 1 << 16, (first, last) -> {
            for (int i = first; i < last; i++) {
                hashes[i] = hash(Float.floatToIntBits(v[3 * i]), Float.floatToIntBits(v[3 * i + 1]),
                        Float.floatToIntBits(v[3 * i + 2]));
            }
        });
        // more than n slots: each table, with about n / 2 entries, stays about half empty
        int size = Integer.highestOneBit(Math.max(2, n)) << 1;
        Parallel.forEach(0, 2, part -> {
            int[] table = new int[size];
            java.util.Arrays.fill(table, -1);
            for (int i = 0; i < n; i++) {
                int h = hashes[i];
                if ((h & 1) != part) {
                    continue;
                }
                int x = Float.floatToIntBits(v[3 * i]), y = Float.floatToIntBits(v[3 * i + 1]),
                        z = Float.floatToIntBits(v[3 * i + 2]);
                int slot = (h >>> 1) & (size - 1);
                while (true) {
                    int j = table[slot];
                    if (j < 0) {
                        table[slot] = i;
                        rep[i] = i;
                        break;
                    }
                    if (Float.floatToIntBits(v[3 * j]) == x && Float.floatToIntBits(v[3 * j + 1]) == y
                            && Float.floatToIntBits(v[3 * j + 2]) == z) {
                        rep[i] = j;
                        break;
                    }
                    slot = (slot + 1) & (size - 1);
                }
            }
        });
        return rep;
    }

    /** A well-mixed hash of a position given as the bits of its three floats, for open-addressing tables. */
    static int hash(int xBits, int yBits, int zBits) {
        int h = (xBits * 0x9E3779B1) ^ (yBits * 0x85EBCA77) ^ (zBits * 0xC2B2AE3D);
        return h ^ (h >>> 15);
    }

    /**
     * The triangles with every vertex replaced by its representative: the mesh's own array (not to
     * be changed) when no two vertices share a position, as in a surface made from voxels.
     */
    static int[] weldedTriangles(Mesh mesh) {
        int[] rep = representatives(mesh);
        boolean welds = Parallel.mapBlocks(rep.length, 1 << 16, (first, last) -> {
            for (int i = first; i < last; i++) {
                if (rep[i] != i) {
                    return true;
                }
            }
            return false;
        }).contains(true);
        if (!welds) {
            return mesh.triangles();
        }
        int[] t = mesh.triangles().clone();
        Parallel.forEachBlock(t.length, 1 << 16, (first, last) -> {
            for (int i = first; i < last; i++) {
                t[i] = rep[t[i]];
            }
        });
        return t;
    }
}
