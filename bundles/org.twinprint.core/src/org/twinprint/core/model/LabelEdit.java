package org.twinprint.core.model;

import java.util.ArrayList;
import java.util.List;

import org.twinprint.core.util.Parallel;

/**
 * One undoable change of a label map: per layer, the voxels it changed with their labels before
 * and after; how many layers there were before and after; and the segment list before and after.
 * Only changed voxels are kept, so edits cost little.
 */
public record LabelEdit(String description, List<Change> changes, int layersBefore, int layersAfter,
        List<Segment> segmentsBefore, List<Segment> segmentsAfter) {

    /** The changed voxels of one layer. */
    public record Change(int layer, int[] indices, byte[] before, byte[] after) {
    }

    public LabelEdit {
        changes = List.copyOf(changes);
        segmentsBefore = List.copyOf(segmentsBefore);
        segmentsAfter = List.copyOf(segmentsAfter);
    }

    /** Compared with, a block at a time, where the labels before were all 0. */
    private static final byte[] ZEROS = new byte[1 << 16];

    /** Voxels per block of the comparison, which runs on all cores. */
    private static final int BLOCK = 1 << 20;

    /** {@link #betweenLayers} for a map that had one layer ({@code oldLabels} null: all 0). */
    public static LabelEdit between(String description, byte[] oldLabels, List<Segment> oldSegments, LabelMap now) {
        List<byte[]> old = new ArrayList<>();
        old.add(oldLabels);
        return betweenLayers(description, old, oldSegments, now);
    }

    /**
     * Compares the layers before an edit with the map after it; a layer that is null or missing in
     * {@code oldLayers} was all 0 (new), which spares a zeroed copy as large as the map. The blocks of
     * a layer are compared in parallel twice: first counted, so that each knows where its changes go.
     */
    public static LabelEdit betweenLayers(String description, List<byte[]> oldLayers, List<Segment> oldSegments,
            LabelMap now) {
        List<Change> changes = new ArrayList<>();
        for (int layer = 0; layer < now.layerCount(); layer++) {
            byte[] current = now.layer(layer);
            byte[] old = layer < oldLayers.size() ? oldLayers.get(layer) : null;
            int[] start = Parallel.offsets(Parallel.mapBlocks(current.length, BLOCK,
                    (from, to) -> differences(current, old, from, to, null, null, null, 0)));
            int count = start[start.length - 1];
            if (count == 0) {
                continue;
            }
            int[] indices = new int[count];
            byte[] before = new byte[count];
            byte[] after = new byte[count];
            Parallel.forEachBlock(current.length, BLOCK, (from, to) -> differences(current, old, from, to, indices,
                    before, after, start[from / BLOCK]));
            changes.add(new Change(layer, indices, before, after));
        }
        return new LabelEdit(description, changes, Math.max(1, oldLayers.size()), now.layerCount(), oldSegments,
                now.segments());
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
        long sum = 0;
        for (Change c : changes) {
            sum += 6L * c.indices().length;
        }
        return sum;
    }

    void undo(LabelMap map) {
        map.setLayerCount(Math.max(layersBefore, layersAfter));
        for (Change c : changes) {
            apply(map.layer(c.layer()), c.indices(), c.before());
        }
        map.setLayerCount(layersBefore);
        map.replaceSegments(segmentsBefore);
    }

    void redo(LabelMap map) {
        map.setLayerCount(Math.max(layersBefore, layersAfter));
        for (Change c : changes) {
            apply(map.layer(c.layer()), c.indices(), c.after());
        }
        map.setLayerCount(layersAfter);
        map.replaceSegments(segmentsAfter);
    }

    private static void apply(byte[] labels, int[] indices, byte[] values) {
        for (int k = 0; k < indices.length; k++) {
            labels[indices[k]] = values[k];
        }
    }
}
