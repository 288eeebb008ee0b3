package org.twinprint.examples.lab;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Prediction;
import org.twinprint.core.spi.Progress;

/**
 * An example outcome model, for showing how a lab plugs one in: it scales a planned operating
 * time by the pooled effect reported for 3D-printed models in orthopaedic meta-analyses (about
 * 20 % shorter). It says so in its method text; it is not a validated clinical model.
 */
@Component(service = OutcomeModel.class)
public final class OperatingTimeModel implements OutcomeModel {

    @Override
    public String id() {
        return "example.operating-time";
    }

    @Override
    public String label() {
        return "Operating time with a printed model (example)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number("planned", "Planned time", 120, 1, 1440, "min", "Operating time without a model."),
                ParameterSpec.number("reduction", "Reduction", 20, 0, 90, "%", "Pooled relative reduction."),
                ParameterSpec.number("spread", "Spread", 10, 0, 90, "%", "Half-width of the range, in points."));
    }

    @Override
    public List<Prediction> predict(Case target, Parameters p, Progress progress) {
        double planned = p.number("planned");
        double reduction = p.number("reduction") / 100;
        double spread = p.number("spread") / 100;
        double expected = planned * (1 - reduction);
        return List.of(new Prediction("operating time", expected, planned * (1 - reduction - spread),
                Math.min(planned, planned * (1 - reduction + spread)), "min",
                "planned time scaled by a pooled meta-analysis effect; an example, not a validated model"));
    }
}
