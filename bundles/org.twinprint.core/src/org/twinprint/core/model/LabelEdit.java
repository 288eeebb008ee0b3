package org.twinprint.core.model;

import java.util.List;

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

    /**
     * Compares the labels before an edit with the map after it; {@code oldLabels} null means all
     * were 0 (a new map), which spares a zeroed copy as large as the map.
     */
    public static LabelEdit between(String description, byte[] oldLabels, List<Segment> oldSegments, LabelMap now) {
        byte[] current = now.labels();
        int count = differences(current, oldLabels, null, null, null);
        int[] indices = new int[count];
        byte[] before = new byte[count];
        byte[] after = new byte[count];
        differences(current, oldLabels, indices, before, after);
        return new LabelEdit(description, indices, before, after, oldSegments, now.segments());
    }

    /**
     * Counts where the labels differ and, given arrays, notes each place with its old and new label.
     * Arrays.mismatch skips unchanged stretches many bytes per step; a run of changed voxels (a
     * threshold changes whole rows) is walked byte by byte instead of one call per voxel.
     */
    private static int differences(byte[] current, byte[] old, int[] indices, byte[] before, byte[] after) {
        int length = current.length, k = 0;
        for (int n = nextDifference(current, old, 0); n < length; n = nextDifference(current, old, n)) {
            for (; n < length && current[n] != (old == null ? 0 : old[n]); n++, k++) {
                if (indices != null) {
                    indices[k] = n;
                    before[k] = old == null ? 0 : old[n];
                    after[k] = current[n];
                }
            }
        }
        return k;
    }

    /** The first index at or after {@code from} where a differs from b (all 0 if null), or a's length. */
    private static int nextDifference(byte[] a, byte[] b, int from) {
        if (b != null) {
            int m = java.util.Arrays.mismatch(a, from, a.length, b, from, b.length);
            return m < 0 ? a.length : from + m;
        }
        for (int start = from; start < a.length; start += ZEROS.length) {
            int end = Math.min(a.length, start + ZEROS.length);
            int m = java.util.Arrays.mismatch(a, start, end, ZEROS, 0, end - start);
            if (m >= 0) {
                return start + m;
            }
        }
        return a.length;
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
