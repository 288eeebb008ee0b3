package org.twinprint.core.model;

import java.util.List;

import org.twinprint.core.util.Parallel;

/**
 * One undoable change of a label map: the voxels it changed with their labels before and after,
 * and the segment list before and after. Only changed voxels are kept, so edits cost little.
 */
public record LabelEdit(String description, int[] indices, byte[] before, byte[] after, List<Segment> segmentsBefore,
        List<Segment> segmentsAfter) {

    public LabelEdit {
        segmentsBefore = List.copyOf(segmentsBefore);
        segmentsAfter = List.copyOf(segmentsAfter);
    }

    /** Compared with, a block at a time, where the labels before were all 0. */
    private static final byte[] ZEROS = new byte[1 << 16];

    /** Voxels per block of the comparison, which runs on all cores. */
    private static final int BLOCK = 1 << 20;

    /**
     * Compares the labels before an edit with the map after it; {@code oldLabels} null means all
     * were 0 (a new map), which spares a zeroed copy as large as the map. The blocks of the map are
     * compared in parallel twice: first counted, so that each knows where its changes go.
     */
    public static LabelEdit between(String description, byte[] oldLabels, List<Segment> oldSegments, LabelMap now) {
        byte[] current = now.labels();
        int[] start = Parallel.offsets(Parallel.mapBlocks(current.length, BLOCK,
                (from, to) -> differences(current, oldLabels, from, to, null, null, null, 0)));
        int count = start[start.length - 1];
        int[] indices = new int[count];
        byte[] before = new byte[count];
        byte[] after = new byte[count];
        Parallel.forEachBlock(current.length, BLOCK, (from, to) -> differences(current, oldLabels, from, to, indices,
                before, after, start[from / BLOCK]));
        return new LabelEdit(description, indices, before, after, oldSegments, now.segments());
    }

    /**
     * Counts where the labels in [from, to) differ and, given arrays, notes each place with its old
     * and new label from position k on. Arrays.mismatch skips unchanged stretches many bytes per
     * step; a run of changed voxels (a threshold changes whole rows) is walked byte by byte instead
     * of one call per voxel.
     */
    private static int differences(byte[] current, byte[] old, int from, int to, int[] indices, byte[] before,
            byte[] after, int k) {
        int first = k;
        for (int n = nextDifference(current, old, from, to); n < to; n = nextDifference(current, old, n, to)) {
            for (; n < to && current[n] != (old == null ? 0 : old[n]); n++, k++) {
                if (indices != null) {
                    indices[k] = n;
                    before[k] = old == null ? 0 : old[n];
                    after[k] = current[n];
                }
            }
        }
        return k - first;
    }

    /** The first index in [from, to) where a differs from b (all 0 if null), or {@code to}. */
    private static int nextDifference(byte[] a, byte[] b, int from, int to) {
        if (b != null) {
            int m = java.util.Arrays.mismatch(a, from, to, b, from, to);
            return m < 0 ? to : from + m;
        }
        for (int start = from; start < to; start += ZEROS.length) {
            int end = Math.min(to, start + ZEROS.length);
            int m = java.util.Arrays.mismatch(a, start, end, ZEROS, 0, end - start);
            if (m >= 0) {
                return start + m;
            }
        }
        return to;
    }

    long bytes() {
        return 6L * indices.length;
    }

    void undo(LabelMap map) {
        apply(map, before, segmentsBefore);
    }

    void redo(LabelMap map) {
        apply(map, after, segmentsAfter);
    }

    private void apply(LabelMap map, byte[] values, List<Segment> segments) {
        byte[] labels = map.labels();
        for (int k = 0; k < indices.length; k++) {
            labels[indices[k]] = values[k];
        }
        map.replaceSegments(segments);
    }
}
