package org.twinprint.segmentation.core;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * Virtual surgery on voxels: a segment cut in two by a plane markup (a resection, an osteotomy).
 * The voxels whose centres lie in front of the plane (the side its normal points to) become a new
 * segment; the rest keep theirs, renamed.
 */
@Component(service = SegmentationTool.class)
public final class PlaneCutTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.cut-by-plane";
    }

    @Override
    public String label() {
        return "Cut segment by plane";
    }

    @Override
    public String description() {
        return "Splits a segment in two along a plane markup: the part in front of the plane becomes a segment of"
                + " its own.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Name of the segment to cut."),
                ParameterSpec.text("plane", "Plane", "Plane 1", "Name of a plane markup of the case."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        String planeName = p.string("plane");
        Markup plane = target.markups().stream().filter(m -> m.name().equals(planeName)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("the case has no markup named '" + planeName + "'"));
        if (plane.type() != Markup.Type.PLANE) {
            throw new IllegalArgumentException("'" + planeName + "' is a " + plane.type() + ", not a plane");
        }
        Segment s = Masks.segment(target, p.string("segment"));
        LabelMap map = target.labelMapForEditing();
        Geometry g = map.geometry();
        Vec3 n = plane.unitNormal(), p0 = plane.points().get(0).position();
        byte[] labels = map.labelsOf(s);
        byte label = (byte) s.label();
        int[] front = new int[labels.length];
        int count = 0;
        long behind = 0;
        for (int k = 0, index = 0; k < g.nz(); k++) {
            progress.checkCanceled();
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, index++) {
                    if (labels[index] != label) {
                        continue;
                    }
                    if (n.dot(g.toLps(i, j, k).minus(p0)) > 0) {
                        front[count++] = index;
                        labels[index] = 0;
                    } else {
                        behind++;
                    }
                }
            }
        }
        String name = s.name();
        map.update(s, name + " (behind " + planeName + ")", s.rgb());
        Segment cut = map.addSegmentOver(name + " (in front of " + planeName + ")", Palette.colour(map.segments().size()),
                java.util.Arrays.copyOf(front, count));
        return String.format(Locale.ROOT, "%s: %d voxels behind %s (%.1f ml), %d in front (%.1f ml), now '%s'", name,
                behind, planeName, behind * g.voxelVolumeMm3() / 1000, count, count * g.voxelVolumeMm3() / 1000,
                cut.name());
    }
}
