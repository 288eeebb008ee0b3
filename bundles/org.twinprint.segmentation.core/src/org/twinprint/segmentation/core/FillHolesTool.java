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
 * Fills what a segment encloses: internal cavities (3D), or holes in each axial slice (2D, for
 * shapes that are open at the top or bottom of the scan). Enclosed means not reachable from the
 * border of the volume (or slice) without crossing the segment.
 */
@Component(service = SegmentationTool.class)
public final class FillHolesTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.fill-holes";
    }

    @Override
    public String label() {
        return "Fill holes and cavities";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Segment to fill."),
                ParameterSpec.choice("mode", "Mode", "3d", List.of("3d", "slices"),
                        "3d fills closed cavities; slices fills holes in every axial slice."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        Segment s = Masks.segment(target, p.string("segment"));
        LabelMap map = target.labelMap();
        Geometry g = map.geometry();
        boolean[] mask = Masks.of(map, s);
        boolean slices = p.string("mode").equals("slices");
        progress.begin(label(), 1);
        boolean[] outside = reachableFromBorder(mask, g.nx(), g.ny(), g.nz(), slices);
        long filled = 0;
        for (int n = 0; n < mask.length; n++) {
            if (!mask[n] && !outside[n]) {
                mask[n] = true;
                filled++;
            }
        }
        progress.worked(1);
        Masks.write(map, s, mask, false);
        return String.format(Locale.ROOT, "%s: filled %d voxels (%s)", s.name(), filled, slices ? "per slice" : "3D");
    }

    /** Voxels outside the mask connected (6-neighbours) to the border; in-slice only when {@code slices}. */
    static boolean[] reachableFromBorder(boolean[] mask, int nx, int ny, int nz, boolean slices) {
        boolean[] seen = new boolean[mask.length];
        int[] queue = new int[mask.length];
        int tail = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    boolean border = i == 0 || j == 0 || i == nx - 1 || j == ny - 1
                            || (!slices && (k == 0 || k == nz - 1));
                    int n = (k * ny + j) * nx + i;
                    if (border && !mask[n] && !seen[n]) {
                        seen[n] = true;
                        queue[tail++] = n;
                    }
                }
            }
        }
        int slice = nx * ny;
        for (int head = 0; head < tail; head++) {
            int n = queue[head];
            int i = n % nx, j = (n / nx) % ny, k = n / slice;
            int[] next = { i > 0 ? n - 1 : -1, i < nx - 1 ? n + 1 : -1, j > 0 ? n - nx : -1, j < ny - 1 ? n + nx : -1,
                    !slices && k > 0 ? n - slice : -1, !slices && k < nz - 1 ? n + slice : -1 };
            for (int m : next) {
                if (m >= 0 && !mask[m] && !seen[m]) {
                    seen[m] = true;
                    queue[tail++] = m;
                }
            }
        }
        return seen;
    }
}
