package org.twinprint.explain.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.twinprint.core.model.Case;

/**
 * An explanation as the clinician composed it, kept in the case's results (key
 * {@code explain.composition:<lang>}) as plain maps and lists, so the case file saves it and the
 * command line exports what the workbench composed.
 */
public final class ExplanationStore {

    /** The results key of a language's composition is this and the language. */
    public static final String RESULT_PREFIX = "explain.composition:";

    private ExplanationStore() {
    }

    public static void save(Case c, ExplanationDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", doc.title());
        m.put("preparedBy", doc.preparedBy() == null ? "" : doc.preparedBy());
        List<Object> sections = new ArrayList<>();
        for (ExplanationDocument.Section s : doc.sections()) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("key", s.key());
            section.put("title", s.title());
            section.put("text", s.text());
            section.put("shown", s.shown());
            List<Object> bars = new ArrayList<>();
            for (ExplanationDocument.Bar b : s.bars()) {
                bars.add(new LinkedHashMap<>(Map.of("label", b.label(), "value", b.value(), "lower", b.lower(), "upper",
                        b.upper(), "unit", b.unit(), "source", b.source())));
            }
            section.put("bars", bars);
            sections.add(section);
        }
        m.put("sections", sections);
        c.putResult(RESULT_PREFIX + doc.language(), m);
    }

    /** The composition kept in the case for the language, if any; dated today. */
    public static Optional<ExplanationDocument> of(Case c, String language) {
        if (!(c.results().get(RESULT_PREFIX + Wording.check(language)) instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        List<ExplanationDocument.Section> sections = new ArrayList<>();
        for (Object o : (List<?>) m.get("sections")) {
            Map<?, ?> s = (Map<?, ?>) o;
            List<ExplanationDocument.Bar> bars = new ArrayList<>();
            for (Object b : s.get("bars") instanceof List<?> l ? l : List.of()) {
                Map<?, ?> bar = (Map<?, ?>) b;
                bars.add(new ExplanationDocument.Bar(String.valueOf(bar.get("label")), number(bar.get("value")),
                        number(bar.get("lower")), number(bar.get("upper")), String.valueOf(bar.get("unit")),
                        String.valueOf(bar.get("source"))));
            }
            sections.add(new ExplanationDocument.Section(String.valueOf(s.get("key")), String.valueOf(s.get("title")),
                    String.valueOf(s.get("text")), bars, !Boolean.FALSE.equals(s.get("shown"))));
        }
        String by = String.valueOf(m.get("preparedBy"));
        return Optional.of(new ExplanationDocument(language, String.valueOf(m.get("title")), by.isBlank() ? null : by,
                java.time.LocalDate.now().toString(), sections));
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(o));
    }
}
