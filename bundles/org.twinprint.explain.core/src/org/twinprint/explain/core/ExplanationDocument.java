package org.twinprint.explain.core;

import java.util.List;

/**
 * An explanation for a patient and family: its sections in order (each generated from the case,
 * then the clinician's to edit, hide or add to), in one language, and who prepared it. It names
 * no patient: exports are de-identified.
 */
public record ExplanationDocument(String language, String title, String preparedBy, String date,
        List<Section> sections) {

    /** A section: plain-language text, and ranges drawn as bars (a prediction's interval, say). */
    public record Section(String key, String title, String text, List<Bar> bars, boolean shown) {
        public Section {
            bars = List.copyOf(bars);
        }
    }

    /** A value and its interval, with the unit and the source it comes from. */
    public record Bar(String label, double value, double lower, double upper, String unit, String source) {
    }

    public ExplanationDocument {
        sections = List.copyOf(sections);
    }

    public ExplanationDocument withPreparedBy(String name) {
        return new ExplanationDocument(language, title, name == null || name.isBlank() ? null : name.strip(), date,
                sections);
    }

    public ExplanationDocument withSections(List<Section> changed) {
        return new ExplanationDocument(language, title, preparedBy, date, changed);
    }
}
