package org.twinprint.explain.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Lay words for anatomical, segment and model names in one language: the shipped list
 * ({@code glossary_<lang>.properties}), with the case's own entries on top. A name not in it is
 * shown as it is, in lower case.
 */
public final class Glossary {

    /** The case's results key of its own glossary entries: this and the language. */
    public static final String RESULT_PREFIX = "explain.glossary:";

    private final Map<String, String> terms = new LinkedHashMap<>();

    private Glossary() {
    }

    /** The shipped list of a language, with {@code own} (name to lay word) on top. */
    public static Glossary of(String language, Map<?, ?> own) {
        Glossary g = new Glossary();
        Properties shipped = Wording.load("glossary_" + Wording.check(language) + ".properties");
        shipped.stringPropertyNames().forEach(k -> g.terms.put(k.toLowerCase(Locale.ROOT), shipped.getProperty(k)));
        if (own != null) {
            own.forEach((k, v) -> g.terms.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
        return g;
    }

    /** The lay word for a name. */
    public String lay(String name) {
        String key = name.toLowerCase(Locale.ROOT).strip();
        return terms.getOrDefault(key, key);
    }

    public Map<String, String> terms() {
        return Map.copyOf(terms);
    }
}
