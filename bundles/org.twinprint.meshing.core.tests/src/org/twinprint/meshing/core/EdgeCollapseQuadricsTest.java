package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

class EdgeCollapseQuadricsTest {

    /**
     * Each vertex's quadric, summed over its triangles in triangle order, one triangle at a time
     * on one thread: what the reducer's split over the cores and the seam walk must add up to.
     */
    private static double[] summedTriangleByTriangle(Mesh m) {
        float[] p = m.vertices();
        int[] t = m.triangles();
        double[] q = new double[10 * m.vertexCount()];
        for (int f = 0; f < t.length; f += 3) {
            int a = 3 * t[f], b = 3 * t[f + 1], c = 3 * t[f + 2];
            double ux = (double) p[b] - p[a], uy = (double) p[b + 1] - p[a + 1], uz = (double) p[b + 2] - p[a + 2];
            double wx = (double) p[c] - p[a], wy = (double) p[c + 1] - p[a + 1], wz = (double) p[c + 2] - p[a + 2];
            double cx = uy * wz - uz * wy, cy = uz * wx - ux * wz, cz = ux * wy - uy * wx;
            double length2 = cx * cx + cy * cy + cz * cz;
            if (length2 == 0) {
                continue;
            }
            double half = 0.5 / Math.sqrt(length2);
            double e = -(cx * p[a] + cy * p[a + 1] + cz * p[a + 2]);
            double[] terms = { half * cx * cx, half * cx * cy, half * cx * cz, half * cx * e, half * cy * cy,
                    half * cy * cz, half * cy * e, half * cz * cz, half * cz * e, half * e * e };
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 10; j++) {
                    q[10 * t[f + k] + j] += terms[j];
                }
            }
        }
        return q;
    }

    @Test
    void everyVertexGetsItsTrianglesPlanesOnceInTriangleOrder() throws IOException {
        // 324,928 triangles: enough for the stretches of the cores and the seams between them
        Mesh fine = Shapes.subdivided(Shapes.subdivided(StlFormat.read(Shapes.femur())));
        double[] expected = summedTriangleByTriangle(fine);
        assertArrayEquals(expected, EdgeCollapse.quadrics(fine), "bit for bit");
        double diagonalSum = 0;
        for (int v = 0; v < fine.vertexCount(); v++) {
            diagonalSum += expected[10 * v] + expected[10 * v + 4] + expected[10 * v + 7];
        }
        // the three diagonal terms of one triangle add up to its area: each counts at three corners
        assertTrue(Math.abs(diagonalSum - 3 * fine.areaMm2()) < 1e-6 * diagonalSum, diagonalSum + " vs " + fine.areaMm2());
    }
}
