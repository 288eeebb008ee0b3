package org.twinprint.segmentation.core;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.spi.Progress;

/**
 * The 26-connected islands of a plain mask, for algorithms that work on masks rather than on a
 * case's segments (an implant's design, say): keep the large ones, drop the crumbs.
 */
public final class MaskIslands {

    private MaskIslands() {
    }

    /**
     * The mask with only its islands of at least {@code fractionOfLargest} of the largest island's
     * voxels and at least {@code minVoxels} voxels; an empty mask stays empty.
     */
    public static boolean[] keepLarge(boolean[] mask, Geometry g, double fractionOfLargest, long minVoxels,
            Progress progress) {
        byte[] labels = new byte[mask.length];
        for (int n = 0; n < mask.length; n++) {
            labels[n] = mask[n] ? (byte) 1 : 0;
        }
        ConnectedComponents.Result islands = ConnectedComponents.of(labels, (byte) 1, g, true, progress);
        long[] sizes = islands.sizes();
        int largest = islands.largest();
        boolean[] keep = new boolean[sizes.length];
        for (int id = 1; id < sizes.length; id++) {
            keep[id] = sizes[id] >= minVoxels && sizes[id] >= fractionOfLargest * sizes[largest];
        }
        islands.keepOnly(labels, keep);
        boolean[] out = new boolean[mask.length];
        for (int n = 0; n < mask.length; n++) {
            out[n] = labels[n] != 0;
        }
        return out;
    }
}
