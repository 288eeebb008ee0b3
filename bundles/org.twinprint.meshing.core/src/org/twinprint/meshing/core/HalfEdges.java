package org.twinprint.meshing.core;

import org.twinprint.core.util.Parallel;

/**
 * Each vertex's outgoing half-edges (a → b in the order the triangle's corners run), in compressed
 * rows. Built in two linear passes (each on two threads), so edge questions (is this edge used
 * twice? does its reverse exist?) cost a scan of a vertex's few edges instead of a sort or a hash
 * map of all edges.
 */
final class HalfEdges {

    final int[] offsets;
    final int[] targets;
    private Boolean paired; // worked out once, on first asking

    private HalfEdges(int[] offsets, int[] targets) {
        this.offsets = offsets;
        this.targets = targets;
    }

    static HalfEdges of(int vertexCount, int[] triangles) {
        CornerRows rows = CornerRows.count(vertexCount, triangles, 1, null);
        int[] targets = new int[triangles.length];
        rows.fill((from, to, fill) -> {
            for (int t = 3 * from; t < 3 * to; t += 3) {
                for (int e = 0; e < 3; e++) {
                    int a = triangles[t + e];
                    targets[fill[a]++] = triangles[t + Corners.next(e)];
                }
            }
        });
        return new HalfEdges(rows.start, targets);
    }

    /** How many half-edges run from a to b. */
    int count(int a, int b) {
        int n = 0;
        for (int k = offsets[a]; k < offsets[a + 1]; k++) {
            if (targets[k] == b) {
                n++;
            }
        }
        return n;
    }

    /**
     * Does every half-edge a → b occur once, with exactly one b → a beside it? That is a closed,
     * manifold, consistently oriented surface. Only the edges running up (a &lt; b) are looked at:
     * each must be the only one of its kind in a's row and find its reverse in b's. Those reverses
     * are as many different edges running down as there are up; with no more down than up, they are
     * all of them, each once.
     */
    boolean pairedOnce() {
        if (paired == null) {
            paired = checkPairedOnce();
        }
        return paired;
    }

    private boolean checkPairedOnce() {
        long failed = Long.MIN_VALUE;
        long balance = 0;
        int[] off = offsets, to = targets; // locals: the quick JIT reloads fields at every use
        for (long block : Parallel.mapBlocks(off.length - 1, 1 << 14, (first, last) -> {
            long upMinusDown = 0;
            for (int a = first; a < last; a++) {
                for (int k = off[a], end = off[a + 1]; k < end; k++) {
                    int b = to[k];
                    if (b < a) {
                        upMinusDown--;
                    } else if (b == a || !firstOfItsKind(off, to, a, k) || !contains(off, to, b, a)) {
                        return failed;
                    } else {
                        upMinusDown++;
                    }
                }
            }
            return upMinusDown;
        })) {
            if (block == failed) {
                return false;
            }
            balance += block;
        }
        return balance == 0;
    }

    /** Is there a half-edge from a to b? */
    boolean contains(int a, int b) {
        return contains(offsets, targets, a, b);
    }

    private static boolean contains(int[] offsets, int[] targets, int a, int b) {
        for (int k = offsets[a], end = offsets[a + 1]; k < end; k++) {
            if (targets[k] == b) {
                return true;
            }
        }
        return false;
    }

    /** Is the half-edge at row position k the first a → targets[k] in a's row? */
    boolean firstOfItsKind(int a, int k) {
        return firstOfItsKind(offsets, targets, a, k);
    }

    private static boolean firstOfItsKind(int[] offsets, int[] targets, int a, int k) {
        int b = targets[k];
        for (int i = offsets[a]; i < k; i++) {
            if (targets[i] == b) {
                return false;
            }
        }
        return true;
    }
}
