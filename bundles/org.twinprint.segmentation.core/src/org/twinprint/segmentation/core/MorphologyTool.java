package org.twinprint.segmentation.core;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * Grows (dilate), shrinks (erode), opens or closes a segment by a radius in millimetres. Distances
 * are exact Euclidean distances on the voxel grid's true spacing, so the radius is the same in
 * every direction even on anisotropic CT (0.45 mm pixels, 1 mm slices).
 */
@Component(service = SegmentationTool.class)
public final class MorphologyTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.morphology";
    }

    @Override
    public String label() {
        return "Grow / shrink (morphology)";
    }

    @Override
    public String description() {
        return "Dilate, erode, open (remove thin bits) or close (bridge small gaps) by a radius in mm.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Segment to change."),
                ParameterSpec.choice("operation", "Operation", "close", List.of("dilate", "erode", "open", "close"),
                        "dilate grows, erode shrinks, open = erode then dilate, close = dilate then erode."),
                ParameterSpec.number("radius", "Radius", 1, 0.01, 50, "mm", "How far to grow or shrink."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        Segment s = Masks.segment(target, p.string("segment"));
        LabelMap map = target.labelMap();
        Geometry g = map.geometry();
        double r = p.number("radius");
        boolean[] mask = Masks.of(map, s);
        String op = p.string("operation");
        progress.begin(label(), 2);
        switch (op) {
        case "dilate" -> mask = dilate(mask, g, r);
        case "erode" -> mask = erode(mask, g, r);
        case "open" -> mask = dilate(erode(mask, g, r), g, r);
        default -> mask = erode(dilate(mask, g, r), g, r);
        }
        progress.worked(2);
        long count = Masks.write(map, s, mask, false);
        return String.format(Locale.ROOT, "%s: %s by %.2f mm, %d voxels", s.name(), op, r, count);
    }

    static boolean[] dilate(boolean[] mask, Geometry g, double r) {
        double[] d = DistanceTransform.squared(mask, g.nx(), g.ny(), g.nz(), g.spacing().x(), g.spacing().y(),
                g.spacing().z());
        boolean[] out = new boolean[mask.length];
        double r2 = r * r + 1e-9;
        for (int n = 0; n < out.length; n++) {
            out[n] = d[n] <= r2;
        }
        return out;
    }

    static boolean[] erode(boolean[] mask, Geometry g, double r) {
        boolean[] outside = new boolean[mask.length];
        for (int n = 0; n < mask.length; n++) {
            outside[n] = !mask[n];
        }
        return invert(dilate(outside, g, r));
    }

    private static boolean[] invert(boolean[] m) {
        boolean[] out = new boolean[m.length];
        for (int n = 0; n < m.length; n++) {
            out[n] = !m[n];
        }
        return out;
    }
}
