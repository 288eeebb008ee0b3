package org.twinprint.meshing.core;

import java.util.Arrays;

import org.twinprint.core.util.Parallel;

/**
 * Each vertex's triangles, where triangles come and go (the reducer's collapses): {@link #count}
 * of them in {@link #array} from {@link #offset}. They start in rows of one flat array, each as long
 * as the vertex's fan; a vertex that gains triangles (the end of a collapse) moves to an array of
 * its own, twice as long. Free slots for it in the flat array would be fresh memory to zero, most of
 * it never used (with four per vertex the reduction took 5-7 % longer, cold, taking turns). One flat
 * array, not a million small ones: quicker to build and to walk.
 */
final class VertexFans {

    private static final int BLOCK = 1 << 16;

    /** How many triangles each vertex has now. */
    final int[] count;
    private final int[] flat;
    private final int[] start;
    private final int[][] grown;

    /**
     * The fans of the triangles not in {@code skip}, each in triangle order, written into arrays the
     * caller has made with its others on all cores: {@code flat} with room for three entries per
     * triangle, {@code count} and {@code grown} one per vertex.
     */
    VertexFans(int[] tri, boolean[] skip, int[] flat, int[] count, int[][] grown) {
        this.flat = flat;
        this.count = count;
        this.grown = grown;
        CornerRows rows = CornerRows.count(count.length, tri, 1, skip);
        start = rows.start;
        rows.fill((from, to, fill) -> {
            for (int t = from; t < to; t++) {
                if (!skip[t]) {
                    flat[fill[tri[3 * t]]++] = t;
                    flat[fill[tri[3 * t + 1]]++] = t;
                    flat[fill[tri[3 * t + 2]]++] = t;
                }
            }
        });
        Parallel.forEachBlock(count.length, BLOCK, (first, last) -> {
            for (int i = first; i < last; i++) {
                count[i] = rows.size(i);
            }
        });
    }

    /** The array holding v's triangles, from {@link #offset}. */
    int[] array(int v) {
        int[] own = grown[v];
        return own != null ? own : flat;
    }

    int offset(int v) {
        return grown[v] != null ? 0 : start[v];
    }

    /** Takes triangle t out of v's fan; the last one takes its place. */
    void remove(int v, int t) {
        int[] list = array(v), n = count;
        for (int o = offset(v), i = o, end = o + n[v]; i < end; i++) {
            if (list[i] == t) {
                list[i] = list[o + --n[v]];
                return;
            }
        }
    }

    /** Takes the i-th triangle out of v's fan; the last one takes its place. */
    void removeAt(int v, int i) {
        int[] list = array(v);
        int o = offset(v);
        list[o + i] = list[o + --count[v]];
    }

    /** Adds triangle t to v's fan. */
    void add(int v, int t) {
        int n = count[v];
        if (grown[v] == null) {
            if (start[v] + n < start[v + 1]) {
                flat[start[v] + n] = t;
                count[v]++;
                return;
            }
            grown[v] = Arrays.copyOfRange(flat, start[v], start[v] + Math.max(4, 2 * n));
        } else if (n == grown[v].length) {
            grown[v] = Arrays.copyOf(grown[v], 2 * n);
        }
        grown[v][count[v]++] = t;
    }
}
