package org.twinprint.core.service;

import java.util.ArrayList;
import java.util.List;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;

/** The segments of a case as they were before a tool ran, to put back if the tool fails. */
final class LabelSnapshot {

    /** A copy of each layer; empty when the case had no label map yet. */
    private final List<byte[]> layers;
    private final List<Segment> segments;

    private LabelSnapshot(List<byte[]> layers, List<Segment> segments) {
        this.layers = layers;
        this.segments = segments;
    }

    static LabelSnapshot of(Case c) {
        LabelMap map = c.labelMap();
        if (map == null) {
            return new LabelSnapshot(List.of(), List.of());
        }
        List<byte[]> copies = new ArrayList<>();
        for (int n = 0; n < map.layerCount(); n++) {
            copies.add(map.layer(n).clone());
        }
        return new LabelSnapshot(copies, List.copyOf(map.segments()));
    }

    /** The edit from this snapshot to the case's label map as it is now. */
    org.twinprint.core.model.LabelEdit editTo(Case c, String description) {
        return org.twinprint.core.model.LabelEdit.betweenLayers(description, layers, segments, c.labelMap());
    }

    void restore(Case c) {
        LabelMap map = c.labelMap();
        if (map == null) {
            return;
        }
        map.setLayerCount(Math.max(1, layers.size()));
        for (int n = 0; n < map.layerCount(); n++) {
            if (n < layers.size()) {
                System.arraycopy(layers.get(n), 0, map.layer(n), 0, layers.get(n).length);
            } else {
                java.util.Arrays.fill(map.layer(n), (byte) 0);
            }
        }
        map.retainSegments(segments);
        c.fireChanged();
    }
}
