package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

/** Self-intersections and wall thickness on meshes whose answer is known by construction. */
class SurfaceChecksTest {

    @Test
    void aTrianglePiercingAnotherIsOneCrossing() {
        assertEquals(1, crossings(twoTriangles(1)));
    }

    @Test
    void trianglesApartOrOnlyTouchingDoNotCross() {
        assertEquals(0, crossings(twoTriangles(5)));
        // the second triangle rests one corner on the first and rises away from it
        Mesh touching = new Mesh("touching", new float[] { 0, 0, 0, 4, 0, 0, 0, 4, 0, 1, 1, 0, 1, 2, 1, 2, 1, 1 },
                new int[] { 0, 1, 2, 3, 4, 5 });
        assertEquals(0, crossings(touching));
    }

    @Test
    void overlappingBoxesCrossAndSeparateBoxesDoNot() {
        assertEquals(0, crossings(Shapes.box()));
        assertEquals(0, crossings(join(Shapes.box(), shifted(Shapes.box(), 50, 0, 0))));
        assertTrue(crossings(join(Shapes.box(), shifted(Shapes.box(), 5, 5, 5))) > 0);
    }

    @Test
    void everyCellSizeFindsTheSameCrossingsInATriangleSoup() {
        // 800 random triangles in a 10 mm cube, corners on a 0.25 mm lattice so that many boxes end
        // exactly on cell borders: the grid, its cell-local packed boxes and the one-cell-per-pair rule
        // must not change the count, from cells smaller than a triangle to one cell for everything
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        float[] v = new float[800 * 9];
        for (int f = 0; f < 800; f++) {
            float x = random.nextInt(40) / 4f, y = random.nextInt(40) / 4f, z = random.nextInt(40) / 4f;
            for (int corner = 0; corner < 3; corner++) {
                v[9 * f + 3 * corner] = x + random.nextInt(-8, 9) / 4f;
                v[9 * f + 3 * corner + 1] = y + random.nextInt(-8, 9) / 4f;
                v[9 * f + 3 * corner + 2] = z + random.nextInt(-8, 9) / 4f;
            }
        }
        Mesh soup = new Mesh("soup", v, java.util.stream.IntStream.range(0, 2400).toArray());
        long oneCell = SurfaceChecks.selfIntersections(new TriangleGrid(soup, 100));
        assertTrue(oneCell > 1000, oneCell + " crossings");
        for (double cell : new double[] { 0.25, 0.5, 1, 1.3, 4 }) {
            assertEquals(oneCell, SurfaceChecks.selfIntersections(new TriangleGrid(soup, cell)), "cell " + cell);
        }
    }

    @Test
    void theThinnestWallOfABoxIsItsShortestSide() {
        // after two subdivisions most vertices lie inside a face: their rays cross the 10 x 20 x 30 mm
        // box straight to the opposite face (30 mm is beyond the search); rays from edges go slanting
        Mesh box = Shapes.subdivided(Shapes.subdivided(Shapes.box()));
        double[] walls = SurfaceChecks.walls(new TriangleGrid(box, 3), 40, 25);
        assertTrue(walls.length > 10, walls.length + " walls");
        assertEquals(10, walls[0], 1e-4);
        assertTrue(java.util.Arrays.stream(walls).anyMatch(w -> Math.abs(w - 20) < 1e-4),
                java.util.Arrays.toString(walls));
    }

    @Test
    void normalsOfPickedVerticesAreTheirNormalsInTheWholeMesh() throws java.io.IOException {
        Mesh femur = StlFormat.read(Shapes.femur());
        float[] all = SurfaceChecks.vertexNormals(femur);
        // random picks, some twice, and both ends of the vertex range
        int[] picks = new java.util.SplittableRandom(3).ints(2000, 0, femur.vertexCount()).toArray();
        picks[0] = 0;
        picks[1] = femur.vertexCount() - 1;
        picks[2] = picks[3];
        float[] picked = SurfaceChecks.vertexNormals(femur, picks);
        for (int i = 0; i < picks.length; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(all[3 * picks[i] + k], picked[3 * i + k], "vertex " + picks[i]);
            }
        }
        assertEquals(1, Math.hypot(Math.hypot(picked[0], picked[1]), picked[2]), 1e-6);
    }

    /** Triangle z = 0 and a vertical triangle in the plane x = xPlane reaching through z = 0. */
    private static Mesh twoTriangles(float xPlane) {
        return new Mesh("pair", new float[] { 0, 0, 0, 4, 0, 0, 0, 4, 0, xPlane, 1, -1, xPlane, 1, 1, xPlane, -2, 0 },
                new int[] { 0, 1, 2, 3, 4, 5 });
    }

    private static long crossings(Mesh m) {
        return SurfaceChecks.selfIntersections(new TriangleGrid(m, 1));
    }

    private static Mesh shifted(Mesh m, float dx, float dy, float dz) {
        float[] v = m.vertices().clone();
        for (int i = 0; i < v.length; i += 3) {
            v[i] += dx;
            v[i + 1] += dy;
            v[i + 2] += dz;
        }
        return new Mesh(m.name(), v, m.triangles());
    }

    private static Mesh join(Mesh a, Mesh b) {
        float[] v = java.util.Arrays.copyOf(a.vertices(), a.vertices().length + b.vertices().length);
        System.arraycopy(b.vertices(), 0, v, a.vertices().length, b.vertices().length);
        int[] t = java.util.Arrays.copyOf(a.triangles(), a.triangles().length + b.triangles().length);
        for (int i = 0; i < b.triangles().length; i++) {
            t[a.triangles().length + i] = b.triangles()[i] + a.vertexCount();
        }
        return new Mesh("joined", v, t);
    }
}
