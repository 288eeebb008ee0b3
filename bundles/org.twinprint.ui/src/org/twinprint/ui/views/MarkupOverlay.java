package org.twinprint.ui.views;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.SlicePlane;
import org.twinprint.core.model.Vec3;

/**
 * Draws the case's markups over a slice: landmarks with their labels (hollow when they lie near
 * but off the slice), lines with their length, angles in degrees, closed curves, and where each
 * plane crosses the slice. Markups farther than {@link #NEAR_MM} from the slice are left out, unless
 * they cross it.
 */
final class MarkupOverlay {

    private static final Color POINT = new Color(255, 80, 220);
    private static final Color PLANE = new Color(255, 170, 0);
    /** Points within this many slices of the shown one are drawn as on it. */
    private static final double ON_SLICE = 0.75;
    static final double NEAR_MM = 5;

    private final GC gc;
    private final Rectangle drawn;
    private final Geometry g;
    private final SlicePlane plane;
    private final int slice;

    private MarkupOverlay(GC gc, Rectangle drawn, Geometry g, SlicePlane plane, int slice) {
        this.gc = gc;
        this.drawn = drawn;
        this.g = g;
        this.plane = plane;
        this.slice = slice;
    }

    static void draw(GC gc, Rectangle drawn, Geometry g, SlicePlane plane, int slice, List<Markup> markups) {
        MarkupOverlay o = new MarkupOverlay(gc, drawn, g, plane, slice);
        gc.setLineWidth(2);
        for (Markup m : markups) {
            switch (m.type()) {
            case PLANE -> o.plane(m);
            case POINTS -> m.points().forEach(p -> o.point(p.position(), p.label().isEmpty() ? m.name() : p.label()));
            default -> o.polyline(m);
            }
        }
        gc.setLineWidth(1);
    }

    /** A markup's control point under the mouse. */
    record Hit(Markup markup, int index) {
    }

    /** The control point drawn within a few pixels of (x, y), or null. */
    static Hit hit(Rectangle drawn, Geometry g, SlicePlane plane, int slice, List<Markup> markups, int x, int y) {
        MarkupOverlay o = new MarkupOverlay(null, drawn, g, plane, slice);
        for (Markup m : markups) {
            for (int i = 0; i < m.points().size(); i++) {
                double[] c = o.canvas(m.points().get(i).position());
                if (Math.abs(c[2]) * o.sliceMm() <= NEAR_MM && Math.hypot(c[0] - x, c[1] - y) <= 7) {
                    return new Hit(m, i);
                }
            }
        }
        return null;
    }

    /** Canvas x, y of an LPS point, and its distance from the shown slice in slices. */
    private double[] canvas(Vec3 lps) {
        Vec3 ijk = g.toIndex(lps);
        double[] p = plane.pixel(g, ijk.x(), ijk.y(), ijk.z());
        return new double[] { drawn.x + (p[0] + 0.5) * drawn.width / plane.width(g),
                drawn.y + (p[1] + 0.5) * drawn.height / plane.height(g), p[2] - slice };
    }

    /** The spacing between slices of the shown plane, mm. */
    private double sliceMm() {
        return switch (plane) {
        case AXIAL -> g.spacing().z();
        case CORONAL -> g.spacing().y();
        case SAGITTAL -> g.spacing().x();
        };
    }

    private void point(Vec3 lps, String label) {
        double[] c = canvas(lps);
        if (Math.abs(c[2]) * sliceMm() > NEAR_MM) {
            return;
        }
        int x = (int) Math.round(c[0]), y = (int) Math.round(c[1]);
        gc.setForeground(POINT);
        gc.setBackground(POINT);
        if (Math.abs(c[2]) <= ON_SLICE) {
            gc.fillOval(x - 5, y - 5, 10, 10);
        } else {
            gc.drawOval(x - 4, y - 4, 8, 8);
        }
        text(label, x + 8, y - 8, POINT);
    }

    private void polyline(Markup m) {
        List<Markup.Point> points = m.points();
        double nearest = Double.MAX_VALUE;
        int above = 0;
        for (Markup.Point p : points) {
            double d = canvas(p.position())[2] * sliceMm();
            nearest = Math.min(nearest, Math.abs(d));
            above += d > 0 ? 1 : 0;
        }
        if (nearest > NEAR_MM && (above == 0 || above == points.size())) {
            return; // far from the slice and all on one side of it
        }
        gc.setForeground(POINT);
        double[] first = null, previous = null;
        for (Markup.Point p : points) {
            double[] c = canvas(p.position());
            if (previous != null) {
                gc.drawLine((int) previous[0], (int) previous[1], (int) c[0], (int) c[1]);
            }
            first = first == null ? c : first;
            previous = c;
            gc.setBackground(POINT);
            gc.fillOval((int) c[0] - 3, (int) c[1] - 3, 6, 6);
        }
        if (m.type() == Markup.Type.CLOSED_CURVE) {
            gc.drawLine((int) previous[0], (int) previous[1], (int) first[0], (int) first[1]);
        }
        double value = m.measurement();
        String unit = m.type() == Markup.Type.ANGLE ? "°" : " mm";
        double[] at = canvas(points.get(m.type() == Markup.Type.ANGLE ? 1 : 0).position());
        if (m.type() == Markup.Type.LINE) {
            double[] end = canvas(points.get(1).position());
            at = new double[] { (at[0] + end[0]) / 2, (at[1] + end[1]) / 2 };
        }
        text(String.format(Locale.ROOT, "%s: %.1f%s", m.name(), value, unit), (int) at[0] + 8, (int) at[1] + 4, POINT);
    }

    /** The line where the plane crosses the shown slice, across the image. */
    private void plane(Markup m) {
        Vec3 n = m.unitNormal(), p0 = m.points().get(0).position();
        // the plane's signed distance is linear over the slice: d(u, v) = d0 + u du + v dv
        double d0 = distance(n, p0, 0, 0), du = distance(n, p0, 1, 0) - d0, dv = distance(n, p0, 0, 1) - d0;
        double w = plane.width(g) - 0.5, h = plane.height(g) - 0.5, lo = -0.5;
        java.util.List<double[]> hits = new java.util.ArrayList<>();
        if (dv != 0) {
            for (double u : new double[] { lo, w }) {
                double v = -(d0 + u * du) / dv;
                if (v >= lo && v <= h) {
                    hits.add(new double[] { u, v });
                }
            }
        }
        if (du != 0) {
            for (double v : new double[] { lo, h }) {
                double u = -(d0 + v * dv) / du;
                if (u >= lo && u <= w) {
                    hits.add(new double[] { u, v });
                }
            }
        }
        if (hits.size() < 2) {
            return; // parallel to the slice, or beside it
        }
        double[] a = hits.get(0), b = hits.get(hits.size() - 1);
        int ax = drawn.x + (int) ((a[0] + 0.5) * drawn.width / plane.width(g));
        int ay = drawn.y + (int) ((a[1] + 0.5) * drawn.height / plane.height(g));
        int bx = drawn.x + (int) ((b[0] + 0.5) * drawn.width / plane.width(g));
        int by = drawn.y + (int) ((b[1] + 0.5) * drawn.height / plane.height(g));
        gc.setForeground(PLANE);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.drawLine(ax, ay, bx, by);
        gc.setLineStyle(SWT.LINE_SOLID);
        text(m.name(), (ax + bx) / 2 + 6, (ay + by) / 2 - 18, PLANE);
    }

    private double distance(Vec3 n, Vec3 p0, double u, double v) {
        double[] ijk = plane.voxel(g, u, v, slice);
        return n.dot(g.toLps(ijk[0], ijk[1], ijk[2]).minus(p0));
    }

    private void text(String s, int x, int y, Color color) {
        gc.setForeground(new Color(0, 0, 0));
        gc.drawText(s, x + 1, y + 1, true); // a shadow keeps the text readable on bone and on air
        gc.setForeground(color);
        gc.drawText(s, x, y, true);
    }
}
