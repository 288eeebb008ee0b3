package @PACKAGE@;

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
 * @LABEL@: a segmentation tool of the @ID@ plugin. TwinPrint finds it through the
 * {@code @Component} annotation; its parameters become a form in the Tools view and
 * {@code --flags} on the command line. Replace the body of {@link #apply} with your algorithm.
 */
@Component(service = SegmentationTool.class)
public final class @CLASS@ implements SegmentationTool {

    @Override
    public String id() {
        return "@TOOL_ID@";
    }

    @Override
    public String label() {
        return "@LABEL@";
    }

    @Override
    public String description() {
        return "Voxels inside a value band become the segment (template: replace with your method).";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number("lower", "Lower", 100, -32768, 32767, "HU", "Lowest value included."),
                ParameterSpec.number("upper", "Upper", 400, -32768, 32767, "HU", "Highest value included."),
                ParameterSpec.text("segment", "Segment", "@LABEL@", "Name of the segment to fill."));
    }

    @Override
    public String apply(Case target, Parameters parameters, Progress progress) {
        double lower = parameters.number("lower");
        double upper = parameters.number("upper");
        Volume volume = target.series().get(0).volume();
        LabelMap map = target.labelMapForEditing();
        String name = parameters.string("segment");
        Segment segment = map.segment(name).orElseGet(() -> map.addSegment(name, 0x4caf50));
        short[] values = volume.voxels();
        byte[] labels = map.labels();
        byte label = (byte) segment.label();
        progress.begin(label(), 1);
        long count = 0;
        for (int n = 0; n < values.length; n++) {
            if (values[n] >= lower && values[n] <= upper) {
                labels[n] = label;
                count++;
            }
        }
        progress.worked(1);
        return String.format(Locale.ROOT, "%s: %d voxels between %.0f and %.0f", name, count, lower, upper);
    }
}
