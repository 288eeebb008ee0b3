package org.twinprint.prediction.core;

/**
 * The future liver remnant (FLR) after a resection, in ml and as shares: of the measured liver,
 * and standardised, of the total liver volume expected for the patient's body surface area
 * (Vauthey: TLV = -794.41 + 1267.28 × BSA, cm³), and per m² of body surface.
 *
 * @param remnantMl the liver (tumours excluded) that stays
 * @param liverMl the whole liver measured (tumours excluded)
 * @param bsaSquareMetres the patient's body surface area
 */
public record LiverRemnant(double remnantMl, double liverMl, double bsaSquareMetres) {

    /** Vauthey JN et al., Liver Transpl 2002;8:233-240. */
    public static final ModelCard TLV_CARD = new ModelCard("tlv.vauthey", "Total liver volume from body surface area",
            "Vauthey JN, Abdalla EK, Doherty DA, et al. Body surface area and body weight predict total liver volume"
                    + " in Western adults. Liver Transpl 2002;8:233-240",
            "10.1053/jlts.2002.31654", "292 adults in Western countries, liver volumes by CT",
            ModelCard.Specialty.LIVER_SURGERY, java.util.List.of(new ModelCard.Input("bsa", "m2", 1.2, 2.8)),
            "estimated total liver volume (cm3)", "point estimate (the formula's own)", "2002");

    public LiverRemnant {
        if (!(remnantMl >= 0 && remnantMl <= liverMl) || !(liverMl > 0)) {
            throw new IllegalArgumentException("a remnant of " + remnantMl + " ml of a " + liverMl + " ml liver");
        }
    }

    /** The total liver volume expected for a body surface area, cm³ (= ml). */
    public static double estimatedTotalLiverVolumeMl(double bsaSquareMetres) {
        return -794.41 + 1267.28 * bsaSquareMetres;
    }

    /** The remnant as a share of the measured liver, %. */
    public double percentOfLiver() {
        return 100 * remnantMl / liverMl;
    }

    /** The standardised FLR: the remnant as a share of the expected total liver volume, %. */
    public double standardisedPercent() {
        return 100 * remnantMl / estimatedTotalLiverVolumeMl(bsaSquareMetres);
    }

    /** The remnant per m² of body surface, ml/m². */
    public double mlPerSquareMetre() {
        return remnantMl / bsaSquareMetres;
    }
}
