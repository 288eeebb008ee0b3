package org.twinprint.segmentation.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * Turns a label volume (an atlas, another program's segmentation) into segments: each value in
 * the chosen range that occurs becomes one named, coloured segment.
 */
@Component(service = SegmentationTool.class)
public final class LabelsToSegmentsTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.from-labels";
    }

    @Override
    public String label() {
        return "Segments from a label volume";
    }

    @Override
    public String description() {
        return "Each label value of the image becomes a segment with its own colour.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("labels", "Labels", "1-255", "Values to take, as FROM-TO."),
                ParameterSpec.text("names", "Names", "", "Segment names in label order, separated by commas."));
    }

    @Override
    public String apply(Case target, Parameters parameters, Progress progress) {
        String[] range = parameters.string("labels").split("-");
        int from = Integer.parseInt(range[0].strip());
        int to = Integer.parseInt(range[range.length - 1].strip());
        if (from < 1 || to > LabelMap.MAX_LABEL || from > to) {
            throw new IllegalArgumentException("--labels must be FROM-TO within 1-" + LabelMap.MAX_LABEL);
        }
        String[] names = parameters.string("names").isBlank() ? new String[0] : parameters.string("names").split(",");
        Volume volume = target.series().get(0).volume();
        short[] v = volume.voxels();
        boolean[] present = new boolean[LabelMap.MAX_LABEL + 1];
        for (short s : v) {
            if (s >= from && s <= to) {
                present[s] = true;
            }
        }
        LabelMap map = target.labelMapForEditing();
        List<Segment> added = new ArrayList<>();
        for (int value = from; value <= to; value++) {
            if (present[value]) {
                int i = value - from;
                String name = i < names.length && !names[i].isBlank() ? names[i].strip() : "Label " + value;
                added.add(map.addSegment(value, name, Palette.colour(added.size())));
            }
        }
        byte[] labels = map.labels();
        for (int n = 0; n < v.length; n++) {
            if (v[n] >= from && v[n] <= to) {
                labels[n] = (byte) v[n];
            }
        }
        return String.format(Locale.ROOT, "%d segments from label values %d-%d", added.size(), from, to);
    }
}
