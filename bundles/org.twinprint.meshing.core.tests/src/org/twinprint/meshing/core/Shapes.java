package org.twinprint.meshing.core;

import java.nio.file.Path;

import org.twinprint.core.model.Mesh;

/** Small meshes with known answers, and the shared femur. */
final class Shapes {

    private Shapes() {
    }

    /** A 10 x 20 x 30 mm box with outward-facing triangles. */
    static Mesh box() {
        float[] v = { 0, 0, 0, 10, 0, 0, 10, 20, 0, 0, 20, 0, 0, 0, 30, 10, 0, 30, 10, 20, 30, 0, 20, 30 };
        int[] t = { 0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0,
                4, 3, 4, 7 };
        return new Mesh("box", v, t);
    }

    /** Every triangle cut into four at its edge midpoints; neighbours share the midpoints. */
    static Mesh subdivided(Mesh m) {
        float[] v = m.vertices();
        int[] t = m.triangles();
        java.util.Map<Long, Integer> midpoints = new java.util.HashMap<>();
        float[] out = java.util.Arrays.copyOf(v, v.length + 3 * 3 * t.length / 2);
        int[] next = { m.vertexCount() };
        int[] tris = new int[4 * t.length];
        for (int f = 0, n = 0; f < t.length; f += 3) {
            int[] mid = new int[3];
            for (int k = 0; k < 3; k++) {
                int a = t[f + k], b = t[f + (k + 1) % 3];
                mid[k] = midpoints.computeIfAbsent((long) Math.min(a, b) << 32 | Math.max(a, b), key -> {
                    int c = next[0]++;
                    for (int x = 0; x < 3; x++) {
                        out[3 * c + x] = (v[3 * a + x] + v[3 * b + x]) / 2;
                    }
                    return c;
                });
            }
            int[][] four = { { t[f], mid[0], mid[2] }, { mid[0], t[f + 1], mid[1] }, { mid[2], mid[1], t[f + 2] },
                    { mid[0], mid[1], mid[2] } };
            for (int[] q : four) {
                tris[n++] = q[0];
                tris[n++] = q[1];
                tris[n++] = q[2];
            }
        }
        return new Mesh(m.name(), m.rgb(), java.util.Arrays.copyOf(out, 3 * next[0]), tris);
    }

    static Path femur() {
        String root = System.getProperty("twinprint.shared", "../shared");
        return Path.of(root, "data", "gfxmorph_bone_stl", "data", "femur.stl");
    }
}
