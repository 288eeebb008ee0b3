package org.twinprint.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a service, described as data: the workbench builds its form field and the
 * command line its {@code --key} flag from this one description.
 *
 * @param key         flag name, lower-case with dashes ({@code --key value})
 * @param label       what a form shows
 * @param type        value type
 * @param defaultValue the value used when none is given; {@code null} makes the parameter required
 * @param unit        unit of a number ("mm", "HU", "mm³"), or "" when it has none
 * @param min         smallest allowed number (ignored for other types)
 * @param max         largest allowed number (ignored for other types)
 * @param choices     allowed values of a {@link Type#CHOICE}
 * @param help        one sentence for tooltips and {@code help}
 */
public record ParameterSpec(String key, String label, Type type, String defaultValue, String unit, double min,
        double max, List<String> choices, String help) {

    /** Value types a form and a flag parser both understand. */
    public enum Type {
        INTEGER, DOUBLE, BOOLEAN, STRING, CHOICE, PATH
    }

    public ParameterSpec {
        Objects.requireNonNull(key, "key");
        if (!key.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("parameter key must be lower-case words joined by '-': " + key);
        }
        Objects.requireNonNull(type, "type");
        label = label == null ? key : label;
        unit = unit == null ? "" : unit;
        choices = choices == null ? List.of() : List.copyOf(choices);
        help = help == null ? "" : help;
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + key + "' lists no choices");
        }
    }

    public static ParameterSpec number(String key, String label, double defaultValue, double min, double max,
            String unit, String help) {
        return new ParameterSpec(key, label, Type.DOUBLE, format(defaultValue), unit, min, max, null, help);
    }

    public static ParameterSpec integer(String key, String label, long defaultValue, long min, long max, String unit,
            String help) {
        return new ParameterSpec(key, label, Type.INTEGER, Long.toString(defaultValue), unit, min, max, null, help);
    }

    public static ParameterSpec flag(String key, String label, boolean defaultValue, String help) {
        return new ParameterSpec(key, label, Type.BOOLEAN, Boolean.toString(defaultValue), "", 0, 0, null, help);
    }

    public static ParameterSpec choice(String key, String label, String defaultValue, List<String> choices,
            String help) {
        return new ParameterSpec(key, label, Type.CHOICE, defaultValue, "", 0, 0, choices, help);
    }

    public static ParameterSpec text(String key, String label, String defaultValue, String help) {
        return new ParameterSpec(key, label, Type.STRING, defaultValue, "", 0, 0, null, help);
    }

    public static ParameterSpec path(String key, String label, String help) {
        return new ParameterSpec(key, label, Type.PATH, null, "", 0, 0, null, help);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** Checks one raw value and returns it normalised, or throws naming this parameter and the problem. */
    public String validate(String raw) {
        String value = raw.strip();
        switch (type) {
        case INTEGER -> checkRange(parse(value, true));
        case DOUBLE -> checkRange(parse(value, false));
        case BOOLEAN -> {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw problem("'" + raw + "' is not true or false");
            }
            value = value.toLowerCase(java.util.Locale.ROOT);
        }
        case CHOICE -> {
            if (!choices.contains(value)) {
                throw problem("'" + raw + "' is not one of " + String.join(", ", choices));
            }
        }
        case STRING, PATH -> {
            if (value.isEmpty() && required()) {
                throw problem("is empty");
            }
        }
        }
        return value;
    }

    private double parse(String value, boolean integer) {
        try {
            return integer ? Long.parseLong(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw problem("'" + value + "' is not " + (integer ? "a whole number" : "a number"));
        }
    }

    private void checkRange(double v) {
        if (v < min || v > max) {
            throw problem(format(v) + " is outside " + format(min) + " .. " + format(max) + (unit.isEmpty() ? "" : " " + unit));
        }
    }

    private BadParameterException problem(String what) {
        return new BadParameterException("parameter --" + key + ": " + what);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
