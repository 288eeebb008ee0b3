package org.twinprint.prediction.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Segment;
import org.twinprint.core.spi.Prediction;
import org.twinprint.core.spi.Progress;

/**
 * What each variant of a liver resection plan predicts: the future liver remnant (ml, % of the
 * parenchyma, standardised), the liver failure category, each tumour's margin, POSSUM when its
 * scores are given, and the effect-size models that apply to the plan's specialty; those that do
 * not are listed with the reason. Every number carries its interval and source.
 */
public final class LiverPlanPredictor {

    private static final String NOT_VALIDATED = "research estimate, not clinically validated";

    /** One variant's outcome: its volumes, its risk category, its predictions and what was not applied. */
    public record VariantOutcome(String variant, boolean chosen, LiverVolumetry.Result volumes,
            LiverFailureRisk.Assessment risk, List<Prediction> predictions, List<String> notApplied) {

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", variant);
            m.put("chosen", chosen);
            m.put("riskCategory", risk.category().name().toLowerCase(Locale.ROOT));
            m.put("risk", risk.sentence());
            m.put("predictions", predictions);
            m.put("notApplied", notApplied);
            return m;
        }
    }

    private LiverPlanPredictor() {
    }

    public static List<VariantOutcome> predict(Case c, PatientData patient, LiverPlan plan, Progress progress) {
        LabelMap map = c.labelMap();
        if (map == null) {
            throw new IllegalArgumentException("the case has no segments: a liver plan needs the liver's");
        }
        Geometry g = map.geometry();
        boolean[] liver = mask(map, plan.liver());
        List<boolean[]> tumours = new ArrayList<>();
        for (String t : plan.tumours()) {
            tumours.add(mask(map, t));
        }
        progress.begin("Predicting " + plan.variants().size() + " plan variants", plan.variants().size());
        List<VariantOutcome> out = new ArrayList<>();
        for (LiverPlan.Variant v : plan.variants()) {
            progress.checkCanceled();
            boolean[] removed = v.segment() != null ? mask(map, v.segment()) : Resection.byPlanes(planes(c, v), g);
            LiverVolumetry.Result r = LiverVolumetry.of(liver, plan.tumours(), tumours, removed, g);
            out.add(outcome(v, v.name().equals(plan.chosen()), r, patient));
            progress.worked(1);
        }
        return out;
    }

    private static VariantOutcome outcome(LiverPlan.Variant v, boolean chosen, LiverVolumetry.Result r,
            PatientData p) {
        double bsa = p.bsa(), tlv = LiverRemnant.estimatedTotalLiverVolumeMl(bsa);
        LiverRemnant remnant = new LiverRemnant(r.remnantMl(), r.parenchymaMl(), bsa);
        List<Prediction> predictions = new ArrayList<>();
        String cut = "voxels of liver parenchyma (tumours excluded) kept by variant '" + v.name() + "'; interval: half"
                + " the voxels along the cut either way";
        predictions.add(new Prediction("future liver remnant", r.remnantMl(), r.remnantLowMl(), r.remnantHighMl(), "ml",
                cut));
        predictions.add(new Prediction("future liver remnant, share of the parenchyma", remnant.percentOfLiver(),
                100 * r.remnantLowMl() / r.parenchymaMl(), 100 * r.remnantHighMl() / r.parenchymaMl(), "%", cut));
        predictions.add(new Prediction("standardised future liver remnant", remnant.standardisedPercent(),
                100 * r.remnantLowMl() / tlv, 100 * r.remnantHighMl() / tlv, "%", String.format(Locale.ROOT,
                        "remnant / estimated total liver volume %.1f ml (BSA %.2f m2, %s); %s; interval: the cut's voxels"
                                + " only, not the formula's own scatter; %s", tlv, bsa, PatientData.name(p.bsaFormula()),
                        LiverRemnant.TLV_CARD.source(), NOT_VALIDATED)));
        predictions.add(new Prediction("future liver remnant per body surface", remnant.mlPerSquareMetre(),
                r.remnantLowMl() / bsa, r.remnantHighMl() / bsa, "ml/m2", cut));
        for (LiverVolumetry.Margin m : r.margins()) {
            predictions.add(new Prediction("margin of " + m.tumour() + " (" + m.side().name().toLowerCase(Locale.ROOT)
                    + ")", m.marginMm(), Math.max(0, m.marginMm() - r.voxelDiagonalMm() / 2),
                    m.marginMm() + r.voxelDiagonalMm() / 2, "mm", "smallest distance from the tumour's voxels to the"
                            + " resection surface; interval: half a voxel diagonal"));
        }
        List<String> notApplied = new ArrayList<>();
        if (p.possumPhysiological() != null && p.possumOperative() != null) {
            Map<String, Double> scores = Map.of("physiologicalScore", (double) p.possumPhysiological(), "operativeScore",
                    (double) p.possumOperative());
            var refusal = Possum.CARD.refusal(p.specialty(), scores);
            if (refusal.isPresent()) {
                notApplied.add(refusal.get());
            } else {
                double morbidity = 100 * Possum.morbidity(p.possumPhysiological(), p.possumOperative());
                double mortality = 100 * Possum.mortality(p.possumPhysiological(), p.possumOperative());
                String how = "POSSUM equations; no interval published, so the interval is the point; "
                        + Possum.CARD.source() + "; " + NOT_VALIDATED;
                predictions.add(new Prediction("POSSUM morbidity", morbidity, morbidity, morbidity, "%", how));
                predictions.add(new Prediction("POSSUM mortality", mortality, mortality, mortality, "%", how));
            }
        }
        for (EffectSize e : EffectSize.all()) {
            var refusal = e.card().refusal(p.specialty(), Map.of());
            if (refusal.isPresent()) {
                notApplied.add(refusal.get());
            } else if (p.plannedMinutes() != null && e.quantity().equals("operating time")) {
                predictions.add(p.plannedMinutesSd() == null ? e.apply(p.plannedMinutes(), p.specialty())
                        : e.apply(p.plannedMinutes(), p.plannedMinutesSd(), p.specialty()));
            }
        }
        return new VariantOutcome(v.name(), chosen, r, LiverFailureRisk.assess(remnant.standardisedPercent(),
                p.liverCondition()), predictions, notApplied);
    }

    private static List<Resection.Plane> planes(Case c, LiverPlan.Variant v) {
        List<Resection.Plane> out = new ArrayList<>();
        for (String name : v.planes()) {
            Markup m = c.markups().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("variant '" + v.name() + "': the case has no markup '" + name
                            + "'"));
            if (m.type() != Markup.Type.PLANE) {
                throw new IllegalArgumentException("variant '" + v.name() + "': '" + name + "' is not a plane");
            }
            out.add(new Resection.Plane(m.points().get(0).position(), m.unitNormal()));
        }
        return out;
    }

    private static boolean[] mask(LabelMap map, String name) {
        return map.mask(map.segment(name).orElseThrow(() -> new IllegalArgumentException(
                "the case has no segment '" + name + "'; it has " + map.segments().stream().map(Segment::name).toList())));
    }
}
