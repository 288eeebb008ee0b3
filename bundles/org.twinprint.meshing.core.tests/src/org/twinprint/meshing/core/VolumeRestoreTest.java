package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

class VolumeRestoreTest {

    /** The femur subdivided twice (324,928 triangles: five blocks of the sums, the middle inside the third), shrunk by 1 %. */
    private static Mesh shrunkFemur() throws IOException {
        Mesh fine = Shapes.subdivided(Shapes.subdivided(StlFormat.read(Shapes.femur())));
        float[] v = fine.vertices().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= 0.99f;
        }
        return new Mesh(fine.name(), fine.rgb(), v, fine.triangles());
    }

    /** The restore as separate passes: the mesh's measures, then its vertex normals, then the move. */
    private static float[] restoredStepByStep(double before, Mesh m) {
        Mesh.Measures measures = m.measures();
        double shift = (before - measures.volumeMm3()) / measures.areaMm2();
        float[] n = SurfaceChecks.vertexNormals(m);
        float[] v = m.vertices().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (shift * n[i]);
        }
        return v;
    }

    @Test
    void givesTheVolumeBackAndMovesEveryVertexAsSeparatePassesWould() throws IOException {
        Mesh shrunk = shrunkFemur();
        double before = shrunk.volumeMm3() / (0.99 * 0.99 * 0.99);
        float[] expected = restoredStepByStep(before, shrunk);

        float[] scratch = new float[shrunk.vertices().length];
        java.util.Arrays.fill(scratch, 7f); // left-overs that must not reach the normals
        for (float[] spare : new float[][] { null, scratch }) {
            Mesh m = new Mesh(shrunk.name(), shrunk.rgb(), shrunk.vertices().clone(), shrunk.triangles());
            VolumeRestore.restore(before, m, spare);
            assertArrayEquals(expected, m.vertices(), spare == null ? "own arrays" : "scratch array");
            // 3 % were lost; one step along the normals gives it back to within its second-order term
            assertEquals(before, m.volumeMm3(), before * 1e-3);
        }
    }

    @Test
    void leavesAMeshWithoutVolumeAlone() throws IOException {
        Mesh shrunk = shrunkFemur();
        float[] v = shrunk.vertices().clone();
        VolumeRestore.restore(0, shrunk, null);
        assertArrayEquals(v, shrunk.vertices());
        int[] t = shrunk.triangles().clone();
        for (int f = 0; f < t.length; f += 3) { // every triangle turned: the normals point in
            int a = t[f + 1];
            t[f + 1] = t[f + 2];
            t[f + 2] = a;
        }
        Mesh inverted = new Mesh(shrunk.name(), shrunk.rgb(), shrunk.vertices().clone(), t);
        float[] w = inverted.vertices().clone();
        VolumeRestore.restore(1000, inverted, null);
        assertArrayEquals(w, inverted.vertices(), "inside-out: negative volume after");
    }
}
