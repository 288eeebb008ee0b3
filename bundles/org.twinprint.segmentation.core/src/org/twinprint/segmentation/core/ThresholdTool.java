package org.twinprint.segmentation.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/** Puts every voxel whose value lies in a range (inclusive) into a segment, creating it if needed. */
@Component(service = SegmentationTool.class)
public final class ThresholdTool implements SegmentationTool {

    @Override
    public String id() {
        return "segment.threshold";
    }

    @Override
    public String label() {
        return "Threshold";
    }

    @Override
    public String description() {
        return "Voxels between a lower and an upper value (HU for CT) become the segment.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.choice("preset", "Preset", "bone", ThresholdPreset.keys(),
                        "A named HU range: it gives Lower and Upper where they are not set; its colour."),
                ParameterSpec.number("lower", "Lower", ThresholdPreset.BONE.lower(), -32768, 32767, "HU",
                        "Lowest value included (the preset's unless set)."),
                ParameterSpec.number("upper", "Upper", ThresholdPreset.BONE.upper(), -32768, 32767, "HU",
                        "Highest value included (the preset's unless set)."),
                ParameterSpec.text("segment", "Segment", "Bone", "Name of the segment to fill."));
    }

    @Override
    public Map<String, String> impliedBy(String key, String value) {
        if (!key.equals("preset") || !ThresholdPreset.keys().contains(value)) {
            return Map.of();
        }
        ThresholdPreset preset = ThresholdPreset.of(value);
        return preset == ThresholdPreset.CUSTOM ? Map.of()
                : Map.of("lower", Integer.toString(preset.lower()), "upper", Integer.toString(preset.upper()));
    }

    private static final int BATCH = 16;

    /**
     * Labels the voxels of one slice that lie in [lo, hi], clears this label elsewhere; returns the
     * count. lo and hi lie within one step of the 16-bit range.
     */
    private static long thresholdSlice(short[] v, byte[] labels, int from, int length, int lo, int hi, byte label) {
        long count = 0;
        for (int n = from, end = from + length; n < end; n++) {
            int x = v[n];
            if ((x - lo | hi - x) >= 0) { // lo <= x <= hi in one test
                labels[n] = label;
                count++;
            } else if (labels[n] == label) {
                labels[n] = 0;
            }
        }
        return count;
    }

    @Override
    public String apply(Case target, Parameters parameters, Progress progress) {
        ThresholdPreset preset = ThresholdPreset.of(parameters.string("preset"));
        // the bounds as given: the preset filled in only those the user left out (Parameters.of)
        double lower = parameters.number("lower");
        double upper = parameters.number("upper");
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " is above upper " + upper);
        }
        Volume volume = target.series().get(0).volume();
        LabelMap map = target.labelMapForEditing();
        String name = parameters.string("segment");
        Segment segment = map.segment(name).orElseGet(() -> map.addSegment(name, preset.rgb()));
        short[] v = volume.voxels();
        byte[] labels = map.labelsOf(segment);
        byte label = (byte) segment.label();
        int lo = (int) Math.ceil(lower);
        int hi = (int) Math.floor(upper);
        // the same range held just beyond 16 bits, so the one-test comparison below cannot overflow
        int lo16 = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE + 1, lo));
        int hi16 = Math.max(Short.MIN_VALUE - 1, Math.min(Short.MAX_VALUE, hi));
        int slice = volume.geometry().nx() * volume.geometry().ny();
        int slices = volume.geometry().nz();
        progress.begin("Threshold " + lo + " .. " + hi, slices);
        long count = 0;
        // slices are independent: a batch of them at a time in parallel, progress and cancel between batches
        for (int first = 0; first < slices; first += BATCH) {
            progress.checkCanceled();
            int last = Math.min(slices, first + BATCH);
            count += java.util.stream.IntStream.range(first, last).parallel()
                    .mapToLong(k -> thresholdSlice(v, labels, k * slice, slice, lo16, hi16, label)).sum();
            progress.worked(last - first);
        }
        return String.format(Locale.ROOT, "%s: %d voxels from %d to %d %s (%.3f ml)", name, count, lo, hi,
                volume.unit(), count * volume.geometry().voxelVolumeMm3() / 1000);
    }
}
