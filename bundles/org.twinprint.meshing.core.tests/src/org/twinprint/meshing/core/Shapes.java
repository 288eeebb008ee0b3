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

    static Path femur() {
        String root = System.getProperty("twinprint.shared", "../shared");
        return Path.of(root, "data", "gfxmorph_bone_stl", "data", "femur.stl");
    }
}
