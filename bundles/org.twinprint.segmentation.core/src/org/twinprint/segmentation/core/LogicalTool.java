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

/**
 * Combines a segment with another segment or with a value range. Segments do not overlap (one
 * label per voxel), so "union" moves the other segment's voxels into this one, "subtract" removes
 * this segment's voxels inside the other segment grown by a margin or inside a range, and
 * "intersect" keeps only those.
 */
@Component(service = SegmentationTool.class)
public final class LogicalTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.logical";
    }

    @Override
    public String label() {
        return "Logical: union / subtract / intersect";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Bone", "The segment to change."),
                ParameterSpec.choice("operation", "Operation", "union", List.of("union", "subtract", "intersect"),
                        "What to do with the operand."),
                ParameterSpec.text("with", "With", null, "Another segment's name, or a value range LO:HI."),
                ParameterSpec.number("margin", "Margin", 0, 0, 50, "mm",
                        "Grow the operand segment by this much first (subtract and intersect)."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        Segment s = Masks.segment(target, p.string("segment"));
        LabelMap map = target.labelMap();
        String with = p.string("with");
        String op = p.string("operation");
        boolean[] operand;
        if (with.matches("-?[0-9.]+:-?[0-9.]+")) {
            String[] lohi = with.split(":");
            double lo = Double.parseDouble(lohi[0]), hi = Double.parseDouble(lohi[1]);
            short[] v = target.series().get(0).volume().voxels();
            operand = new boolean[v.length];
            for (int n = 0; n < v.length; n++) {
                operand[n] = v[n] >= lo && v[n] <= hi;
            }
        } else {
            Segment other = Masks.segment(target, with);
            if (other.equals(s)) {
                throw new IllegalArgumentException("--with names the segment itself");
            }
            operand = Masks.of(map, other);
            if (!op.equals("union") && p.number("margin") > 0) {
                operand = MorphologyTool.dilate(operand, map.geometry(), p.number("margin"));
            }
        }
        boolean[] mask = Masks.of(map, s);
        for (int n = 0; n < mask.length; n++) {
            mask[n] = switch (op) {
            case "union" -> mask[n] || operand[n];
            case "subtract" -> mask[n] && !operand[n];
            default -> mask[n] && operand[n];
            };
        }
        long count = Masks.write(map, s, mask, op.equals("union"));
        return String.format(Locale.ROOT, "%s: %s %s, %d voxels", s.name(), op, with, count);
    }
}
