package org.twinprint.casefile.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.report.Json;
import org.twinprint.core.report.JsonReader;

/**
 * Markups in 3D Slicer's markups JSON ({@code .mrk.json}, schema 1.0.3), so landmarks, lines,
 * angles, planes and closed curves move between TwinPrint and Slicer. TwinPrint writes LPS
 * millimetres and says so in each markup; it reads LPS or RAS (converted to LPS).
 */
public final class SlicerMarkups {

    /** The schema a written file names. */
    public static final String SCHEMA = "https://raw.githubusercontent.com/Slicer/Slicer/main/Modules/Loadable/"
            + "Markups/Resources/Schema/markups-schema-v1.0.3.json#";

    private SlicerMarkups() {
    }

    /** Writes the markups to a {@code .mrk.json} file, atomically. */
    public static void write(Path file, List<Markup> markups) throws IOException {
        AtomicFiles.writeString(file, Json.write(document(markups)));
    }

    /** The markups of a {@code .mrk.json} file; an IOException names the file and what is wrong. */
    public static List<Markup> read(Path file) throws IOException {
        try {
            return fromJson(JsonReader.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(file + ": not a markups file TwinPrint can read (" + e.getMessage() + ")", e);
        }
    }

    /** The whole document: the schema and the markups. */
    public static Map<String, Object> document(List<Markup> markups) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("@schema", SCHEMA);
        root.put("markups", toJson(markups));
        return root;
    }

    /** The markups as Slicer's "markups" array (JSON-ready). */
    public static List<Object> toJson(List<Markup> markups) {
        List<Object> out = new ArrayList<>();
        for (Markup m : markups) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("type", slicerType(m.type()));
            j.put("name", m.name());
            j.put("coordinateSystem", "LPS");
            j.put("coordinateUnits", "mm");
            if (m.type() == Markup.Type.PLANE) {
                j.put("planeType", "PointNormal");
                j.put("normal", exact(m.normal()));
            }
            List<Object> points = new ArrayList<>();
            for (int i = 0; i < m.points().size(); i++) {
                Markup.Point p = m.points().get(i);
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("id", Integer.toString(i + 1));
                point.put("label", p.label());
                point.put("position", exact(p.position()));
                point.put("positionStatus", "defined");
                points.add(point);
            }
            j.put("controlPoints", points);
            if (!m.unit().isEmpty()) {
                Map<String, Object> measurement = new LinkedHashMap<>();
                measurement.put("name", m.type() == Markup.Type.ANGLE ? "angle" : "length");
                measurement.put("enabled", true);
                measurement.put("value", m.measurement());
                measurement.put("units", m.unit());
                j.put("measurements", List.of(measurement));
            }
            out.add(j);
        }
        return out;
    }

    /** The markups of a parsed document, or of a bare "markups" array. */
    public static List<Markup> fromJson(Object parsed) {
        Object array = parsed instanceof Map<?, ?> root ? root.get("markups") : parsed;
        if (!(array instanceof List<?> list)) {
            throw new IllegalArgumentException("no \"markups\" array");
        }
        List<Markup> out = new ArrayList<>();
        for (Object o : list) {
            Map<?, ?> m = (Map<?, ?>) o;
            String type = String.valueOf(m.get("type"));
            String name = m.get("name") instanceof String s && !s.isEmpty() ? s : type + "-" + (out.size() + 1);
            boolean ras = "RAS".equals(m.get("coordinateSystem"));
            if (m.get("coordinateUnits") instanceof String units && !units.equals("mm")) {
                throw new IllegalArgumentException(name + ": coordinates in " + units + ", not mm");
            }
            List<Markup.Point> points = new ArrayList<>();
            if (m.get("controlPoints") instanceof List<?> cps) {
                for (Object c : cps) {
                    Map<?, ?> cp = (Map<?, ?>) c;
                    if ("missing".equals(cp.get("positionStatus"))) {
                        continue; // a point placed nowhere yet
                    }
                    points.add(new Markup.Point(cp.get("label") instanceof String l ? l : "",
                            vec(cp.get("position"), ras)));
                }
            }
            out.add(markup(name, type, points, m, ras));
        }
        return out;
    }

    private static Markup markup(String name, String type, List<Markup.Point> points, Map<?, ?> m, boolean ras) {
        return switch (type) {
        case "Fiducial" -> new Markup(name, Markup.Type.POINTS, points, null);
        case "Line" -> new Markup(name, Markup.Type.LINE, points, null);
        case "Angle" -> new Markup(name, Markup.Type.ANGLE, points, null);
        case "ClosedCurve" -> new Markup(name, Markup.Type.CLOSED_CURVE, points, null);
        case "Plane" -> plane(name, points, m, ras);
        default -> throw new IllegalArgumentException(name + ": markups of type " + type
                + " are not read by TwinPrint (points, lines, angles, planes and closed curves are)");
        };
    }

    /** A point-and-normal plane, or a plane through three points (normal by their cross product). */
    private static Markup plane(String name, List<Markup.Point> points, Map<?, ?> m, boolean ras) {
        if (m.get("normal") != null && !points.isEmpty()) {
            return new Markup(name, Markup.Type.PLANE, List.of(points.get(0)), vec(m.get("normal"), ras));
        }
        if (points.size() == 3) {
            Vec3 a = points.get(0).position(), b = points.get(1).position(), c = points.get(2).position();
            double ux = b.x() - a.x(), uy = b.y() - a.y(), uz = b.z() - a.z();
            double vx = c.x() - a.x(), vy = c.y() - a.y(), vz = c.z() - a.z();
            return new Markup(name, Markup.Type.PLANE, List.of(points.get(0)),
                    new Vec3(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx));
        }
        throw new IllegalArgumentException(name + ": a plane needs a point and a normal, or three points");
    }

    private static Vec3 vec(Object o, boolean ras) {
        List<?> v = (List<?>) o;
        if (v.size() != 3) {
            throw new IllegalArgumentException("a position has " + v.size() + " coordinates, not 3");
        }
        double x = ((Number) v.get(0)).doubleValue(), y = ((Number) v.get(1)).doubleValue();
        double z = ((Number) v.get(2)).doubleValue();
        return ras ? new Vec3(-x, -y, z) : new Vec3(x, y, z); // RAS to LPS: right and anterior turn round
    }

    private static List<Object> exact(Vec3 v) {
        return List.of(java.math.BigDecimal.valueOf(v.x()), java.math.BigDecimal.valueOf(v.y()),
                java.math.BigDecimal.valueOf(v.z()));
    }

    private static String slicerType(Markup.Type t) {
        return switch (t) {
        case POINTS -> "Fiducial";
        case LINE -> "Line";
        case ANGLE -> "Angle";
        case PLANE -> "Plane";
        case CLOSED_CURVE -> "ClosedCurve";
        };
    }
}
