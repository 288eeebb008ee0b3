package org.twinprint.prediction.core;

import java.util.List;
import java.util.Locale;

/**
 * The risk of post-hepatectomy liver failure (PHLF) as a category: the standardised future liver
 * remnant against the smallest remnant published as safe for the liver's condition. A rule with
 * thresholds, not a fitted model: its "interval" is the category's band of sFLR.
 */
public final class LiverFailureRisk {

    /** The condition of the liver parenchyma, which sets the smallest safe remnant. */
    public enum Condition {
        /** Healthy parenchyma: at least 20 % (25 % to be clear of the borderline band). */
        NORMAL(20, 25),
        /** More than three months of chemotherapy: at least 30 %. */
        CHEMOTHERAPY(30, 30),
        /** Fibrosis or cirrhosis: at least 40 %. */
        FIBROSIS_OR_CIRRHOSIS(40, 40);

        private final double minimumPercent;
        private final double clearPercent;

        Condition(double minimumPercent, double clearPercent) {
            this.minimumPercent = minimumPercent;
            this.clearPercent = clearPercent;
        }

        public double minimumPercent() {
            return minimumPercent;
        }
    }

    /** The category; {@code HIGH} below the minimum, {@code BORDERLINE} up to the clear threshold. */
    public enum Category {
        ADEQUATE, BORDERLINE, HIGH
    }

    /** The category, the threshold it was judged against and where that threshold comes from. */
    public record Assessment(Category category, double sflrPercent, Condition condition, double thresholdPercent,
            String source) {

        public String sentence() {
            return String.format(Locale.ROOT, "standardised FLR %.1f %% with a %s liver: %s (minimum %.0f %%; %s)",
                    sflrPercent, condition.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    switch (category) {
                    case ADEQUATE -> "adequate remnant";
                    case BORDERLINE -> "borderline remnant";
                    case HIGH -> "remnant below the published minimum: high risk of liver failure";
                    }, thresholdPercent, source);
        }
    }

    /** The consensus the three thresholds are taken from, and the study behind the 20 % for a normal liver. */
    public static final ModelCard CARD = new ModelCard("phlf.flr-thresholds",
            "Liver failure risk from the standardised future liver remnant",
            "Clavien PA, Petrowsky H, DeOliveira ML, Graf R. Strategies for safer liver surgery and partial liver"
                    + " transplantation. N Engl J Med 2007;356:1545-1559; Kishi Y, Abdalla EK, Chun YS, et al. Three"
                    + " hundred and one consecutive extended right hepatectomies: evaluation of outcome based on"
                    + " systematic liver volumetry. Ann Surg 2009;250:540-548",
            "10.1056/NEJMra065156", "adults having major hepatectomy", ModelCard.Specialty.LIVER_SURGERY,
            List.of(new ModelCard.Input("sflrPercent", "%", 0, 100)), "PHLF risk category",
            "category (the band of sFLR it covers)", "2007/2009");

    private LiverFailureRisk() {
    }

    public static Assessment assess(double sflrPercent, Condition condition) {
        if (!(sflrPercent >= 0) || !Double.isFinite(sflrPercent)) {
            throw new IllegalArgumentException("a standardised FLR of " + sflrPercent + " %");
        }
        Category c = sflrPercent < condition.minimumPercent ? Category.HIGH
                : sflrPercent < condition.clearPercent ? Category.BORDERLINE : Category.ADEQUATE;
        double threshold = c == Category.HIGH || condition.clearPercent == condition.minimumPercent
                ? condition.minimumPercent : condition.clearPercent;
        return new Assessment(c, sflrPercent, condition, threshold, CARD.source());
    }
}
