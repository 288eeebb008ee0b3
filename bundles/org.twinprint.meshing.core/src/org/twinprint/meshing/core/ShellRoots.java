package org.twinprint.meshing.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.twinprint.core.util.Parallel;

/**
 * Which shell (connected piece of surface) each vertex lies in, named by the shell's lowest
 * vertex: a union–find over the triangles' edges, on all cores. Two roots are joined by pointing
 * the higher at the lower with a compare-and-set, so every shell ends at its lowest vertex
 * whatever order the threads meet the triangles in, and the answer never varies.
 */
final class ShellRoots {

    private static final VarHandle PARENT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int BLOCK = 1 << 15;

    private ShellRoots() {
    }

    /** For each vertex, the lowest vertex of its shell (itself when no triangle uses it). */
    static int[] of(int vertexCount, int[] triangles) {
        int[] parent = new int[vertexCount];
        Parallel.forEachBlock(vertexCount, 1 << 16, (first, last) -> {
            for (int i = first; i < last; i++) {
                parent[i] = i;
            }
        });
        Parallel.forEachBlock(triangles.length / 3, BLOCK, (first, last) -> {
            for (int f = 3 * first, end = 3 * last; f < end; f += 3) {
                union(parent, triangles[f], triangles[f + 1]);
                union(parent, triangles[f + 1], triangles[f + 2]);
            }
        });
        // a parent always has a lower index than its child: one upward pass leaves every vertex
        // pointing at its root
        for (int i = 0; i < vertexCount; i++) {
            parent[i] = parent[parent[i]];
        }
        return parent;
    }

    /**
     * The root above x. Halving the path on the way is safe beside other threads: only roots are
     * ever relinked (by compare-and-set), and whatever a non-root is pointed at is still one of
     * its ancestors.
     */
    private static int find(int[] parent, int x) {
        int p = parent[x];
        while (p != x) {
            int grand = parent[p];
            if (grand != p) {
                parent[x] = grand;
            }
            x = grand;
            p = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        while (true) {
            int ra = find(parent, a), rb = find(parent, b);
            if (ra == rb) {
                return;
            }
            int high = Math.max(ra, rb), low = Math.min(ra, rb);
            if (PARENT.compareAndSet(parent, high, high, low)) {
                return;
            }
            // another thread linked that root meanwhile: look again
        }
    }
}
