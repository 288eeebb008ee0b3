package org.twinprint.prediction.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.random.MersenneTwister;
import org.twinprint.core.spi.Prediction;

/**
 * A published effect of using a 3D-printed model, with its 95 % confidence interval, turning a
 * planned quantity (operating time, blood loss) into a predicted range. The effect is a relative
 * change in % ({@code -19.85} means 19.85 % less).
 */
public record EffectSize(ModelCard card, String quantity, String unit, double percent, double lowerPercent,
        double upperPercent) {

    private static final String MORGAN = "Morgan C, Khatri C, Hanna SA, Ashrafian H, Sarraf KM. Use of"
            + " three-dimensional printing in preoperative planning in orthopaedic trauma surgery: a systematic review"
            + " and meta-analysis. World J Orthop 2020;11(1):57-67";

    /** Orthopaedic trauma: operating time -19.85 % (-22.99 to -16.71). */
    public static final EffectSize ORTHOPAEDIC_TIME = new EffectSize(card("effect.ortho-trauma.time",
            "Operating time with a 3D-printed model, orthopaedic trauma", "operating time"), "operating time", "min",
            -19.85, -22.99, -16.71);
    /** Orthopaedic trauma: blood loss -25.73 % (-31.07 to -20.40). */
    public static final EffectSize ORTHOPAEDIC_BLOOD_LOSS = new EffectSize(card("effect.ortho-trauma.blood",
            "Blood loss with a 3D-printed model, orthopaedic trauma", "blood loss"), "blood loss", "ml", -25.73,
            -31.07, -20.40);

    /** Draws for the Monte Carlo propagation: the 2.5th and 97.5th percentiles move by < 0.1 % between seeds. */
    private static final int DRAWS = 200_000;

    public EffectSize {
        if (!(lowerPercent <= percent && percent <= upperPercent)) {
            throw new IllegalArgumentException(card.id() + ": the estimate lies outside its interval");
        }
    }

    public static List<EffectSize> all() {
        return List.of(ORTHOPAEDIC_TIME, ORTHOPAEDIC_BLOOD_LOSS);
    }

    /**
     * The planned value with the effect: the estimate, and the interval of the effect's 95 % CI.
     * Refused (IllegalArgumentException, with the reason) outside the model's specialty.
     */
    public Prediction apply(double planned, ModelCard.Specialty plan) {
        refuseOutside(plan);
        return new Prediction(quantity + " with a 3D-printed model", planned * (1 + percent / 100),
                planned * (1 + lowerPercent / 100), planned * (1 + upperPercent / 100), unit,
                String.format(Locale.ROOT, "planned %.1f %s changed by %.2f %% (95 %% CI %.2f to %.2f); %s;"
                        + " research estimate, not clinically validated", planned, unit, percent, lowerPercent,
                        upperPercent, card.source()));
    }

    /**
     * The planned value, itself uncertain (normal, its own standard deviation), with the effect: both
     * drawn together (Monte Carlo, the effect normal on the % scale with the CI's spread, fixed seed),
     * the 2.5th to 97.5th percentile of their product as the 95 % interval.
     */
    public Prediction apply(double planned, double plannedSd, ModelCard.Specialty plan) {
        refuseOutside(plan);
        double se = (upperPercent - lowerPercent) / (2 * 1.959964);
        MersenneTwister random = new MersenneTwister(20261207L);
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            double base = planned + plannedSd * random.nextGaussian();
            draws[i] = base * (1 + (percent + se * random.nextGaussian()) / 100);
        }
        Arrays.sort(draws);
        return new Prediction(quantity + " with a 3D-printed model", planned * (1 + percent / 100),
                draws[(int) (0.025 * (DRAWS - 1))], draws[(int) (0.975 * (DRAWS - 1))], unit,
                String.format(Locale.ROOT, "planned %.1f ± %.1f %s (normal) and the effect %.2f %% (95 %% CI %.2f to"
                        + " %.2f, normal) drawn together %d times, 2.5th to 97.5th percentile; %s; research estimate,"
                        + " not clinically validated", planned, plannedSd, unit, percent, lowerPercent, upperPercent,
                        DRAWS, card.source()));
    }

    private void refuseOutside(ModelCard.Specialty plan) {
        card.refusal(plan, Map.of()).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }

    private static ModelCard card(String id, String title, String output) {
        return new ModelCard(id, title, MORGAN, "10.5312/wjo.v11.i1.57",
                "meta-analysis of studies of orthopaedic trauma surgery planned with and without 3D-printed models",
                ModelCard.Specialty.ORTHOPAEDIC_TRAUMA, List.of(), output + " relative to planning without a model",
                "95 % confidence interval of the pooled effect", "2020");
    }
}
