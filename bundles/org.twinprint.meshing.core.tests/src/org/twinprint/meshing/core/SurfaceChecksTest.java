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
    void theGridSpansItsVerticesAndEachTriangleCoversTheCellsOfItsBox() {
        // 200,001 vertices (several blocks of the parallel bounds), extremes put into different blocks
        int n = 200_001;
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        float[] v = new float[3 * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-40, 60);
        }
        v[3 * 7] = -90.5f;
        v[3 * 70_000 + 1] = 123.25f;
        v[3 * (n - 1) + 2] = -77f;
        v[3 * 140_000] = 88.75f;
        int[] t = new int[3 * (n / 3)];
        for (int i = 0; i < t.length; i++) {
            t[i] = random.nextInt(n);
        }
        TriangleGrid grid = new TriangleGrid(new Mesh("points", v, t), 3);
        for (int a = 0; a < 3; a++) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (int i = a; i < v.length; i += 3) {
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
            assertEquals(lo, grid.min[a], 0.0, "axis " + a);
            assertEquals(hi, grid.max[a], 0.0, "axis " + a);
        }
        assertEquals(-90.5, grid.min[0], 0.0);
        assertEquals(123.25, grid.max[1], 0.0);
        for (int f = 0; f < t.length / 3; f++) {
            for (int a = 0; a < 3; a++) {
                float p = v[3 * t[3 * f] + a], q = v[3 * t[3 * f + 1] + a], r = v[3 * t[3 * f + 2] + a];
                float lo = Math.min(p, Math.min(q, r)), hi = Math.max(p, Math.max(q, r));
                assertEquals(lo, grid.boxes[6 * f + a], 0f);
                assertEquals(hi, grid.boxes[6 * f + 3 + a], 0f);
                assertEquals(grid.cellIndex(lo, a), grid.cellBoxes[6 * f + a], "triangle " + f);
                assertEquals(grid.cellIndex(hi, a), grid.cellBoxes[6 * f + 3 + a], "triangle " + f);
            }
        }
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
