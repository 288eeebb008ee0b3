package org.twinprint.meshing.core;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Flips the long edge of flat triangles in a planar triangulation: a triangle whose corners lie
 * nearly on one line is too flat for float coordinates (its normal, worked out from them, points
 * anywhere), and sharing its long edge with a neighbour, the two can be split the other way.
 */
final class CapFlips {

    /** Flatter than this (mm from the long side) is worth a flip. */
    static final double FLAT_MM = 1e-3;

    private CapFlips() {
    }

    /** Improves {@code triangles} (counter-clockwise, 3 ids each) in place. */
    static void unflatten(int[] triangles, IntToDoubleFunction x, IntToDoubleFunction y) {
        for (int round = 0; round < 20; round++) {
            Map<Long, Integer> byEdge = new HashMap<>();
            for (int t = 0; t < triangles.length; t += 3) {
                for (int k = 0; k < 3; k++) {
                    byEdge.put(key(triangles[t + k], triangles[t + (k + 1) % 3]), t);
                }
            }
            boolean flipped = false;
            boolean[] touched = new boolean[triangles.length / 3];
            for (int t = 0; t < triangles.length; t += 3) {
                if (touched[t / 3] || height(triangles, t, x, y) >= FLAT_MM) {
                    continue;
                }
                int k = longestEdge(triangles, t, x, y);
                int u = triangles[t + k], v = triangles[t + (k + 1) % 3], w = triangles[t + (k + 2) % 3];
                Integer s = byEdge.get(key(v, u)); // the neighbour across u-v runs it the other way
                if (s == null || touched[s / 3]) {
                    continue;
                }
                int z = third(triangles, s, u, v);
                // u -> z -> v -> w is the quad around both: split it along w-z instead
                int[] a = { u, z, w }, b = { z, v, w };
                double before = Math.min(height(triangles, t, x, y), height(triangles, s, x, y));
                if (cross(a, x, y) > 0 && cross(b, x, y) > 0
                        && Math.min(height(a, x, y), height(b, x, y)) > before) {
                    System.arraycopy(a, 0, triangles, t, 3);
                    System.arraycopy(b, 0, triangles, s, 3);
                    touched[t / 3] = touched[s / 3] = true;
                    flipped = true;
                }
            }
            if (!flipped) {
                return;
            }
        }
    }

    private static long key(int from, int to) {
        return (long) from << 32 | (to & 0xffffffffL);
    }

    private static int third(int[] tri, int t, int u, int v) {
        for (int k = 0; k < 3; k++) {
            int id = tri[t + k];
            if (id != u && id != v) {
                return id;
            }
        }
        throw new IllegalStateException("a triangle with a repeated corner");
    }

    private static int longestEdge(int[] tri, int t, IntToDoubleFunction x, IntToDoubleFunction y) {
        int best = 0;
        double longest = -1;
        for (int k = 0; k < 3; k++) {
            double d = dist2(tri[t + k], tri[t + (k + 1) % 3], x, y);
            if (d > longest) {
                longest = d;
                best = k;
            }
        }
        return best;
    }

    private static double height(int[] tri, int t, IntToDoubleFunction x, IntToDoubleFunction y) {
        return height(new int[] { tri[t], tri[t + 1], tri[t + 2] }, x, y);
    }

    /** Twice the area over the longest side. */
    private static double height(int[] c, IntToDoubleFunction x, IntToDoubleFunction y) {
        double longest = Math.max(dist2(c[0], c[1], x, y), Math.max(dist2(c[1], c[2], x, y), dist2(c[2], c[0], x, y)));
        return Math.abs(cross(c, x, y)) / Math.sqrt(Math.max(longest, 1e-300));
    }

    private static double cross(int[] c, IntToDoubleFunction x, IntToDoubleFunction y) {
        double ax = x.applyAsDouble(c[0]), ay = y.applyAsDouble(c[0]);
        return (x.applyAsDouble(c[1]) - ax) * (y.applyAsDouble(c[2]) - ay)
                - (x.applyAsDouble(c[2]) - ax) * (y.applyAsDouble(c[1]) - ay);
    }

    private static double dist2(int a, int b, IntToDoubleFunction x, IntToDoubleFunction y) {
        double dx = x.applyAsDouble(a) - x.applyAsDouble(b), dy = y.applyAsDouble(a) - y.applyAsDouble(b);
        return dx * dx + dy * dy;
    }
}
