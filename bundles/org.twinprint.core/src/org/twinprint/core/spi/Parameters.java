package org.twinprint.core.spi;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validated parameter values of one service call, with defaults filled in. */
public final class Parameters {

    private final Map<String, String> values;

    private Parameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Checks raw values (from a form or from {@code --key value} flags) against the specs:
     * unknown keys, missing required values and bad values are errors that name the parameter.
     */
    public static Parameters of(List<ParameterSpec> specs, Map<String, String> raw) {
        Map<String, ParameterSpec> byKey = new LinkedHashMap<>();
        specs.forEach(s -> byKey.put(s.key(), s));
        for (String key : raw.keySet()) {
            if (!byKey.containsKey(key)) {
                throw new BadParameterException("unknown parameter --" + key + "; known: "
                        + (byKey.isEmpty() ? "none" : "--" + String.join(", --", byKey.keySet())));
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpec spec : specs) {
            String v = raw.get(spec.key());
            if (v == null) {
                if (spec.required()) {
                    throw new BadParameterException("parameter --" + spec.key() + " is required: " + spec.help());
                }
                v = spec.defaultValue();
            }
            values.put(spec.key(), spec.validate(v));
        }
        return new Parameters(values);
    }

    /**
     * The values of one call of {@code service}: each choice's implied values (see
     * {@link TwinPrintService#impliedBy}) fill the parameters the user left out, then
     * {@link #of(List, Map)} checks them all. The result holds what will run.
     */
    public static Parameters of(TwinPrintService service, Map<String, String> raw) {
        List<ParameterSpec> specs = service.parameters();
        Map<String, String> merged = new LinkedHashMap<>(raw);
        for (ParameterSpec spec : specs) {
            if (spec.type() == ParameterSpec.Type.CHOICE) {
                String chosen = raw.getOrDefault(spec.key(), spec.defaultValue());
                if (chosen != null) {
                    service.impliedBy(spec.key(), chosen).forEach(merged::putIfAbsent);
                }
            }
        }
        return of(specs, merged);
    }

    public static Parameters defaults(List<ParameterSpec> specs) {
        return of(specs, Map.of());
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no parameter named '" + key + "'");
        }
        return v;
    }

    public double number(String key) {
        return Double.parseDouble(string(key));
    }

    public long integer(String key) {
        return Long.parseLong(string(key));
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(string(key));
    }

    public Path path(String key) {
        return Path.of(string(key));
    }

    /** All values as text, in spec order: what provenance records. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
