package org.twinprint.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.spi.ParameterSpec;

/**
 * Splits command-line words into positional arguments and {@code --key value} flags. A flag of a
 * boolean parameter may stand alone ({@code --largest} means true).
 */
record Flags(List<String> positional, Map<String, String> values) {

    static Flags parse(List<String> words, List<ParameterSpec> booleans) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int n = 0; n < words.size(); n++) {
            String w = words.get(n);
            if (!w.startsWith("--") || w.length() == 2) {
                positional.add(w);
                continue;
            }
            String key = w.substring(2);
            int eq = key.indexOf('=');
            if (eq > 0) {
                values.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (isBoolean(key, booleans)
                    && (n + 1 == words.size() || !words.get(n + 1).matches("(?i)true|false"))) {
                values.put(key, "true");
            } else if (n + 1 < words.size()) {
                values.put(key, words.get(++n));
            } else {
                throw new IllegalArgumentException("flag --" + key + " needs a value");
            }
        }
        return new Flags(positional, values);
    }

    private static boolean isBoolean(String key, List<ParameterSpec> specs) {
        return specs.stream().anyMatch(s -> s.key().equals(key) && s.type() == ParameterSpec.Type.BOOLEAN);
    }

    /** Removes and returns a flag that belongs to the command rather than to a service. */
    String take(String key) {
        return values.remove(key);
    }
}
