package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.file.Path;
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

/** Turns the regions of a DICOM RT Structure Set into segments on the case's image grid. */
@Component(service = SegmentationTool.class)
public final class RtStructTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.from-rtstruct";
    }

    @Override
    public String label() {
        return "Segments from RTSTRUCT";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.path("file", "RTSTRUCT file", "The DICOM RT Structure Set to read."),
                ParameterSpec.text("rois", "Regions", "", "Names of the regions to take, separated by commas;"
                        + " empty takes all."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        RtStruct rt;
        try {
            rt = RtStruct.read(p.path("file"));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<String> wanted = p.string("rois").isBlank() ? List.of()
                : List.of(p.string("rois").split("\\s*,\\s*"));
        LabelMap map = target.labelMapForEditing();
        progress.begin(label(), rt.rois().size());
        StringBuilder summary = new StringBuilder();
        // one voxel holds one label: voxels that two regions share go to the later one, and each
        // such loss is counted by the pair of regions, so the summary can name it
        java.util.Map<String, Long> lost = new java.util.LinkedHashMap<>();
        for (RtStruct.Roi roi : rt.rois()) {
            progress.checkCanceled();
            if (!wanted.isEmpty() && !wanted.contains(roi.name())) {
                progress.worked(1);
                continue;
            }
            boolean[] mask = ContourRasterizer.fill(roi.contours(), map.geometry());
            Segment s = map.segment(roi.name()).orElseGet(() -> map.addSegment(roi.name(), roi.rgb()));
            byte label = (byte) s.label();
            long count = 0;
            long[] takenFrom = new long[256];
            byte[] labels = map.labels();
            for (int n = 0; n < mask.length; n++) {
                if (mask[n]) {
                    takenFrom[labels[n] & 0xff]++;
                    labels[n] = label;
                    count++;
                }
            }
            for (Segment other : map.segments()) {
                if (other.label() != s.label() && takenFrom[other.label()] > 0) {
                    lost.merge(other.name() + "\u0000" + roi.name(), takenFrom[other.label()], Long::sum);
                }
            }
            summary.append(String.format(Locale.ROOT, "%s%s: %d voxels", summary.length() == 0 ? "" : "; ", roi.name(),
                    count));
            progress.worked(1);
        }
        if (summary.length() == 0) {
            throw new IllegalArgumentException(Path.of(p.string("file")) + ": no region named " + wanted);
        }
        if (!lost.isEmpty()) {
            summary.append("; WARNING: regions overlap and a voxel holds one segment: ");
            summary.append(String.join(", ", lost.entrySet().stream()
                    .map(e -> "'" + e.getKey().replace("\u0000", "' lost " + e.getValue() + " voxels to '") + "'")
                    .toList()));
        }
        return summary.toString();
    }
}
