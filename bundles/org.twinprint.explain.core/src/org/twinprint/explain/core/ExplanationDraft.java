package org.twinprint.explain.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Segment;
import org.twinprint.core.spi.Prediction;

/**
 * The built-in sections of an explanation, written from the case in plain words: the anatomy
 * (segments under lay names, with sizes), the planned operation (cut planes, implants, guides),
 * the 3D model, what we expect (each prediction with its range and source), risks, next steps.
 */
public final class ExplanationDraft {

    private ExplanationDraft() {
    }

    public static ExplanationDocument of(Case c, String language, String preparedBy) {
        Wording w = Wording.of(language);
        Glossary g = Glossary.of(language, c.results().get(Glossary.RESULT_PREFIX + language) instanceof Map<?, ?> m
                ? m : null);
        String date = LocalDate.now().toString();
        List<ExplanationDocument.Section> sections = new ArrayList<>();
        sections.add(section("anatomy", w.text("anatomy.title"), anatomy(c, w, g)));
        sections.add(section("operation", w.text("operation.title"), operation(c, w, g)));
        sections.add(section("model", w.text("model.title"), c.meshes().isEmpty() ? w.text("model.none")
                : w.text("model.text")));
        List<ExplanationDocument.Bar> bars = predictions(c);
        StringBuilder expect = new StringBuilder();
        for (ExplanationDocument.Bar b : bars) {
            expect.append(w.text("expect.item", b.label(), number(b.value(), language), number(b.lower(), language),
                    number(b.upper(), language), b.unit(), b.source())).append(' ');
        }
        expect.append(bars.isEmpty() ? w.text("expect.none") : w.text("expect.caution"));
        sections.add(new ExplanationDocument.Section("expect", w.text("expect.title"), expect.toString().strip(), bars,
                true));
        sections.add(section("risks", w.text("risks.title"), w.text("risks.text")));
        sections.add(section("next", w.text("next.title"), w.text("next.text")));
        String by = preparedBy == null || preparedBy.isBlank() ? null : preparedBy.strip();
        return new ExplanationDocument(language, w.text("title"), by, date, sections);
    }

    /** The case's meshes under their lay names, as the page's parts list shows them. */
    public static List<Mesh> layMeshes(Case c, String language) {
        Glossary g = Glossary.of(language, c.results().get(Glossary.RESULT_PREFIX + language) instanceof Map<?, ?> m
                ? m : null);
        List<Mesh> out = new ArrayList<>();
        for (Mesh m : c.meshes()) {
            String lay = g.lay(m.name());
            out.add(m.withName(lay.isEmpty() ? m.name() : Character.toUpperCase(lay.charAt(0)) + lay.substring(1)));
        }
        return out;
    }

    private static ExplanationDocument.Section section(String key, String title, String text) {
        return new ExplanationDocument.Section(key, title, text, List.of(), true);
    }

    private static String anatomy(Case c, Wording w, Glossary g) {
        LabelMap map = c.labelMap();
        if (map == null || map.segments().isEmpty()) {
            return w.text("anatomy.none");
        }
        List<String> items = new ArrayList<>();
        for (Segment s : map.segments()) {
            items.add(w.text("anatomy.item", g.lay(s.name()), number(map.volumeMm3(s) / 1000, w.language())));
        }
        return w.text("anatomy.intro") + " " + String.join("; ", items) + ".";
    }

    private static String operation(Case c, Wording w, Glossary g) {
        List<String> cuts = c.markups().stream().filter(m -> m.type() == Markup.Type.PLANE).map(Markup::name).toList();
        List<String> parts = new ArrayList<>();
        for (Mesh m : c.meshes()) {
            String lower = m.name().toLowerCase(Locale.ROOT);
            if (lower.contains("implant") || lower.contains("guide") || lower.contains("plate")) {
                parts.add(g.lay(m.name()));
            }
        }
        if (cuts.isEmpty() && parts.isEmpty()) {
            return w.text("operation.none");
        }
        StringBuilder b = new StringBuilder();
        if (!cuts.isEmpty()) {
            b.append(w.text("operation.cuts", cuts.size(), String.join(", ", cuts)));
        }
        if (!parts.isEmpty()) {
            b.append(b.isEmpty() ? "" : " ").append(w.text("operation.parts", String.join(", ", parts)));
        }
        return b.toString();
    }

    /** The case's predictions (as made, or as read back from a case file), each with its interval. */
    static List<ExplanationDocument.Bar> predictions(Case c) {
        List<ExplanationDocument.Bar> out = new ArrayList<>();
        c.results().forEach((key, value) -> {
            if (key.startsWith("prediction:") && value instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Prediction p) {
                        out.add(new ExplanationDocument.Bar(p.quantity(), p.value(), p.lower(), p.upper(), p.unit(),
                                p.method()));
                    } else if (o instanceof Map<?, ?> m && m.get("value") instanceof Number v
                            && m.get("lower") instanceof Number lo && m.get("upper") instanceof Number hi) {
                        out.add(new ExplanationDocument.Bar(String.valueOf(m.get("quantity")), v.doubleValue(),
                                lo.doubleValue(), hi.doubleValue(), String.valueOf(m.get("unit")),
                                String.valueOf(m.get("method"))));
                    }
                }
            }
        });
        return out;
    }

    /** A number as a patient reads it: two significant figures at most, in the language's format. */
    static String number(double v, String language) {
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%,.0f" : a >= 10 ? "%.0f" : a >= 1 ? "%.1f" : "%.2f";
        double shown = a >= 100 ? Math.round(v / Math.pow(10, Math.floor(Math.log10(a)) - 1))
                * Math.pow(10, Math.floor(Math.log10(a)) - 1) : v;
        return String.format(Locale.forLanguageTag(language), pattern, shown);
    }
}
