package org.twinprint.segmentation.core;

import java.util.ArrayList;
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
 * Fills the axial slices between drawn ones: the shape morphs smoothly from one drawn slice to the
 * next (linear blend of signed distance maps), so a structure drawn on every fifth slice
 * becomes a solid.
 */
@Component(service = SegmentationTool.class)
public final class FillBetweenSlicesTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.fill-between";
    }

    @Override
    public String label() {
        return "Fill between slices";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Segment drawn on some slices."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        Segment s = Masks.segment(target, p.string("segment"));
        LabelMap map = target.labelMap();
        Geometry g = map.geometry();
        int nx = g.nx(), ny = g.ny(), slice = nx * ny;
        boolean[] mask = Masks.of(map, s);
        List<Integer> drawn = new ArrayList<>();
        for (int k = 0; k < g.nz(); k++) {
            for (int n = k * slice; n < (k + 1) * slice; n++) {
                if (mask[n]) {
                    drawn.add(k);
                    break;
                }
            }
        }
        if (drawn.size() < 2) {
            throw new IllegalArgumentException("segment '" + s.name() + "' is drawn on fewer than two slices");
        }
        progress.begin(label(), drawn.size() - 1);
        long filled = 0;
        for (int d = 0; d + 1 < drawn.size(); d++) {
            progress.checkCanceled();
            int k0 = drawn.get(d), k1 = drawn.get(d + 1);
            if (k1 - k0 > 1) {
                double[] a = signedDistance(mask, k0, g);
                double[] b = signedDistance(mask, k1, g);
                for (int k = k0 + 1; k < k1; k++) {
                    double t = (double) (k - k0) / (k1 - k0);
                    for (int n = 0; n < slice; n++) {
                        if ((1 - t) * a[n] + t * b[n] <= 0 && !mask[k * slice + n]) {
                            mask[k * slice + n] = true;
                            filled++;
                        }
                    }
                }
            }
            progress.worked(1);
        }
        Masks.write(map, s, mask, false);
        return String.format(Locale.ROOT, "%s: filled %d voxels between %d drawn slices", s.name(), filled,
                drawn.size());
    }

    /** Distance to the shape's edge in slice k, negative inside, in mm. */
    private static double[] signedDistance(boolean[] mask, int k, Geometry g) {
        int slice = g.nx() * g.ny();
        boolean[] in = new boolean[slice];
        boolean[] out = new boolean[slice];
        for (int n = 0; n < slice; n++) {
            in[n] = mask[k * slice + n];
            out[n] = !in[n];
        }
        double[] toIn = DistanceTransform.squared(in, g.nx(), g.ny(), 1, g.spacing().x(), g.spacing().y(), 1);
        double[] toOut = DistanceTransform.squared(out, g.nx(), g.ny(), 1, g.spacing().x(), g.spacing().y(), 1);
        double[] d = new double[slice];
        for (int n = 0; n < slice; n++) {
            d[n] = in[n] ? -Math.sqrt(toOut[n]) : Math.sqrt(toIn[n]);
        }
        return d;
    }
}
