package org.twinprint.meshing.core;

import org.twinprint.core.model.Mesh;

/**
 * Which vertices share a position exactly. STL and most slicers know no vertex indices: they join
 * corners by position, so a mesh is checked as its file will be read, with such vertices as one.
 */
final class PositionWelding {

    private PositionWelding() {
    }

    /** For each vertex, the first vertex at the same position (itself if none came before). */
    static int[] representatives(Mesh mesh) {
        float[] v = mesh.vertices();
        int n = mesh.vertexCount();
        int size = Integer.highestOneBit(Math.max(2, n * 2 - 1)) << 1;
        int[] table = new int[size];
        java.util.Arrays.fill(table, -1);
        int[] rep = new int[n];
        for (int i = 0; i < n; i++) {
            int x = Float.floatToIntBits(v[3 * i]), y = Float.floatToIntBits(v[3 * i + 1]),
                    z = Float.floatToIntBits(v[3 * i + 2]);
            int slot = hash(x, y, z) & (size - 1);
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
        return rep;
    }

    /** A well-mixed hash of a position given as the bits of its three floats, for open-addressing tables. */
    static int hash(int xBits, int yBits, int zBits) {
        int h = (xBits * 0x9E3779B1) ^ (yBits * 0x85EBCA77) ^ (zBits * 0xC2B2AE3D);
        return h ^ (h >>> 15);
    }

    /** The triangles with every vertex replaced by its representative. */
    static int[] weldedTriangles(Mesh mesh) {
        int[] rep = representatives(mesh);
        int[] t = mesh.triangles().clone();
        for (int i = 0; i < t.length; i++) {
            t[i] = rep[t[i]];
        }
        return t;
    }
}
