package org.twinprint.prediction.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Prediction;
import org.twinprint.core.spi.Progress;
import org.twinprint.prediction.core.LiverPlan;
import org.twinprint.prediction.core.LiverPlanPredictor;
import org.twinprint.prediction.core.PatientData;

/**
 * The liver resection plan's predictions as a catalog service: the case's patient data and plan
 * variants in, each variant's remnant, risk, margins and the models that apply out; the
 * outcomes, variant by variant, are kept in the case's results under {@link LiverPlan#OUTCOMES}.
 */
@Component(service = OutcomeModel.class)
public final class LiverResectionModel implements OutcomeModel {

    @Override
    public String id() {
        return "prediction.liver-resection";
    }

    @Override
    public String label() {
        return "Liver resection: remnant, risk and margins";
    }

    @Override
    public String description() {
        return "For each plan variant: the future liver remnant (ml, %, standardised), the liver failure risk category"
                + " at its published threshold, each tumour's margin, and POSSUM when scored; with intervals and"
                + " sources. A research tool, not a medical device.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("variant", "Variant", "", "Only this variant (all when empty)."));
    }

    @Override
    public List<Prediction> predict(Case target, Parameters parameters, Progress progress) {
        Object patient = target.results().get(PatientData.KEY), plan = target.results().get(LiverPlan.KEY);
        if (!(patient instanceof Map<?, ?> p)) {
            throw new IllegalArgumentException("the case has no patient data (height, weight, liver condition)");
        }
        if (!(plan instanceof Map<?, ?> l)) {
            throw new IllegalArgumentException("the case has no liver plan (liver segment and variants)");
        }
        LiverPlan all = LiverPlan.of(l);
        String only = parameters.string("variant");
        LiverPlan asked = all;
        if (!only.isEmpty()) {
            List<LiverPlan.Variant> one = all.variants().stream().filter(v -> v.name().equals(only)).toList();
            if (one.isEmpty()) {
                throw new IllegalArgumentException("the plan has no variant '" + only + "'; it has "
                        + all.variants().stream().map(LiverPlan.Variant::name).toList());
            }
            asked = new LiverPlan(all.liver(), all.tumours(), one, only.equals(all.chosen()) ? only : null);
        }
        List<LiverPlanPredictor.VariantOutcome> outcomes = LiverPlanPredictor.predict(target, PatientData.of(p), asked,
                progress);
        target.putResult(LiverPlan.OUTCOMES, outcomes.stream().map(LiverPlanPredictor.VariantOutcome::toMap).toList());
        List<Prediction> out = new ArrayList<>();
        for (LiverPlanPredictor.VariantOutcome o : outcomes) {
            for (Prediction x : o.predictions()) {
                out.add(new Prediction(o.variant() + ": " + x.quantity(), x.value(), x.lower(), x.upper(), x.unit(),
                        x.method()));
            }
        }
        return out;
    }
}
