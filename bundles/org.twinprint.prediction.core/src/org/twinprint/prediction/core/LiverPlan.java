package org.twinprint.prediction.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A liver resection plan in the case (results key {@value #KEY}): which segments are the liver
 * and its tumours, and the variants to compare, each a set of plane markups (the part in front of
 * all of them is removed) or a painted resection segment; one variant may be marked as chosen.
 */
public record LiverPlan(String liver, List<String> tumours, List<Variant> variants, String chosen) {

    public static final String KEY = "plan.liver";
    /** The results key of the last prediction's outcomes, variant by variant. */
    public static final String OUTCOMES = "prediction.liver.variants";

    /** One way to resect: plane markups by name, or a segment (then {@code planes} is empty). */
    public record Variant(String name, List<String> planes, String segment) {
        public Variant {
            planes = List.copyOf(planes);
            if (planes.isEmpty() == (segment == null)) {
                throw new IllegalArgumentException("variant '" + name + "' is either planes or a segment");
            }
        }

        /** "NAME=Plane 1+Plane 2" or "NAME=segment:Resection", as the command line gives it. */
        public static Variant parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("a variant is NAME=PLANE[+PLANE...] or NAME=segment:SEGMENT, not '"
                        + spec + "'");
            }
            String name = spec.substring(0, eq).strip(), what = spec.substring(eq + 1).strip();
            return what.startsWith("segment:") ? new Variant(name, List.of(), what.substring(8).strip())
                    : new Variant(name, List.of(what.split("\\s*\\+\\s*")), null);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("planes", planes);
            m.put("segment", segment);
            return m;
        }
    }

    public LiverPlan {
        tumours = List.copyOf(tumours);
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one variant");
        }
        if (chosen != null && variants.stream().noneMatch(v -> v.name().equals(chosen))) {
            throw new IllegalArgumentException("the chosen variant '" + chosen + "' is not one of the plan's");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("liver", liver);
        m.put("tumours", tumours);
        m.put("variants", variants.stream().map(Variant::toMap).toList());
        m.put("chosen", chosen);
        return m;
    }

    public static LiverPlan of(Map<?, ?> m) {
        List<Variant> variants = new ArrayList<>();
        for (Object o : (List<?>) m.get("variants")) {
            Map<?, ?> v = (Map<?, ?>) o;
            variants.add(new Variant(String.valueOf(v.get("name")),
                    ((List<?>) v.get("planes")).stream().map(String::valueOf).toList(),
                    v.get("segment") == null ? null : String.valueOf(v.get("segment"))));
        }
        Object tumours = m.get("tumours");
        return new LiverPlan(String.valueOf(m.get("liver")),
                tumours == null ? List.of() : ((List<?>) tumours).stream().map(String::valueOf).toList(), variants,
                m.get("chosen") == null ? null : String.valueOf(m.get("chosen")));
    }
}
