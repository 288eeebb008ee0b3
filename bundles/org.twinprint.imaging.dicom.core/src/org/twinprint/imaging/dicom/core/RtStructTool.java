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
        // regions keep all their voxels: one that overlaps those before it goes to another layer,
        // and the summary says which regions share how many voxels
        java.util.Map<String, Long> shared = new java.util.LinkedHashMap<>();
        for (RtStruct.Roi roi : rt.rois()) {
            progress.checkCanceled();
            if (!wanted.isEmpty() && !wanted.contains(roi.name())) {
                progress.worked(1);
                continue;
            }
            int[] voxels = indices(ContourRasterizer.fill(roi.contours(), map.geometry()));
            Segment old = map.segment(roi.name()).orElse(null);
            if (old != null) { // imported again: the new contours replace the old voxels
                map.removeSegment(old);
            }
            Segment s = map.addSegmentOver(roi.name(), old != null ? old.rgb() : roi.rgb(), voxels);
            for (Segment other : map.segments()) {
                long common = other == s ? 0 : java.util.Arrays.stream(voxels).filter(v -> map.contains(other, v)).count();
                if (common > 0) {
                    shared.merge("'" + other.name() + "' and '" + roi.name() + "'", common, Long::sum);
                }
            }
            summary.append(String.format(Locale.ROOT, "%s%s: %d voxels", summary.length() == 0 ? "" : "; ", roi.name(),
                    voxels.length));
            progress.worked(1);
        }
        if (summary.length() == 0) {
            throw new IllegalArgumentException(Path.of(p.string("file")) + ": no region named " + wanted);
        }
        if (!shared.isEmpty()) {
            summary.append("; overlapping regions, each kept whole in its own layer: ");
            summary.append(String.join(", ", shared.entrySet().stream()
                    .map(e -> e.getKey() + " share " + e.getValue() + " voxels").toList()));
        }
        return summary.toString();
    }

    private static int[] indices(boolean[] mask) {
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        int[] out = new int[count];
        for (int n = 0, k = 0; n < mask.length; n++) {
            if (mask[n]) {
                out[k++] = n;
            }
        }
        return out;
    }
}
