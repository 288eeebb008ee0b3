package org.twinprint.segmentation.core;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/** Keeps only the largest connected island of a segment; loose fragments and noise are removed. */
@Component(service = SegmentationTool.class)
public final class KeepLargestIslandTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.largest-island";
    }

    @Override
    public String label() {
        return "Keep largest island";
    }

    @Override
    public String description() {
        return "Removes every part of the segment not connected to its largest piece.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Name of the segment to clean."),
                ParameterSpec.choice("connectivity", "Connectivity", "26", List.of("6", "26"),
                        "26 joins voxels touching at faces, edges or corners; 6 at faces only."));
    }

    @Override
    public String apply(Case target, Parameters parameters, Progress progress) {
        LabelMap map = target.labelMapForEditing();
        String name = parameters.string("segment");
        Segment segment = map.segment(name)
                .orElseThrow(() -> new IllegalArgumentException("case has no segment named '" + name + "'"));
        byte label = (byte) segment.label();
        boolean full26 = parameters.string("connectivity").equals("26");
        ConnectedComponents.Result islands = ConnectedComponents.of(map.labelsOf(segment), label, map.geometry(), full26,
                progress);
        int keep = islands.largest();
        boolean[] kept = new boolean[islands.sizes().length];
        kept[keep] = keep != 0;
        long voxels = islands.keepOnly(map.labelsOf(segment), kept);
        return String.format(Locale.ROOT, "%s: kept the largest of %d islands, %d voxels (%.3f ml)", name,
                islands.sizes().length - 1, voxels, voxels * map.geometry().voxelVolumeMm3() / 1000);
    }
}
