package org.twinprint.meshing.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;
import org.twinprint.core.model.Vec3;

/**
 * The flat face that closes a mesh cut by a plane: the cut edges chained into loops, loops sorted
 * into outlines and the holes inside them, each outline with its holes triangulated in the plane
 * by JTS's constrained Delaunay triangulation, which adds no points. Where the mesh touches itself
 * at the cut, the outline crosses itself and JTS refuses it; {@link EarClipping} then closes it.
 */
final class CapTriangulation {

    /**
     * Triangles counter-clockwise seen from the normal's side, over existing point ids; how many
     * outlines crossed themselves (closed by ear clipping, where triangles may overlap a little).
     */
    record Cap(int[] triangles, double areaMm2, int loops, int crossingOutlines) {
    }

    /** A loop of point ids and its ring in plane coordinates. */
    private record Loop(int[] ids, LinearRing ring) {
    }

    private CapTriangulation() {
    }

    /**
     * @param xyz   coordinates of all points, 3 per id
     * @param edges directed edges (from, to) that the cap's boundary runs along, counter-clockwise
     *              around outlines and clockwise around holes seen from the normal's side
     */
    static Cap close(double[] xyz, int[] edges, Vec3 normal, String meshName) {
        if (edges.length == 0) {
            return new Cap(new int[0], 0, 0, 0);
        }
        List<int[]> loops = chain(edges, meshName);
        // an in-plane frame (e1, e2) with e1 x e2 = normal, so counter-clockwise is seen from the normal
        Vec3 axis = Math.abs(normal.x()) < 0.6 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
        Vec3 e1 = normal.cross(axis).normalized();
        Vec3 e2 = normal.cross(e1);
        GeometryFactory factory = new GeometryFactory();
        Map<Coordinate, Integer> ids = new HashMap<>();
        Map<Integer, Coordinate> plane = new HashMap<>();
        List<Loop> outlines = new ArrayList<>(), holes = new ArrayList<>();
        for (int[] loop : loops) {
            Coordinate[] ring = new Coordinate[loop.length + 1];
            double twiceArea = 0;
            for (int i = 0; i < loop.length; i++) {
                int p = loop[i];
                double x = xyz[3 * p], y = xyz[3 * p + 1], z = xyz[3 * p + 2];
                ring[i] = new Coordinate(x * e1.x() + y * e1.y() + z * e1.z(), x * e2.x() + y * e2.y() + z * e2.z());
                if (ids.put(ring[i], p) != null) {
                    throw new IllegalArgumentException(meshName + ": two cut points fall on one spot of the plane;"
                            + " move the plane a little");
                }
                plane.put(p, ring[i]);
            }
            ring[loop.length] = ring[0];
            for (int i = 0; i < loop.length; i++) {
                twiceArea += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
            }
            (twiceArea > 0 ? outlines : holes).add(new Loop(loop, factory.createLinearRing(ring)));
        }
        List<List<Loop>> holesOf = assignHoles(outlines, holes, meshName);
        List<Integer> triangles = new ArrayList<>();
        double area = 0;
        int crossing = 0;
        for (int o = 0; o < outlines.size(); o++) {
            Polygon polygon = factory.createPolygon(outlines.get(o).ring(),
                    holesOf.get(o).stream().map(Loop::ring).toArray(LinearRing[]::new));
            int[] piece = delaunay(polygon, ids);
            if (piece == null) {
                piece = EarClipping.triangulate(id -> plane.get(id).x, id -> plane.get(id).y, outlines.get(o).ids(),
                        holesOf.get(o).stream().map(Loop::ids).toList());
                CapFlips.unflatten(piece, id -> plane.get(id).x, id -> plane.get(id).y);
                crossing++;
            }
            for (int id : piece) {
                triangles.add(id);
            }
            area += polygon.getArea();
        }
        return new Cap(triangles.stream().mapToInt(Integer::intValue).toArray(), area, loops.size(), crossing);
    }

    /** JTS's triangles of a valid polygon, counter-clockwise, by point id; null if the polygon is not valid. */
    private static int[] delaunay(Polygon polygon, Map<Coordinate, Integer> ids) {
        Geometry pieces;
        try {
            pieces = ConstrainedDelaunayTriangulator.triangulate(polygon);
        } catch (RuntimeException e) { // an outline that crosses itself
            return null;
        }
        int[] out = new int[3 * pieces.getNumGeometries()];
        double covered = 0;
        for (int g = 0; g < pieces.getNumGeometries(); g++) {
            Coordinate[] c = pieces.getGeometryN(g).getCoordinates();
            Integer a = ids.get(c[0]), b = ids.get(c[1]), d = ids.get(c[2]);
            if (a == null || b == null || d == null) {
                return null; // a point was added: the cap would not meet the cut edges
            }
            double twice = (c[1].x - c[0].x) * (c[2].y - c[0].y) - (c[2].x - c[0].x) * (c[1].y - c[0].y);
            out[3 * g] = a;
            out[3 * g + 1] = twice >= 0 ? b : d;
            out[3 * g + 2] = twice >= 0 ? d : b;
            covered += Math.abs(twice) / 2;
        }
        double expected = polygon.getArea();
        return Math.abs(covered - expected) > 1e-6 * expected + 1e-9 ? null : out;
    }

    /** The cut edges joined end to end into closed loops. */
    private static List<int[]> chain(int[] edges, String meshName) {
        Map<Integer, Integer> next = new HashMap<>(edges.length);
        for (int e = 0; e < edges.length; e += 2) {
            if (next.put(edges[e], edges[e + 1]) != null) {
                throw new IllegalArgumentException(meshName + ": the mesh is not a closed surface where the plane cuts it");
            }
        }
        List<int[]> loops = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>(next.size());
        for (int e = 0; e < edges.length; e += 2) {
            int start = edges[e];
            if (seen.contains(start)) {
                continue;
            }
            List<Integer> loop = new ArrayList<>();
            int p = start;
            do {
                seen.add(p);
                loop.add(p);
                Integer q = next.get(p);
                if (q == null) {
                    throw new IllegalArgumentException(meshName + ": the mesh has an open edge where the plane cuts it;"
                            + " repair the mesh first");
                }
                p = q;
            } while (p != start && !seen.contains(p));
            if (p != start) {
                throw new IllegalArgumentException(meshName + ": the mesh's surface touches itself where the plane cuts it");
            }
            loops.add(loop.stream().mapToInt(Integer::intValue).toArray());
        }
        return loops;
    }

    /** Each hole goes to the smallest outline around it. */
    private static List<List<Loop>> assignHoles(List<Loop> outlines, List<Loop> holes, String meshName) {
        List<List<Loop>> holesOf = new ArrayList<>();
        double[] areas = new double[outlines.size()];
        Envelope[] boxes = new Envelope[outlines.size()];
        for (int o = 0; o < outlines.size(); o++) {
            holesOf.add(new ArrayList<>());
            areas[o] = Math.abs(org.locationtech.jts.algorithm.Area.ofRing(outlines.get(o).ring().getCoordinates()));
            boxes[o] = outlines.get(o).ring().getEnvelopeInternal();
        }
        for (Loop hole : holes) {
            Coordinate probe = hole.ring().getCoordinateN(0);
            int best = -1;
            for (int o = 0; o < outlines.size(); o++) {
                if (boxes[o].contains(probe) && (best < 0 || areas[o] < areas[best])
                        && PointLocation.isInRing(probe, outlines.get(o).ring().getCoordinates())) {
                    best = o;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException(meshName + ": a hole of the cut face lies in no outline;"
                        + " the mesh may be inside out");
            }
            holesOf.get(best).add(hole);
        }
        return holesOf;
    }
}
