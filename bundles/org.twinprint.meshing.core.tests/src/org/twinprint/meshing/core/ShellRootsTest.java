package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

class ShellRootsTest {

    private static final int COPIES = 8;

    /**
     * Eight femurs in one mesh, their vertices numbered in a shuffled order and their triangles
     * shuffled together, so that every block of the parallel union–find holds pieces of every shell.
     */
    @Test
    void everyVertexOfEachShuffledFemurPointsAtItsLowestVertex() throws IOException {
        Mesh femur = StlFormat.read(Shapes.femur());
        int nv = femur.vertexCount(), nt = femur.triangleCount();
        SplittableRandom random = new SplittableRandom(11);
        int[] number = shuffled(COPIES * nv + 1, random); // one vertex more, used by no triangle
        int[] tri = new int[3 * COPIES * nt];
        int[] order = shuffled(COPIES * nt, random);
        for (int copy = 0; copy < COPIES; copy++) {
            for (int t = 0; t < nt; t++) {
                int at = 3 * order[copy * nt + t];
                for (int k = 0; k < 3; k++) {
                    tri[at + k] = number[copy * nv + femur.triangles()[3 * t + k]];
                }
            }
        }
        int[] roots = ShellRoots.of(number.length, tri);

        for (int copy = 0; copy < COPIES; copy++) {
            int lowest = Integer.MAX_VALUE;
            for (int i = 0; i < nv; i++) {
                lowest = Math.min(lowest, number[copy * nv + i]);
            }
            for (int i = 0; i < nv; i++) {
                assertEquals(lowest, roots[number[copy * nv + i]], "femur " + copy + ", vertex " + i);
            }
        }
        int unused = number[COPIES * nv];
        assertEquals(unused, roots[unused], "a vertex no triangle uses is a shell of its own");
        assertArrayEquals(roots, ShellRoots.of(number.length, tri), "the same answer on every run");
        float[] v = new float[3 * number.length];
        assertEquals(COPIES, MeshTopology.shells(new Mesh("femurs", v, tri)), "the unused vertex is no shell");
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1), swap = a[i];
            a[i] = a[j];
            a[j] = swap;
        }
        return a;
    }
}
