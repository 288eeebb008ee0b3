package org.twinprint.core.service;

import java.util.List;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;

/** The segments of a case as they were before a tool ran, to put back if the tool fails. */
final class LabelSnapshot {

    private final byte[] labels;
    private final List<Segment> segments;

    private LabelSnapshot(byte[] labels, List<Segment> segments) {
        this.labels = labels;
        this.segments = segments;
    }

    static LabelSnapshot of(Case c) {
        LabelMap map = c.labelMap();
        return map == null ? new LabelSnapshot(null, List.of())
                : new LabelSnapshot(map.labels().clone(), List.copyOf(map.segments()));
    }

    /** The edit from this snapshot to the case's label map as it is now. */
    org.twinprint.core.model.LabelEdit editTo(Case c, String description) {
        return org.twinprint.core.model.LabelEdit.between(description, labels, segments, c.labelMap());
    }

    void restore(Case c) {
        LabelMap map = c.labelMap();
        if (map == null) {
            return;
        }
        if (labels == null) {
            java.util.Arrays.fill(map.labels(), (byte) 0);
        } else {
            System.arraycopy(labels, 0, map.labels(), 0, labels.length);
        }
        map.retainSegments(segments);
        c.fireChanged();
    }
}
