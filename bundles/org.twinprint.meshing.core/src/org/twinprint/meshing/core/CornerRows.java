package org.twinprint.meshing.core;

import java.util.stream.IntStream;

import org.twinprint.core.util.Parallel;

/**
 * Per-vertex rows (compressed: row v is {@code start[v] .. start[v + 1]}) filled from the corners of
 * the triangles, by two threads at once: each takes half of the triangles and writes into its own
 * part of every row, the first half's part first, so the rows hold exactly what one pass in
 * triangle order would leave in them.
 */
final class CornerRows {

    /** Vertices per block of the parallel passes over the rows. */
    private static final int BLOCK = 1 << 16;

    /** Writes the entries of triangles [from, to), each at {@code fill[v]++} of its vertex's row. */
    @FunctionalInterface
    interface Writer {
        void write(int from, int to, int[] fill);
    }

    final int[] start;
    private final int middle;
    private final int triangles;
    private final int[] firstHalf;
    /** The second half's counts, no longer needed once the starts are summed: fill's scratch. */
    private final int[] spent;
    private boolean filled;

    private CornerRows(int[] start, int middle, int triangles, int[] firstHalf, int[] spent) {
        this.start = start;
        this.middle = middle;
        this.triangles = triangles;
        this.firstHalf = firstHalf;
        this.spent = spent;
    }

    /**
     * Sizes the rows: {@code perCorner} entries for each corner of each triangle not in {@code skip}
     * (null: none skipped).
     */
    static CornerRows count(int vertexCount, int[] triangles, int perCorner, boolean[] skip) {
        int n = triangles.length / 3, middle = n / 2;
        int[][] counts = new int[2][];
        IntStream.range(0, 2).parallel().forEach(half -> {
            int[] c = new int[vertexCount];
            for (int t = half == 0 ? 0 : middle, end = half == 0 ? middle : n; t < end; t++) {
                if (skip == null || !skip[t]) {
                    c[triangles[3 * t]]++;
                    c[triangles[3 * t + 1]]++;
                    c[triangles[3 * t + 2]]++;
                }
            }
            counts[half] = c;
        });
        int[] firstHalf = counts[0], secondHalf = counts[1];
        // the rows' starts are a running sum: each block of vertices sums its rows, then writes its
        // starts from where the blocks before it end
        int[] blockStart = Parallel.offsets(Parallel.mapBlocks(vertexCount, BLOCK, (from, to) -> {
            int sum = 0;
            for (int v = from; v < to; v++) {
                sum += perCorner * (firstHalf[v] + secondHalf[v]);
            }
            return sum;
        }));
        int[] start = new int[vertexCount + 1];
        Parallel.forEachBlock(vertexCount, BLOCK, (from, to) -> {
            int at = blockStart[from / BLOCK];
            for (int v = from; v < to; v++) {
                start[v] = at;
                at += perCorner * (firstHalf[v] + secondHalf[v]);
                firstHalf[v] *= perCorner; // from here on: the entries the first half writes into row v
            }
        });
        start[vertexCount] = blockStart[blockStart.length - 1];
        return new CornerRows(start, middle, n, firstHalf, secondHalf);
    }

    /** How many entries row v holds. */
    int size(int v) {
        return start[v + 1] - start[v];
    }

    /** Total entries of all rows. */
    int total() {
        return start[start.length - 1];
    }

    /**
     * Runs the writer on both halves at once; the second half's slots begin after the first's. The
     * write positions go into the arrays the counting left behind (no fresh memory to zero), so
     * the rows are filled once.
     */
    void fill(Writer writer) {
        if (filled) {
            throw new IllegalStateException("corner rows are filled once");
        }
        filled = true;
        int vertexCount = start.length - 1;
        IntStream.range(0, 2).parallel().forEach(half -> {
            if (half == 0) {
                System.arraycopy(start, 0, spent, 0, vertexCount);
                writer.write(0, middle, spent);
            } else {
                for (int v = 0; v < vertexCount; v++) {
                    firstHalf[v] += start[v];
                }
                writer.write(middle, triangles, firstHalf);
            }
        });
    }
}
