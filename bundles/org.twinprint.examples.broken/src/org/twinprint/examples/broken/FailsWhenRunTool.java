package org.twinprint.examples.broken;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/** A tool that starts editing the case and then throws halfway. */
@Component(service = SegmentationTool.class)
public final class FailsWhenRunTool implements SegmentationTool {

    @Override
    public String id() {
        return "broken.when-run";
    }

    @Override
    public String label() {
        return "Broken when run";
    }

    @Override
    public String apply(Case target, Parameters parameters, Progress progress) {
        LabelMap map = target.labelMapForEditing();
        Segment half = map.addSegment("Half done", 0xff00ff);
        java.util.Arrays.fill(map.labels(), 0, map.labels().length / 2, (byte) half.label());
        throw new ArrayIndexOutOfBoundsException("index 42 out of bounds (deliberately broken test plugin)");
    }
}
