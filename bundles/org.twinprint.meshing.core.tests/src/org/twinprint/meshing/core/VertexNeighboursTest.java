package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class VertexNeighboursTest {

    @Test
    void aClosedSurfaceGivesEachNeighbourOnce() {
        // a tetrahedron, outward: every vertex sees the other three
        int[] tetrahedron = { 0, 2, 1, 0, 1, 3, 1, 2, 3, 0, 3, 2 };
        VertexNeighbours nb = VertexNeighbours.of(4, tetrahedron);
        for (int v = 0; v < 4; v++) {
            Set<Integer> others = new TreeSet<>(Set.of(0, 1, 2, 3));
            others.remove(v);
            assertEquals(others, neighbours(nb, v), "vertex " + v);
        }
    }

    @Test
    void anOpenOrInconsistentSurfaceStillGivesEveryNeighbourOnce() {
        // a square of two triangles: the corners on the diagonal see three, the others two
        int[] square = { 0, 1, 2, 0, 2, 3 };
        VertexNeighbours open = VertexNeighbours.of(4, square);
        assertEquals(Set.of(1, 2, 3), neighbours(open, 0));
        assertEquals(Set.of(0, 2), neighbours(open, 1));
        assertEquals(Set.of(0, 1, 3), neighbours(open, 2));
        assertEquals(Set.of(0, 2), neighbours(open, 3));
        // the same square with its second triangle turned over: the diagonal runs the same way twice
        VertexNeighbours flipped = VertexNeighbours.of(4, new int[] { 0, 1, 2, 0, 3, 2 });
        assertEquals(Set.of(1, 2, 3), neighbours(flipped, 0));
        assertEquals(Set.of(0, 1, 3), neighbours(flipped, 2));
    }

    /** Row v as a set, failing if it holds a neighbour twice. */
    private static Set<Integer> neighbours(VertexNeighbours nb, int v) {
        Set<Integer> set = new TreeSet<>();
        for (int k = nb.offsets[v]; k < nb.offsets[v + 1]; k++) {
            assertEquals(true, set.add(nb.neighbours[k]), "vertex " + v + " lists " + nb.neighbours[k] + " twice");
        }
        return set;
    }
}
