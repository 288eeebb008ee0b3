package org.twinprint.segmentation.core;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * Region growing: from seed points, takes every face-connected voxel whose value lies in a range
 * (a vessel with contrast, a bone fragment) into the segment. Other segments are not crossed.
 */
@Component(service = SegmentationTool.class)
public final class GrowFromSeedsTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.grow";
    }

    @Override
    public String label() {
        return "Grow from seeds";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Segment", "Grown", "Segment to grow into."),
                ParameterSpec.text("seeds", "Seeds", null, "Seed points in LPS mm: x,y,z;x,y,z;..."),
                ParameterSpec.number("lower", "Lower", 200, -32768, 32767, "HU", "Lowest value taken."),
                ParameterSpec.number("upper", "Upper", 3071, -32768, 32767, "HU", "Highest value taken."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        Volume volume = target.series().get(0).volume();
        LabelMap map = target.labelMapForEditing();
        String name = p.string("segment");
        Segment s = map.segment(name).orElseGet(() -> map.addSegment(name, Palette.colour(map.segments().size())));
        Geometry g = map.geometry();
        short[] v = volume.voxels();
        byte[] labels = map.labelsOf(s);
        byte label = (byte) s.label();
        double lo = p.number("lower"), hi = p.number("upper");
        int[] queue = new int[1 << 16];
        int head = 0, tail = 0;
        for (Vec3 seed : BrushTool.points(p.string("seeds"))) {
            Vec3 ijk = g.toIndex(seed);
            int i = (int) Math.round(ijk.x()), j = (int) Math.round(ijk.y()), k = (int) Math.round(ijk.z());
            if (i < 0 || j < 0 || k < 0 || i >= g.nx() || j >= g.ny() || k >= g.nz()) {
                throw new IllegalArgumentException("seed " + seed + " lies outside the image");
            }
            int n = g.index(i, j, k);
            if (v[n] < lo || v[n] > hi) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "seed (%.1f, %.1f, %.1f) has value %d, outside %.0f..%.0f", seed.x(), seed.y(), seed.z(), v[n],
                        lo, hi));
            }
            if (labels[n] != label && (labels[n] == 0)) {
                labels[n] = label;
                queue[tail++] = n;
            }
        }
        int nx = g.nx(), ny = g.ny(), slice = nx * ny;
        long grown = tail;
        progress.begin(label(), 1);
        while (head < tail) {
            if ((head & 0xffff) == 0) {
                progress.checkCanceled();
                if (head > 0) { // reuse the consumed front of the queue
                    System.arraycopy(queue, head, queue, 0, tail - head);
                    tail -= head;
                    head = 0;
                }
            }
            int n = queue[head++];
            int i = n % nx, j = (n / nx) % ny, k = n / slice;
            int[] next = { i > 0 ? n - 1 : -1, i < nx - 1 ? n + 1 : -1, j > 0 ? n - nx : -1, j < ny - 1 ? n + nx : -1,
                    k > 0 ? n - slice : -1, k < g.nz() - 1 ? n + slice : -1 };
            for (int m : next) {
                if (m >= 0 && labels[m] == 0 && v[m] >= lo && v[m] <= hi) {
                    labels[m] = label;
                    if (tail == queue.length) {
                        queue = java.util.Arrays.copyOf(queue, queue.length * 2);
                    }
                    queue[tail++] = m;
                    grown++;
                }
            }
        }
        progress.worked(1);
        return String.format(Locale.ROOT, "%s: grew %d voxels from the seeds", name, grown);
    }
}
