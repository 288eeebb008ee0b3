package org.twinprint.examples.lab;

import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.spi.Explanation;
import org.twinprint.core.spi.ExplanationSection;
import org.twinprint.core.spi.Parameters;

/** An explanation section in plain words: which parts of the body the model shows, and how big. */
@Component(service = ExplanationSection.class)
public final class SegmentsSection implements ExplanationSection {

    @Override
    public String id() {
        return "example.segments-in-words";
    }

    @Override
    public String label() {
        return "What the model shows (example)";
    }

    @Override
    public Explanation explain(Case target, Parameters parameters) {
        LabelMap map = target.labelMap();
        if (map == null || map.segments().isEmpty()) {
            return new Explanation("What the model shows", "No part of the scan has been outlined yet.");
        }
        StringBuilder text = new StringBuilder("The model is made from your scan. It shows ");
        int n = 0;
        for (Segment s : map.segments()) {
            double ml = map.volumeMm3(s) / 1000;
            text.append(n++ == 0 ? "" : n == map.segments().size() ? " and " : ", ")
                    .append(String.format(Locale.ROOT, "the %s (about %.0f millilitres, roughly %s)",
                            s.name().toLowerCase(Locale.ROOT), ml, everyday(ml)));
        }
        return new Explanation("What the model shows", text.append('.').toString());
    }

    private static String everyday(double ml) {
        if (ml < 15) {
            return "a tablespoon";
        }
        if (ml < 300) {
            return "a cup";
        }
        if (ml < 1200) {
            return "a large bottle";
        }
        return "several bottles";
    }
}
