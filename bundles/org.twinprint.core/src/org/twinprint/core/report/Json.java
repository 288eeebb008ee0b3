package org.twinprint.core.report;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers and booleans as indented JSON. Small on purpose: reports
 * need nothing more, and the core stays free of third-party libraries.
 */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    private static void write(Object v, StringBuilder out, int indent) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            quote(s, out);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            out.append(Double.isFinite(d) ? number(d) : "null");
        } else if (v instanceof java.math.BigDecimal exact) {
            out.append(exact.toString()); // every digit: a case file's geometry must come back to the bit
        } else if (v instanceof Number n) {
            out.append(n.longValue());
        } else if (v instanceof Map<?, ?> m) {
            writeMap(m, out, indent);
        } else if (v instanceof List<?> l) {
            writeList(l, out, indent);
        } else if (v instanceof double[] a) {
            out.append('[');
            for (int n = 0; n < a.length; n++) {
                out.append(n == 0 ? "" : ", ").append(Double.isFinite(a[n]) ? number(a[n]) : "null"); // JSON has no NaN
            }
            out.append(']');
        } else if (v instanceof int[] a) {
            out.append('[');
            for (int n = 0; n < a.length; n++) {
                out.append(n == 0 ? "" : ", ").append(a[n]);
            }
            out.append(']');
        } else if (v instanceof Record r && components(r) != null) {
            writeMap(components(r), out, indent);
        } else {
            quote(v.toString(), out);
        }
    }

    /**
     * A record's components by name, in declaration order (a Prediction, say, as a JSON object);
     * null when they cannot be read (a record that is not public), which is then written as text.
     */
    private static Map<String, Object> components(Record r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return m;
    }

    private static void writeMap(Map<?, ?> m, StringBuilder out, int indent) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            pad(out, indent + 1);
            quote(String.valueOf(e.getKey()), out);
            out.append(": ");
            write(e.getValue(), out, indent + 1);
            out.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append('}');
    }

    private static void writeList(List<?> l, StringBuilder out, int indent) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int n = 0; n < l.size(); n++) {
            pad(out, indent + 1);
            write(l.get(n), out, indent + 1);
            out.append(n < l.size() - 1 ? ",\n" : "\n");
        }
        pad(out, indent);
        out.append(']');
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.10g", d).replaceAll("0+(?=e|$)", "").replaceAll("\\.(?=e|$)", "");
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int n = 0; n < s.length(); n++) {
            char c = s.charAt(n);
            switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            }
        }
        out.append('"');
    }

    private static void pad(StringBuilder out, int indent) {
        out.append("  ".repeat(indent));
    }
}
