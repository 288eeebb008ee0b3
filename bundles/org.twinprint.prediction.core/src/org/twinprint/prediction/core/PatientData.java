package org.twinprint.prediction.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The few facts about the patient the models need, kept in the case (results key
 * {@value #KEY}): height and weight (for the body surface area, by the formula chosen), the
 * liver's condition, the specialty of the operation, and optionally the planned operating time
 * and the POSSUM scores. Null means not given.
 */
public record PatientData(double heightCm, double weightKg, BodySurfaceArea bsaFormula,
        LiverFailureRisk.Condition liverCondition, ModelCard.Specialty specialty, Double plannedMinutes,
        Double plannedMinutesSd, Integer possumPhysiological, Integer possumOperative) {

    public static final String KEY = "patient";

    public PatientData {
        bsaFormula.squareMetres(heightCm, weightKg); // refuses what cannot be a patient
    }

    public double bsa() {
        return bsaFormula.squareMetres(heightCm, weightKg);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heightCm", heightCm);
        m.put("weightKg", weightKg);
        m.put("bsaFormula", name(bsaFormula));
        m.put("liverCondition", name(liverCondition));
        m.put("specialty", name(specialty));
        m.put("plannedMinutes", plannedMinutes);
        m.put("plannedMinutesSd", plannedMinutesSd);
        m.put("possumPhysiological", possumPhysiological);
        m.put("possumOperative", possumOperative);
        return m;
    }

    /** From a case's results (numbers may come back as any Number, names in either case). */
    public static PatientData of(Map<?, ?> m) {
        return new PatientData(number(m, "heightCm"), number(m, "weightKg"),
                enumOf(BodySurfaceArea.class, m.get("bsaFormula"), BodySurfaceArea.MOSTELLER),
                enumOf(LiverFailureRisk.Condition.class, m.get("liverCondition"), LiverFailureRisk.Condition.NORMAL),
                enumOf(ModelCard.Specialty.class, m.get("specialty"), ModelCard.Specialty.LIVER_SURGERY),
                optional(m, "plannedMinutes"), optional(m, "plannedMinutesSd"), integer(m, "possumPhysiological"),
                integer(m, "possumOperative"));
    }

    /** "fibrosis-or-cirrhosis" for FIBROSIS_OR_CIRRHOSIS: how the CLI and the case file write them. */
    public static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, Object value, E fallback) {
        if (value == null) {
            return fallback;
        }
        String v = value.toString().strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            known.append(known.length() == 0 ? "" : ", ").append(name(e));
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + known);
    }

    private static double number(Map<?, ?> m, String key) {
        Double v = optional(m, key);
        if (v == null) {
            throw new IllegalArgumentException("the patient's " + key + " is missing");
        }
        return v;
    }

    private static Double optional(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        try {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the patient's " + key + " is not a number: " + v);
        }
    }

    private static Integer integer(Map<?, ?> m, String key) {
        Double v = optional(m, key);
        return v == null ? null : (int) Math.round(v);
    }
}
