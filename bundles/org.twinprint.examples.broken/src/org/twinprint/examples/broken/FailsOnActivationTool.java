package org.twinprint.examples.broken;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/** A tool whose component throws while Declarative Services activates it. */
@Component(service = SegmentationTool.class, immediate = true)
public final class FailsOnActivationTool implements SegmentationTool {

    @Activate
    void activate() {
        throw new IllegalStateException("calibration table not found (deliberately broken test plugin)");
    }

    @Override
    public String id() {
        return "broken.on-activation";
    }

    @Override
    public String label() {
        return "Broken on activation";
    }

    @Override
    public String apply(Case target, Parameters parameters, Progress progress) {
        return "never runs";
    }
}
