package org.twinprint.prediction.core;

import java.util.List;

/**
 * POSSUM (Physiological and Operative Severity Score for the enUmeration of Mortality and
 * morbidity): the published logistic equations from the physiological score (12 to 88) and the
 * operative severity score (6 to 48). Morbidity: ln(R/(1-R)) = -5.91 + 0.16 PS + 0.19 OS;
 * mortality: ln(R/(1-R)) = -7.04 + 0.13 PS + 0.16 OS.
 */
public final class Possum {

    public static final ModelCard CARD = new ModelCard("possum", "POSSUM morbidity and mortality",
            "Copeland GP, Jones D, Walters M. POSSUM: a scoring system for surgical audit. Br J Surg"
                    + " 1991;78:355-360",
            "10.1002/bjs.1800780327", "1,440 general surgical patients, Liverpool", ModelCard.Specialty.ANY,
            List.of(new ModelCard.Input("physiologicalScore", "points", 12, 88),
                    new ModelCard.Input("operativeScore", "points", 6, 48)),
            "risk of morbidity and of mortality within 30 days", "point estimate (no interval published)", "1991");

    private Possum() {
    }

    /** Risk of morbidity, 0 to 1. */
    public static double morbidity(double physiologicalScore, double operativeScore) {
        check(physiologicalScore, operativeScore);
        return logistic(-5.91 + 0.16 * physiologicalScore + 0.19 * operativeScore);
    }

    /** Risk of mortality, 0 to 1. */
    public static double mortality(double physiologicalScore, double operativeScore) {
        check(physiologicalScore, operativeScore);
        return logistic(-7.04 + 0.13 * physiologicalScore + 0.16 * operativeScore);
    }

    static double logistic(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    private static void check(double ps, double os) {
        if (!(ps >= 12 && ps <= 88) || !(os >= 6 && os <= 48)) {
            throw new IllegalArgumentException("POSSUM scores run from 12 to 88 (physiological) and 6 to 48"
                    + " (operative), not " + ps + " and " + os);
        }
    }
}
