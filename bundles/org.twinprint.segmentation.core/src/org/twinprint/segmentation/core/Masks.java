package org.twinprint.segmentation.core;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;

/** Small helpers shared by the tools: find a segment, and turn it into a mask and back. */
final class Masks {

    private Masks() {
    }

    static Segment segment(Case c, String name) {
        LabelMap map = c.labelMapForEditing();
        return map.segment(name)
                .orElseThrow(() -> new IllegalArgumentException("case has no segment named '" + name + "'"));
    }

    static boolean[] of(LabelMap map, Segment s) {
        return map.mask(s);
    }

    /**
     * Writes a mask back: voxels in the mask get the segment, voxels of the segment outside it are
     * cleared; other segments' voxels are only taken over when {@code overwrite} is set.
     */
    static long write(LabelMap map, Segment s, boolean[] mask, boolean overwrite) {
        byte label = (byte) s.label();
        byte[] labels = map.labelsOf(s);
        long count = 0;
        for (int n = 0; n < labels.length; n++) {
            if (mask[n]) {
                if (labels[n] == label || labels[n] == 0 || overwrite) {
                    labels[n] = label;
                    count++;
                }
            } else if (labels[n] == label) {
                labels[n] = 0;
            }
        }
        return count;
    }
}
