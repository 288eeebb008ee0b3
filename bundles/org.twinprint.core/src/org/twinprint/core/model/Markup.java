package org.twinprint.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A planning object placed by hand, in patient LPS millimetres: landmarks, a line (a distance),
 * an angle, a plane (a point and a normal, of any length: a cut) or a closed curve. Immutable; an edit replaces
 * it in the case.
 */
public record Markup(String name, Type type, List<Point> points, Vec3 normal) {

    /** What the control points mean. */
    public enum Type {
        /** Any number of landmarks. */
        POINTS,
        /** Two points: a distance. */
        LINE,
        /** Three points: the angle at the second. */
        ANGLE,
        /** One point on the plane, and the plane's unit normal. */
        PLANE,
        /** Three or more points, joined back to the first. */
        CLOSED_CURVE
    }

    /** A labelled control point, LPS mm. */
    public record Point(String label, Vec3 position) {
        public Point {
            Objects.requireNonNull(position, "position");
            label = label == null ? "" : label;
        }
    }

    public Markup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        points = List.copyOf(points);
        for (Point p : points) {
            if (!Double.isFinite(p.position().x()) || !Double.isFinite(p.position().y())
                    || !Double.isFinite(p.position().z())) {
                throw new IllegalArgumentException(name + ": a point is not a finite position");
            }
        }
        int n = points.size();
        boolean fits = switch (type) {
        case POINTS -> true;
        case LINE -> n == 2;
        case ANGLE -> n == 3;
        case PLANE -> n == 1;
        case CLOSED_CURVE -> n >= 3;
        };
        if (!fits) {
            throw new IllegalArgumentException(name + ": a " + type + " cannot have " + n + " points");
        }
        if (type == Type.PLANE) {
            Objects.requireNonNull(normal, name + ": a plane needs a normal");
            double length = Math.sqrt(normal.x() * normal.x() + normal.y() * normal.y() + normal.z() * normal.z());
            if (!(length > 0) || !Double.isFinite(length)) {
                throw new IllegalArgumentException(name + ": a plane's normal must have a direction");
            }
        } else if (normal != null) {
            throw new IllegalArgumentException(name + ": only a plane has a normal");
        }
    }

    /** A plane's normal scaled to unit length (the normal is kept as given, so it reads back to the bit). */
    public Vec3 unitNormal() {
        if (normal == null) {
            return null;
        }
        double length = Math.sqrt(normal.x() * normal.x() + normal.y() * normal.y() + normal.z() * normal.z());
        return new Vec3(normal.x() / length, normal.y() / length, normal.z() / length);
    }

    /**
     * What the markup measures: a line's length and a closed curve's perimeter in mm, an angle in
     * degrees; NaN for landmarks and planes.
     */
    public double measurement() {
        return switch (type) {
        case LINE -> distance(0, 1);
        case ANGLE -> angleDegrees();
        case CLOSED_CURVE -> {
            double sum = 0;
            for (int i = 0; i < points.size(); i++) {
                sum += distance(i, (i + 1) % points.size());
            }
            yield sum;
        }
        default -> Double.NaN;
        };
    }

    /** The unit of {@link #measurement()}: "mm", "deg", or "" when it measures nothing. */
    public String unit() {
        return switch (type) {
        case LINE, CLOSED_CURVE -> "mm";
        case ANGLE -> "deg";
        default -> "";
        };
    }

    private double distance(int a, int b) {
        Vec3 p = points.get(a).position(), q = points.get(b).position();
        double dx = p.x() - q.x(), dy = p.y() - q.y(), dz = p.z() - q.z();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private double angleDegrees() {
        Vec3 a = points.get(0).position(), o = points.get(1).position(), b = points.get(2).position();
        double ux = a.x() - o.x(), uy = a.y() - o.y(), uz = a.z() - o.z();
        double vx = b.x() - o.x(), vy = b.y() - o.y(), vz = b.z() - o.z();
        double cross = Math.sqrt(Math.pow(uy * vz - uz * vy, 2) + Math.pow(uz * vx - ux * vz, 2)
                + Math.pow(ux * vy - uy * vx, 2));
        return Math.toDegrees(Math.atan2(cross, ux * vx + uy * vy + uz * vz)); // stable at 0 and 180 degrees
    }
}
