package org.twinprint.segmentation.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * Paints or erases a brush stroke: a disc in the slice of each point, or a ball, with a radius in
 * millimetres (so it stays round on anisotropic voxels). A stroke is one edit: one undo step.
 */
@Component(service = SegmentationTool.class)
public final class BrushTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.brush";
    }

    @Override
    public String label() {
        return "Paint / erase brush";
    }

    @Override
    public String description() {
        return "Paints (or erases) a segment along a stroke of points given in patient LPS mm.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Segment to paint."),
                ParameterSpec.text("points", "Points", null, "Stroke points in LPS mm: x,y,z;x,y,z;..."),
                ParameterSpec.number("radius", "Radius", 3, 0.1, 100, "mm", "Brush radius."),
                ParameterSpec.choice("shape", "Shape", "disc", List.of("disc", "sphere"),
                        "A disc in the slice of each point, or a ball."),
                ParameterSpec.flag("erase", "Erase", false, "Erase the segment instead of painting it."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        LabelMap map = target.labelMapForEditing();
        String name = p.string("segment");
        boolean erase = p.flag("erase");
        Segment segment = map.segment(name).orElseGet(() -> erase ? null : map.addSegment(name, 0xf1d691));
        if (segment == null) {
            throw new IllegalArgumentException("case has no segment '" + name + "' to erase from");
        }
        Geometry g = map.geometry();
        double r = p.number("radius");
        boolean ball = p.string("shape").equals("sphere");
        byte label = (byte) segment.label();
        byte[] labels = map.labelsOf(segment);
        long changed = 0;
        for (Vec3 point : points(p.string("points"))) {
            Vec3 c = g.toIndex(point);
            int ri = (int) Math.ceil(r / g.spacing().x()), rj = (int) Math.ceil(r / g.spacing().y());
            int rk = ball ? (int) Math.ceil(r / g.spacing().z()) : 0;
            int ci = (int) Math.round(c.x()), cj = (int) Math.round(c.y()), ck = (int) Math.round(c.z());
            for (int k = Math.max(0, ck - rk); k <= Math.min(g.nz() - 1, ck + rk); k++) {
                for (int j = Math.max(0, cj - rj); j <= Math.min(g.ny() - 1, cj + rj); j++) {
                    for (int i = Math.max(0, ci - ri); i <= Math.min(g.nx() - 1, ci + ri); i++) {
                        double dx = (i - c.x()) * g.spacing().x(), dy = (j - c.y()) * g.spacing().y();
                        double dz = ball ? (k - c.z()) * g.spacing().z() : 0;
                        if (dx * dx + dy * dy + dz * dz > r * r) {
                            continue;
                        }
                        int n = g.index(i, j, k);
                        if (erase && labels[n] == label) {
                            labels[n] = 0;
                            changed++;
                        } else if (!erase && labels[n] != label) {
                            labels[n] = label;
                            changed++;
                        }
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "%s: %s %d voxels", name, erase ? "erased" : "painted", changed);
    }

    static List<Vec3> points(String text) {
        List<Vec3> out = new ArrayList<>();
        for (String p : text.split(";")) {
            if (p.isBlank()) {
                continue;
            }
            String[] xyz = p.split(",");
            if (xyz.length != 3) {
                throw new IllegalArgumentException("--points: '" + p + "' is not x,y,z");
            }
            try {
                out.add(new Vec3(Double.parseDouble(xyz[0].strip()), Double.parseDouble(xyz[1].strip()),
                        Double.parseDouble(xyz[2].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--points: '" + p + "' is not three numbers");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--points: no point given");
        }
        return out;
    }
}
