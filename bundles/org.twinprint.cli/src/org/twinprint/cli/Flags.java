package org.twinprint.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.spi.BadParameterException;
import org.twinprint.core.spi.ParameterSpec;

/**
 * Splits command-line words into positional arguments and {@code --key value} flags. A flag of a
 * boolean parameter may stand alone ({@code --largest} means true). A flag given twice is wrong
 * usage, unless the command takes it repeated ({@link #takeAll}): a second value never silently
 * replaces the first.
 */
record Flags(List<String> positional, Map<String, String> values, Map<String, List<String>> repeated) {

    static Flags parse(List<String> words, List<ParameterSpec> booleans) {
        return parse(words, booleans, java.util.Set.of());
    }

    static Flags parse(List<String> words, List<ParameterSpec> booleans, java.util.Set<String> repeatable) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public String put(String key, String value) {
                if (containsKey(key) && !repeatable.contains(key)) {
                    throw new BadParameterException("flag --" + key + " is given twice");
                }
                return super.put(key, value);
            }
        };
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        for (int n = 0; n < words.size(); n++) {
            String w = words.get(n);
            if (!w.startsWith("--") || w.length() == 2) {
                positional.add(w);
                continue;
            }
            String key = w.substring(2);
            int eq = key.indexOf('=');
            String value;
            if (eq > 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (isBoolean(key, booleans)
                    && (n + 1 == words.size() || !words.get(n + 1).matches("(?i)true|false"))) {
                value = "true";
            } else if (n + 1 < words.size()) {
                value = words.get(++n);
            } else {
                throw new BadParameterException("flag --" + key + " needs a value");
            }
            values.put(key, value);
            repeated.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return new Flags(positional, values, repeated);
    }

    /** Removes and returns every value of a flag the command takes repeated, in order. */
    List<String> takeAll(String key) {
        values.remove(key);
        List<String> all = repeated.remove(key);
        return all == null ? List.of() : all;
    }

    private static boolean isBoolean(String key, List<ParameterSpec> specs) {
        return specs.stream().anyMatch(s -> s.key().equals(key) && s.type() == ParameterSpec.Type.BOOLEAN);
    }

    /** Removes and returns a flag that belongs to the command rather than to a service. */
    String take(String key) {
        return values.remove(key);
    }
}
