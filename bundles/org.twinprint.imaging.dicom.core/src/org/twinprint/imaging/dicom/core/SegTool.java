package org.twinprint.imaging.dicom.core;

import java.nio.file.Path;
import java.util.BitSet;
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

/** Turns the segments of a DICOM Segmentation into segments on the case's image grid. */
@Component(service = SegmentationTool.class)
public final class SegTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.from-seg";
    }

    @Override
    public String label() {
        return "Segments from DICOM SEG";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.path("file", "SEG file", "The DICOM Segmentation to read."),
                ParameterSpec.text("segments", "Segments", "", "Labels of the segments to take, separated by commas;"
                        + " empty takes all."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        Path file = p.path("file");
        DicomSeg seg;
        try {
            seg = DicomSeg.read(file);
        } catch (DicomReadException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        List<String> wanted = p.string("segments").isBlank() ? List.of()
                : List.of(p.string("segments").split("\\s*,\\s*"));
        LabelMap map = target.labelMapForEditing();
        progress.begin(label(), seg.segments().size());
        StringBuilder summary = new StringBuilder();
        BitSet claimed = new BitSet();
        long overlaps = 0;
        for (DicomSeg.Segment s : seg.segments()) {
            progress.checkCanceled();
            if (!wanted.isEmpty() && !wanted.contains(s.label())) {
                progress.worked(1);
                continue;
            }
            long[] outside = new long[1];
            BitSet voxels = seg.voxels(s.number(), map.geometry(), outside);
            BitSet both = (BitSet) voxels.clone();
            both.and(claimed);
            overlaps += both.cardinality();
            claimed.or(voxels);
            String name = s.label().isEmpty() ? "Segment " + s.number() : s.label();
            Segment old = map.segment(name).orElse(null);
            if (old != null) { // read again: the file's voxels replace the old ones
                map.removeSegment(old);
            }
            // a segment that overlaps those before it goes to another layer, whole
            map.addSegmentOver(name, old != null ? old.rgb() : s.rgb(), voxels.stream().toArray());
            summary.append(String.format(Locale.ROOT, "%s%s: %d voxels%s", summary.length() == 0 ? "" : "; ", name,
                    voxels.cardinality(), outside[0] == 0 ? "" : " (" + outside[0] + " pixels outside the image)"));
            progress.worked(1);
        }
        if (summary.length() == 0) {
            throw new IllegalArgumentException(file + ": no segment labelled " + wanted);
        }
        if (overlaps > 0) {
            summary.append(String.format(Locale.ROOT, "; %d voxels belong to more than one segment:"
                    + " each segment is kept whole in its own layer", overlaps));
        }
        return summary.toString();
    }
}
