package org.twinprint.segmentation.core;

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
 * Cleans a segment island by island: removes islands smaller than a volume, or keeps only the
 * island under a seed point (the piece the user clicked).
 */
@Component(service = SegmentationTool.class)
public final class IslandsTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.islands";
    }

    @Override
    public String label() {
        return "Islands: remove small / keep selected";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Segment to clean."),
                ParameterSpec.choice("mode", "Mode", "remove-small", List.of("remove-small", "keep-at-seed"),
                        "Remove islands below --min-volume, or keep only the island at --seed."),
                ParameterSpec.number("min-volume", "Minimum volume", 100, 0, 1e9, "mm³",
                        "Islands smaller than this are removed (remove-small)."),
                ParameterSpec.text("seed", "Seed", "0,0,0", "A point of the island to keep, LPS mm (keep-at-seed)."),
                ParameterSpec.choice("connectivity", "Connectivity", "26", List.of("6", "26"),
                        "26 joins voxels touching at faces, edges or corners; 6 at faces only."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        Segment s = Masks.segment(target, p.string("segment"));
        LabelMap map = target.labelMap();
        Geometry g = map.geometry();
        byte label = (byte) s.label();
        ConnectedComponents.Result islands = ConnectedComponents.of(map.labelsOf(s), label, g,
                p.string("connectivity").equals("26"), progress);
        boolean[] keep = new boolean[islands.sizes().length];
        String what;
        if (p.string("mode").equals("keep-at-seed")) {
            Vec3 seed = BrushTool.points(p.string("seed")).get(0);
            Vec3 ijk = g.toIndex(seed);
            int i = (int) Math.round(ijk.x()), j = (int) Math.round(ijk.y()), k = (int) Math.round(ijk.z());
            if (i < 0 || j < 0 || k < 0 || i >= g.nx() || j >= g.ny() || k >= g.nz()) {
                throw new IllegalArgumentException("--seed " + p.string("seed") + " lies outside the image");
            }
            int island = islands.islandAt(g.index(i, j, k));
            if (island == 0) {
                throw new IllegalArgumentException("--seed " + p.string("seed") + " is not inside segment '"
                        + s.name() + "'");
            }
            keep[island] = true;
            what = "kept the island at the seed";
        } else {
            double minVoxels = p.number("min-volume") / g.voxelVolumeMm3();
            int kept = 0;
            for (int id = 1; id < keep.length; id++) {
                keep[id] = islands.sizes()[id] >= minVoxels;
                kept += keep[id] ? 1 : 0;
            }
            what = String.format(Locale.ROOT, "kept %d of %d islands of at least %.1f mm³", kept, keep.length - 1,
                    p.number("min-volume"));
        }
        long count = islands.keepOnly(map.labelsOf(s), keep);
        return String.format(Locale.ROOT, "%s: %s, %d voxels", s.name(), what, count);
    }
}
