package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

/** The zero surface of sampled fields: a ball's volume, and a slab's faces exactly where the field says. */
class IsoSurfaceTest {

    @Test
    void aBallIsOneClosedOutwardShellOfItsVolume() {
        Geometry g = Geometry.axisAligned(41, 41, 41, new Vec3(0.5, 0.5, 0.5), new Vec3(-10, -10, -10));
        float[] f = new float[(int) g.voxelCount()];
        for (int k = 0, n = 0; k < 41; k++) {
            for (int j = 0; j < 41; j++) {
                for (int i = 0; i < 41; i++, n++) {
                    f[n] = (float) (g.toLps(i, j, k).length() - 7.3);
                }
            }
        }
        Mesh ball = IsoSurface.of("ball", f, g);
        MeshTopology t = MeshTopology.of(ball);
        double exact = 4.0 / 3 * Math.PI * Math.pow(7.3, 3);
        System.out.printf("ball of 7.3 mm sampled at 0.5 mm: %.1f mm3 (exact %.1f), %d triangles%n", ball.volumeMm3(),
                exact, ball.triangleCount());
        assertTrue(t.watertight(), t.toString());
        assertEquals(1, t.shells());
        assertEquals(exact, ball.volumeMm3(), exact * 0.01, "positive: the normals point out");
    }

    @Test
    void aSlabsFacesLieExactlyOnItsPlanesWhateverTheGrid() {
        Geometry g = Geometry.axisAligned(30, 30, 30, new Vec3(0.3, 0.3, 0.3), new Vec3(-4.5, -4.5, -4.5));
        Vec3 n = new Vec3(0.3, -0.5, 0.81).normalized();
        float[] f = new float[(int) g.voxelCount()];
        for (int k = 0, m = 0; k < 30; k++) {
            for (int j = 0; j < 30; j++) {
                for (int i = 0; i < 30; i++, m++) {
                    Vec3 p = g.toLps(i, j, k);
                    // a slab 1.07 mm thick, cut to a ball so it is closed inside the grid
                    f[m] = (float) Math.max(Math.abs(n.dot(p) - 0.2) - 0.535, p.length() - 4);
                }
            }
        }
        Mesh slab = IsoSurface.of("slab", f, g);
        float[] v = slab.vertices();
        int onFaces = 0;
        for (int i = 0; i < v.length; i += 3) {
            Vec3 p = new Vec3(v[i], v[i + 1], v[i + 2]);
            double off = Math.abs(Math.abs(n.dot(p) - 0.2) - 0.535);
            if (p.length() < 3.5) {
                assertEquals(0, off, 0.006, "a vertex of a flat face lies on its plane (within two hundredths of a voxel"
                        + " that keeps vertices off grid points)");
                onFaces++;
            }
        }
        assertTrue(onFaces > 100);
        assertTrue(MeshTopology.of(slab).watertight());
    }
}
