package org.twinprint.prediction.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.spi.Prediction;

/** Volumetry formulas, the liver failure categories, POSSUM and the effect sizes, by hand. */
class LiverRiskTest {

    @Test
    void vautheysTotalLiverVolumeAtTheAverageBodySurface() {
        assertEquals(1397.98, LiverRemnant.estimatedTotalLiverVolumeMl(1.73), 0.01);
        // 170 cm, 70 kg: Mosteller sqrt(170 x 70 / 3600) = 1.8181 m2, Du Bois 1.8097 m2
        assertEquals(1.818119, BodySurfaceArea.MOSTELLER.squareMetres(170, 70), 1e-6);
        assertEquals(1.809708, BodySurfaceArea.DUBOIS.squareMetres(170, 70), 1e-6);
        LiverRemnant r = new LiverRemnant(500, 1696.4, 1.73);
        assertEquals(100 * 500 / 1696.4, r.percentOfLiver(), 1e-9);
        assertEquals(100 * 500 / 1397.9844, r.standardisedPercent(), 1e-9);
        assertEquals(500 / 1.73, r.mlPerSquareMetre(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> BodySurfaceArea.MOSTELLER.squareMetres(17, 70));
    }

    @Test
    void eachLiverFailureCategorySwitchesExactlyAtItsThreshold() {
        for (LiverFailureRisk.Condition c : LiverFailureRisk.Condition.values()) {
            double min = c.minimumPercent();
            assertEquals(LiverFailureRisk.Category.HIGH, LiverFailureRisk.assess(Math.nextDown(min), c).category(), c.name());
            assertTrue(LiverFailureRisk.assess(min, c).category() != LiverFailureRisk.Category.HIGH, c.name());
        }
        LiverFailureRisk.Condition normal = LiverFailureRisk.Condition.NORMAL;
        assertEquals(LiverFailureRisk.Category.BORDERLINE, LiverFailureRisk.assess(Math.nextDown(25.0), normal).category());
        assertEquals(LiverFailureRisk.Category.ADEQUATE, LiverFailureRisk.assess(25, normal).category());
        assertEquals(LiverFailureRisk.Category.ADEQUATE,
                LiverFailureRisk.assess(30, LiverFailureRisk.Condition.CHEMOTHERAPY).category());
        assertEquals(LiverFailureRisk.Category.HIGH,
                LiverFailureRisk.assess(39.9, LiverFailureRisk.Condition.FIBROSIS_OR_CIRRHOSIS).category());
        String sentence = LiverFailureRisk.assess(18, normal).sentence();
        assertTrue(sentence.contains("doi:10.1056/NEJMra065156") && sentence.contains("minimum 20 %"), sentence);
    }

    @Test
    void possumFollowsThePublishedEquations() {
        for (int ps = 12; ps <= 88; ps += 4) {
            for (int os = 6; os <= 48; os += 3) {
                double morbidity = 1 / (1 + Math.exp(5.91 - 0.16 * ps - 0.19 * os));
                double mortality = 1 / (1 + Math.exp(7.04 - 0.13 * ps - 0.16 * os));
                assertEquals(morbidity, Possum.morbidity(ps, os), 1e-9);
                assertEquals(mortality, Possum.mortality(ps, os), 1e-9);
            }
        }
        // the lowest scores give POSSUM's well-known floor: 1.08 % mortality
        assertEquals(0.0108, Possum.mortality(12, 6), 0.00005);
        assertThrows(IllegalArgumentException.class, () -> Possum.mortality(10, 6));
    }

    @Test
    void anOrthopaedicEffectIsRefusedOnALiverPlanAndGivesItsIntervalOnAnOrthopaedicOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EffectSize.ORTHOPAEDIC_TIME.apply(120, ModelCard.Specialty.LIVER_SURGERY));
        assertTrue(e.getMessage().contains("orthopaedic trauma") && e.getMessage().contains("liver surgery"),
                e.getMessage());
        Prediction p = EffectSize.ORTHOPAEDIC_TIME.apply(120, ModelCard.Specialty.ORTHOPAEDIC_TRAUMA);
        assertEquals(120 * (1 - 0.1985), p.value(), 1e-9);
        assertEquals(120 * (1 - 0.2299), p.lower(), 1e-9);
        assertEquals(120 * (1 - 0.1671), p.upper(), 1e-9);
        assertTrue(p.method().contains("doi:10.5312/wjo.v11.i1.57") && p.method().contains("not clinically validated"));
        // a planned time that is itself uncertain widens the interval; the draws centre on the estimate
        Prediction mc = EffectSize.ORTHOPAEDIC_TIME.apply(120, 15, ModelCard.Specialty.ORTHOPAEDIC_TRAUMA);
        assertTrue(mc.lower() < p.lower() - 10 && mc.upper() > p.upper() + 10, mc.toString());
        assertEquals(p.value(), (mc.lower() + mc.upper()) / 2, 1.0);
        // without its own spread, the Monte Carlo interval is the CI's
        Prediction exact = EffectSize.ORTHOPAEDIC_TIME.apply(120, 0, ModelCard.Specialty.ORTHOPAEDIC_TRAUMA);
        assertEquals(p.lower(), exact.lower(), 0.05);
        assertEquals(p.upper(), exact.upper(), 0.05);
    }

    @Test
    void aModelRefusesInputsOutsideTheRangeItWasDerivedOn() {
        assertEquals("POSSUM morbidity and mortality: physiologicalScore = 95.0 points lies outside the 12.0 to 88.0"
                + " points the model was derived on", Possum.CARD.refusal(ModelCard.Specialty.LIVER_SURGERY,
                        Map.of("physiologicalScore", 95.0, "operativeScore", 20.0)).orElseThrow());
        assertTrue(Possum.CARD.refusal(ModelCard.Specialty.LIVER_SURGERY,
                Map.of("physiologicalScore", 30.0, "operativeScore", 20.0)).isEmpty());
    }
}
