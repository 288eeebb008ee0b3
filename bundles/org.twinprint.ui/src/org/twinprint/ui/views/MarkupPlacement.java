package org.twinprint.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Vec3;

/**
 * Turns clicks in a slice view into markups: each click adds a landmark to the case's
 * "Landmarks"; two clicks make a line; three an angle; two a plane that holds the line between
 * them and the view's direction (a cut seen edge-on). No SWT here: the tests drive it directly.
 */
public final class MarkupPlacement {

    /** What the next clicks place. */
    public enum Tool {
        LANDMARK(1), LINE(2), ANGLE(3), PLANE(2);

        final int clicks;

        Tool(int clicks) {
            this.clicks = clicks;
        }
    }

    static final String LANDMARKS = "Landmarks";

    private Tool tool;
    private final List<Vec3> pending = new ArrayList<>();

    /** Chooses the tool (null: none), dropping clicks not yet used. */
    public synchronized void choose(Tool t) {
        tool = t;
        pending.clear();
    }

    public synchronized Tool tool() {
        return tool;
    }

    /** Clicks so far towards the next markup. */
    public synchronized List<Vec3> pending() {
        return List.copyOf(pending);
    }

    /**
     * One click at {@code lps} in a view looking along {@code viewNormal}: puts the markup it
     * completes into the case and returns it; null while more clicks are needed.
     */
    public synchronized Markup click(Case c, Vec3 lps, Vec3 viewNormal) {
        if (tool == null) {
            return null;
        }
        pending.add(lps);
        if (pending.size() < tool.clicks) {
            return null;
        }
        List<Vec3> at = List.copyOf(pending);
        pending.clear();
        Markup m = switch (tool) {
        case LANDMARK -> landmark(c, at.get(0));
        case LINE -> new Markup(next(c, "Line"), Markup.Type.LINE, points(at), null);
        case ANGLE -> new Markup(next(c, "Angle"), Markup.Type.ANGLE, points(at), null);
        case PLANE -> plane(c, at.get(0), at.get(1), viewNormal);
        };
        if (m != null) {
            c.putMarkup(m);
        }
        return m;
    }

    private static Markup landmark(Case c, Vec3 p) {
        List<Markup.Point> points = new ArrayList<>();
        c.markups().stream().filter(m -> m.name().equals(LANDMARKS) && m.type() == Markup.Type.POINTS).findFirst()
                .ifPresent(m -> points.addAll(m.points()));
        points.add(new Markup.Point("L" + (points.size() + 1), p));
        return new Markup(LANDMARKS, Markup.Type.POINTS, points, null);
    }

    private static Markup plane(Case c, Vec3 a, Vec3 b, Vec3 viewNormal) {
        Vec3 normal = b.minus(a).cross(viewNormal);
        if (normal.length() < 1e-9) {
            return null; // the same spot twice: no direction
        }
        return new Markup(next(c, "Plane"), Markup.Type.PLANE, List.of(new Markup.Point("", a)), normal.normalized());
    }

    private static List<Markup.Point> points(List<Vec3> at) {
        return at.stream().map(p -> new Markup.Point("", p)).toList();
    }

    /** "Line 1", "Line 2", ...: the first name of the kind that the case does not use. */
    private static String next(Case c, String kind) {
        for (int n = 1;; n++) {
            String name = kind + " " + n;
            if (c.markups().stream().noneMatch(m -> m.name().equals(name))) {
                return name;
            }
        }
    }
}
