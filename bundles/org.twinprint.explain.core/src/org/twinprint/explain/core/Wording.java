package org.twinprint.explain.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words of a generated explanation in one language, from {@code messages_<lang>.properties}
 * (UTF-8) beside this class. A key missing in the language is an error, never an English fallback.
 */
public final class Wording {

    /** The languages an explanation can be written in. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private final String language;
    private final Properties texts;

    private Wording(String language, Properties texts) {
        this.language = language;
        this.texts = texts;
    }

    public static Wording of(String language) {
        return new Wording(check(language), load("messages_" + language + ".properties"));
    }

    static String check(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no explanation language '" + language + "'; there are " + LANGUAGES);
        }
        return language;
    }

    public String language() {
        return language;
    }

    /** The text of a key, its {0}, {1} ... filled in. */
    public String text(String key, Object... arguments) {
        String pattern = texts.getProperty(key);
        if (pattern == null) {
            throw new IllegalStateException("the explanation's '" + language + "' wording has no '" + key + "'");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language))
                .format(arguments);
    }

    /** Every key, for the test that both languages say everything. */
    public Set<String> keys() {
        return new TreeSet<>(texts.stringPropertyNames());
    }

    static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Wording.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the explanation bundle lacks " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        return p;
    }
}
