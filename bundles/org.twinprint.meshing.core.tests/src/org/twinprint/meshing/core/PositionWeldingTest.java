package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

class PositionWeldingTest {

    @Test
    void eachVertexPointsToTheFirstVertexAtItsPosition() {
        // 300,000 vertices drawn from 40,000 positions (with -0 and 0 as different bits, as a file has
        // them): the two-table search must give what one walk through a map gives
        SplittableRandom random = new SplittableRandom(3);
        float[][] positions = new float[40_000][];
        for (int p = 0; p < positions.length; p++) {
            positions[p] = new float[] { random.nextInt(200) * 0.5f - 50, random.nextInt(200) * 0.5f,
                    p % 1000 == 0 ? -0f : random.nextInt(50) * 0.25f };
        }
        int n = 300_000;
        float[] v = new float[3 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(positions[random.nextInt(positions.length)], 0, v, 3 * i, 3);
        }
        int[] expected = new int[n];
        Map<List<Integer>, Integer> first = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<Integer> bits = List.of(Float.floatToIntBits(v[3 * i]), Float.floatToIntBits(v[3 * i + 1]),
                    Float.floatToIntBits(v[3 * i + 2]));
            Integer known = first.putIfAbsent(bits, i);
            expected[i] = known == null ? i : known;
        }
        assertArrayEquals(expected, PositionWelding.representatives(new Mesh("points", v, new int[0])));
    }

    @Test
    void trianglesAreRewrittenOnlyWhereVerticesShareAPosition() throws java.io.IOException {
        Mesh femur = StlFormat.read(Shapes.femur()); // welded on reading: every position once
        assertSame(femur.triangles(), PositionWelding.weldedTriangles(femur), "nothing to weld, nothing copied");

        float[] v = java.util.Arrays.copyOf(femur.vertices(), femur.vertices().length + 3);
        int last = femur.vertexCount();
        System.arraycopy(v, 3 * 7, v, 3 * last, 3); // a second vertex where vertex 7 is
        int[] t = femur.triangles().clone();
        int corner = java.util.stream.IntStream.range(0, t.length).filter(i -> t[i] == 7).findFirst().orElseThrow();
        t[corner] = last;
        Mesh split = new Mesh("split", v, t);
        int[] welded = PositionWelding.weldedTriangles(split);
        assertNotSame(t, welded);
        assertArrayEquals(femur.triangles(), welded, "the copy points back at vertex 7");
        assertEquals(last, t[corner], "the mesh's own triangles are left as they were");
    }
}
