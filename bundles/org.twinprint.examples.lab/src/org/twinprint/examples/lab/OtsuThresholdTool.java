package org.twinprint.examples.lab;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * Otsu's threshold: the value that best splits the histogram into two classes (maximum
 * between-class variance). Voxels at or above it, within the searched range, become the segment.
 */
@Component(service = SegmentationTool.class)
public final class OtsuThresholdTool implements SegmentationTool {

    @Override
    public String id() {
        return "example.otsu";
    }

    @Override
    public String label() {
        return "Otsu threshold (example lab)";
    }

    @Override
    public String description() {
        return "Finds the threshold that best separates two classes of values, then segments the upper class.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number("from", "Search from", 0, -32768, 32767, "HU",
                        "Lowest value considered (air and background below it are ignored)."),
                ParameterSpec.number("to", "Search to", 3071, -32768, 32767, "HU", "Highest value considered."),
                ParameterSpec.text("segment", "Segment", "Otsu", "Name of the segment to fill."));
    }

    @Override
    public String apply(Case target, Parameters parameters, Progress progress) {
        int from = (int) parameters.number("from");
        int to = (int) parameters.number("to");
        if (from >= to) {
            throw new IllegalArgumentException("--from must be below --to");
        }
        Volume volume = target.series().get(0).volume();
        short[] v = volume.voxels();
        progress.begin("Otsu threshold", 2);
        long[] histogram = new long[to - from + 1];
        for (short s : v) {
            if (s >= from && s <= to) {
                histogram[s - from]++;
            }
        }
        progress.worked(1);
        int threshold = from + otsu(histogram);
        LabelMap map = target.labelMapForEditing();
        String name = parameters.string("segment");
        Segment segment = map.segment(name).orElseGet(() -> map.addSegment(name, 0xe6a23c));
        byte label = (byte) segment.label();
        byte[] labels = map.labelsOf(segment);
        long count = 0;
        for (int n = 0; n < v.length; n++) {
            if (v[n] >= threshold && v[n] <= to) {
                labels[n] = label;
                count++;
            } else if (labels[n] == label) {
                labels[n] = 0;
            }
        }
        progress.worked(1);
        return String.format(Locale.ROOT, "%s: Otsu threshold %d %s, %d voxels", name, threshold, volume.unit(),
                count);
    }

    /** Index of the histogram bin where the upper class starts. */
    static int otsu(long[] histogram) {
        long total = 0;
        double sum = 0;
        for (int i = 0; i < histogram.length; i++) {
            total += histogram[i];
            sum += (double) i * histogram[i];
        }
        long below = 0;
        double sumBelow = 0;
        double best = -1;
        int bestIndex = 0;
        for (int t = 0; t < histogram.length - 1; t++) {
            below += histogram[t];
            sumBelow += (double) t * histogram[t];
            long above = total - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double meanBelow = sumBelow / below;
            double meanAbove = (sum - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                bestIndex = t + 1;
            }
        }
        return bestIndex;
    }
}
