package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

class MeshDistanceTest {

    /** The box subdivided three times, its vertices pushed onto a sphere of radius r around (5, 10, 15). */
    private static Mesh sphere(double r) {
        Mesh m = Shapes.subdivided(Shapes.subdivided(Shapes.subdivided(Shapes.box())));
        float[] v = m.vertices().clone();
        for (int i = 0; i < v.length; i += 3) {
            double x = v[i] - 5, y = v[i + 1] - 10, z = v[i + 2] - 15, len = Math.sqrt(x * x + y * y + z * z);
            v[i] = (float) (5 + x * r / len);
            v[i + 1] = (float) (10 + y * r / len);
            v[i + 2] = (float) (15 + z * r / len);
        }
        return new Mesh("sphere " + r, v, m.triangles());
    }

    @Test
    void aSurfaceMovedOneMillimetreAlongItsNormalsIsOneMillimetreAway() {
        Mesh inner = sphere(20), outer = sphere(21);
        MeshDistance.Result out = MeshDistance.between(outer, inner);
        assertEquals(1.00, out.meanMm(), 0.01, "mean deviation");
        assertEquals(1.00, out.meanSignedMm(), 0.01, "outside: positive");
        assertEquals(1.00, out.maxMm(), 0.01);
        MeshDistance.Result in = MeshDistance.between(sphere(19), inner);
        // inside, the nearest points lie on the flat faces, which cut a little into the sphere: under 1 mm
        assertTrue(in.meanSignedMm() < -0.95 && in.meanSignedMm() > -1, "inside: negative " + in.meanSignedMm());
        for (float d : in.signedPerVertexMm()) {
            assertTrue(d < 0, "every vertex inside");
        }
        assertEquals(0, MeshDistance.between(inner, inner).maxMm(), 1e-6, "a mesh lies on itself");
    }

    @Test
    void theGridFindsWhatTestingEveryTriangleFinds() {
        Mesh target = sphere(20);
        SplittableRandom random = new SplittableRandom(7);
        float[] points = new float[3 * 2000];
        for (int i = 0; i < points.length; i++) {
            points[i] = (float) random.nextDouble(-40, 60); // inside, outside and far beyond the sphere
        }
        Mesh cloud = new Mesh("points", points, new int[0]);
        MeshDistance.Result fast = MeshDistance.between(cloud, target);
        MeshDistance.Result all = MeshDistance.between(cloud, target, 1000);
        assertArrayEquals(all.signedPerVertexMm(), fast.signedPerVertexMm());
        assertTrue(fast.p95Mm() <= fast.maxMm() && fast.meanMm() <= fast.rmsMm());
    }
}
