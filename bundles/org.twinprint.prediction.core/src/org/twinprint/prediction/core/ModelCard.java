package org.twinprint.prediction.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an outcome model is and where it may be used: its source (a citation with its DOI), the
 * population it came from, the specialty and operation it applies to, its inputs with units and
 * valid ranges, what it predicts with which interval, and its version. A model refuses a case
 * outside that scope, with the reason, rather than extrapolate.
 */
public record ModelCard(String id, String title, String citation, String doi, String population, Specialty specialty,
        List<Input> inputs, String output, String interval, String version) {

    /** The surgical field a model was derived in; {@link #ANY} for a general model. */
    public enum Specialty {
        ANY, LIVER_SURGERY, ORTHOPAEDIC_TRAUMA, ACETABULAR_FRACTURE, GENERAL_SURGERY
    }

    /** An input with its unit and the range the model's data covered. */
    public record Input(String name, String unit, double min, double max) {
    }

    public ModelCard {
        Objects.requireNonNull(citation, "every model names its source");
        if (citation.isBlank()) {
            throw new IllegalArgumentException(id + ": a model needs its source");
        }
        inputs = List.copyOf(inputs);
    }

    /**
     * Why this model must not be used on a plan of that specialty with those inputs; empty when
     * it may. An input the model needs and the case lacks is a reason too.
     */
    public Optional<String> refusal(Specialty plan, Map<String, Double> values) {
        if (specialty != Specialty.ANY && specialty != plan) {
            return Optional.of(title + " was derived in " + label(specialty) + " and is not applied to "
                    + label(plan) + " (" + citation + ")");
        }
        for (Input in : inputs) {
            Double v = values.get(in.name());
            if (v == null) {
                return Optional.of(title + " needs " + in.name() + " (" + in.unit() + ")");
            }
            if (!(v >= in.min() && v <= in.max())) {
                return Optional.of(String.format(java.util.Locale.ROOT, "%s: %s = %s %s lies outside the %s to %s %s"
                        + " the model was derived on", title, in.name(), v, in.unit(), in.min(), in.max(), in.unit()));
            }
        }
        return Optional.empty();
    }

    /** "Copeland 1991 (doi:10.1002/bjs.1800780327)": how a prediction names its source. */
    public String source() {
        return doi == null || doi.isBlank() ? citation : citation + " (doi:" + doi + ")";
    }

    private static String label(Specialty s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
