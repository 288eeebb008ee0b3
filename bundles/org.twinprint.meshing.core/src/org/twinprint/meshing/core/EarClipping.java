package org.twinprint.meshing.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Triangulates a polygon with holes by cutting off ears, joining each hole to the outline first.
 * Unlike a triangulation that needs a valid polygon, it always finishes: where the outline crosses
 * itself (a mesh that touches itself at the cut) it still cuts off a corner, so every boundary edge
 * is used once and the cap stays closed; only the triangles there may overlap a little.
 */
final class EarClipping {

    private static final class Node {
        final int id;
        final double x, y;
        Node prev, next;

        Node(int id, double x, double y) {
            this.id = id;
            this.x = x;
            this.y = y;
        }
    }

    private EarClipping() {
    }

    /**
     * @param x       plane coordinate x by point id
     * @param y       plane coordinate y by point id
     * @param outline point ids counter-clockwise
     * @param holes   point ids of each hole, clockwise
     * @return triangles (point ids, counter-clockwise)
     */
    static int[] triangulate(IntToDoubleFunction x, IntToDoubleFunction y, int[] outline, List<int[]> holes) {
        Node start = ring(x, y, outline);
        List<Node> holeStarts = new ArrayList<>();
        for (int[] hole : holes) {
            holeStarts.add(rightmost(ring(x, y, hole)));
        }
        // joined from the right: a hole further right never needs a bridge across one further left
        holeStarts.sort(Comparator.comparingDouble((Node n) -> n.x).reversed());
        for (Node m : holeStarts) {
            bridge(start, m);
        }
        return clip(start, outline.length + holes.stream().mapToInt(h -> h.length + 2).sum());
    }

    private static Node ring(IntToDoubleFunction x, IntToDoubleFunction y, int[] ids) {
        Node first = null, last = null;
        for (int id : ids) {
            Node n = new Node(id, x.applyAsDouble(id), y.applyAsDouble(id));
            if (first == null) {
                first = n;
            } else {
                last.next = n;
                n.prev = last;
            }
            last = n;
        }
        last.next = first;
        first.prev = last;
        return first;
    }

    private static Node rightmost(Node start) {
        Node best = start;
        for (Node n = start.next; n != start; n = n.next) {
            if (n.x > best.x || (n.x == best.x && n.y > best.y)) {
                best = n;
            }
        }
        return best;
    }

    /** Joins the hole at its rightmost point m to a point of the outline it can see. */
    private static void bridge(Node outline, Node m) {
        Node edge = null;
        double nearest = Double.POSITIVE_INFINITY;
        Node n = outline;
        do { // the nearest outline edge crossed by the ray from m towards +x
            Node a = n, b = n.next;
            if ((a.y <= m.y && b.y >= m.y || b.y <= m.y && a.y >= m.y) && a.y != b.y) {
                double cx = a.x + (m.y - a.y) * (b.x - a.x) / (b.y - a.y);
                if (cx >= m.x && cx < nearest) {
                    nearest = cx;
                    edge = a;
                }
            }
            n = n.next;
        } while (n != outline);
        Node p;
        if (edge == null) { // outside every edge: the hole is not inside (a crossing outline); join the nearest
            p = outline;
            for (n = outline.next; n != outline; n = n.next) {
                if (dist2(n, m) < dist2(p, m)) {
                    p = n;
                }
            }
        } else {
            p = edge.x > edge.next.x ? edge : edge.next;
            // a reflex corner inside the triangle (m, hit, p) would block the view: take the one nearest the ray
            double hx = nearest, bestTan = Double.POSITIVE_INFINITY;
            Node candidate = null;
            n = outline;
            do {
                if (n != p && n.x >= m.x && inTriangle(m.x, m.y, hx, m.y, p.x, p.y, n.x, n.y)) {
                    double tan = Math.abs(n.y - m.y) / Math.max(n.x - m.x, 1e-300);
                    if (candidate == null || tan < bestTan || (tan == bestTan && n.x < candidate.x)) {
                        bestTan = tan;
                        candidate = n;
                    }
                }
                n = n.next;
            } while (n != outline);
            if (candidate != null) {
                p = candidate;
            }
        }
        // p -> m ... around the hole ... -> m' -> p' -> on along the outline
        Node m2 = new Node(m.id, m.x, m.y), p2 = new Node(p.id, p.x, p.y);
        Node pNext = p.next, mPrev = m.prev;
        p.next = m;
        m.prev = p;
        mPrev.next = m2;
        m2.prev = mPrev;
        m2.next = p2;
        p2.prev = m2;
        p2.next = pNext;
        pNext.prev = p2;
    }

    /**
     * Ears flatter than this (mm from their long side) wait while better ones remain: a corner on a
     * nearly straight stretch of outline would make a triangle too flat for float coordinates.
     */
    private static final double FLAT_MM = CapFlips.FLAT_MM;

    private static int[] clip(Node start, int size) {
        int[] out = new int[3 * Math.max(size - 2, 0)];
        int written = 0;
        Node n = start;
        int remaining = size;
        int stalled = 0;
        boolean flatAllowed = false;
        while (remaining > 3) {
            if (isEar(n) && (flatAllowed || height(n) >= FLAT_MM)) {
                written = emit(out, written, n);
                n = remove(n).next;
                remaining--;
                stalled = 0;
                flatAllowed = false;
            } else if (++stalled > remaining && !flatAllowed) {
                flatAllowed = true; // a whole round found no ear but flat ones: take those
                stalled = 0;
            } else if (stalled > remaining) {
                // no ear in a whole round: the outline crosses itself; cut off the most convex corner
                Node best = n;
                Node k = n.next;
                for (int i = 1; i < remaining; i++, k = k.next) {
                    if (cross(k) > cross(best)) {
                        best = k;
                    }
                }
                written = emit(out, written, best);
                n = remove(best).next;
                remaining--;
                stalled = 0;
            } else {
                n = n.next;
            }
        }
        written = emit(out, written, n);
        return java.util.Arrays.copyOf(out, written);
    }

    /** How far the corner's triangle is from a line: twice its area over its longest side. */
    private static double height(Node n) {
        double longest = Math.max(dist2(n.prev, n), Math.max(dist2(n, n.next), dist2(n.next, n.prev)));
        return Math.abs(cross(n)) / Math.sqrt(Math.max(longest, 1e-300));
    }

    private static int emit(int[] out, int written, Node n) {
        out[written] = n.prev.id;
        out[written + 1] = n.id;
        out[written + 2] = n.next.id;
        return written + 3;
    }

    private static Node remove(Node n) {
        n.prev.next = n.next;
        n.next.prev = n.prev;
        return n.prev;
    }

    private static double cross(Node n) {
        return (n.x - n.prev.x) * (n.next.y - n.prev.y) - (n.y - n.prev.y) * (n.next.x - n.prev.x);
    }

    private static boolean isEar(Node n) {
        if (cross(n) <= 0) {
            return false;
        }
        Node a = n.prev, b = n, c = n.next;
        for (Node p = c.next; p != a; p = p.next) {
            boolean corner = (p.x == a.x && p.y == a.y) || (p.x == b.x && p.y == b.y) || (p.x == c.x && p.y == c.y);
            if (!corner && cross(p) <= 0 && inTriangle(a.x, a.y, b.x, b.y, c.x, c.y, p.x, p.y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inTriangle(double ax, double ay, double bx, double by, double cx, double cy, double px,
            double py) {
        double d1 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
        double d2 = (cx - bx) * (py - by) - (cy - by) * (px - bx);
        double d3 = (ax - cx) * (py - cy) - (ay - cy) * (px - cx);
        boolean hasNeg = d1 < 0 || d2 < 0 || d3 < 0, hasPos = d1 > 0 || d2 > 0 || d3 > 0;
        return !(hasNeg && hasPos);
    }

    private static double dist2(Node a, Node b) {
        return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y);
    }
}
