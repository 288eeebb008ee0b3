package org.twinprint.meshing.core;

import java.util.Arrays;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

/**
 * Cuts a closed mesh by a plane into the part behind the plane and the part in front of it (the
 * side its normal points to), each closed by a flat cap: an osteotomy or a resection on the model.
 * The two parts share the cut edge and the cap, so their volumes add up to the whole.
 */
public final class MeshPlaneCut {

    /**
     * Vertices closer than this to the plane (mm) are moved off it to this distance, on their own
     * side, so no cut point falls on a vertex and no triangle of a part is degenerate.
     */
    static final double SNAP_MM = 1e-3;

    /**
     * The two parts (either may be empty) and the cut face: its area, its loops, and how many of its
     * outlines crossed themselves (where the mesh touches itself; closed all the same).
     */
    public record Parts(Mesh behind, Mesh inFront, double capAreaMm2, int loops, int crossingOutlines) {
    }

    private MeshPlaneCut() {
    }

    /**
     * Cuts {@code mesh} by the plane through {@code point} with normal {@code normal} (any length).
     *
     * @throws IllegalArgumentException if the mesh is open where the plane crosses it, so no cap
     *         can close it
     */
    public static Parts cut(Mesh mesh, Vec3 point, Vec3 normal, String behindName, String inFrontName) {
        Vec3 n = normal.normalized();
        float[] source = mesh.vertices();
        int vertexCount = mesh.vertexCount();
        double[] side = new double[vertexCount];
        double[] xyz = new double[3 * vertexCount];
        for (int v = 0; v < vertexCount; v++) {
            double x = source[3 * v], y = source[3 * v + 1], z = source[3 * v + 2];
            double s = (x - point.x()) * n.x() + (y - point.y()) * n.y() + (z - point.z()) * n.z();
            if (Math.abs(s) < SNAP_MM) {
                double target = s >= 0 ? SNAP_MM : -SNAP_MM;
                x += (target - s) * n.x();
                y += (target - s) * n.y();
                z += (target - s) * n.z();
                s = target;
            }
            side[v] = s;
            xyz[3 * v] = x;
            xyz[3 * v + 1] = y;
            xyz[3 * v + 2] = z;
        }
        CutPoints cuts = new CutPoints(xyz, side);
        int[] tri = mesh.triangles();
        IntList behind = new IntList(tri.length), front = new IntList(tri.length);
        IntList capEdges = new IntList(256); // directed edges of the cap that closes the part behind
        for (int t = 0; t < tri.length; t += 3) {
            int a = tri[t], b = tri[t + 1], c = tri[t + 2];
            boolean pa = side[a] > 0, pb = side[b] > 0, pc = side[c] > 0;
            if (pa == pb && pb == pc) {
                (pa ? front : behind).add(a, b, c);
                continue;
            }
            // rotate so that x is the vertex alone on its side; y, z keep the winding
            int x, y, z;
            if (pa != pb && pa != pc) {
                x = a; y = b; z = c;
            } else if (pb != pa && pb != pc) {
                x = b; y = c; z = a;
            } else {
                x = c; y = a; z = b;
            }
            int p = cuts.on(x, y), q = cuts.on(x, z);
            boolean xInFront = side[x] > 0;
            (xInFront ? front : behind).add(x, p, q);
            IntList other = xInFront ? behind : front;
            // the quad p y z q in two triangles, along the diagonal that leaves no needle: a thin input
            // triangle cut near a corner would otherwise give one too flat for float coordinates
            if (cuts.minHeight(p, y, z, q) >= cuts.minHeight(y, z, q, p)) {
                other.add(p, y, z);
                other.add(p, z, q);
            } else {
                other.add(y, z, q);
                other.add(y, q, p);
            }
            // the part behind has the cut edge p->q (x behind) or q->p; its cap runs the other way
            if (xInFront) {
                capEdges.add(p, q);
            } else {
                capEdges.add(q, p);
            }
        }
        double[] all = cuts.coordinates();
        CapTriangulation.Cap cap = CapTriangulation.close(all, capEdges.toArray(), n, mesh.name());
        int[] capTriangles = cap.triangles();
        for (int t = 0; t < capTriangles.length; t += 3) {
            behind.add(capTriangles[t], capTriangles[t + 1], capTriangles[t + 2]);
            front.add(capTriangles[t], capTriangles[t + 2], capTriangles[t + 1]);
        }
        return new Parts(compact(behindName, mesh.rgb(), all, behind.toArray()),
                compact(inFrontName, mesh.rgb(), all, front.toArray()), cap.areaMm2(), cap.loops(), cap.crossingOutlines());
    }

    /** A mesh of only the vertices its triangles use, in the order they are first used. */
    private static Mesh compact(String name, int rgb, double[] xyz, int[] triangles) {
        int[] index = new int[xyz.length / 3];
        Arrays.fill(index, -1);
        int used = 0;
        int[] out = new int[triangles.length];
        for (int i = 0; i < triangles.length; i++) {
            int v = triangles[i];
            if (index[v] < 0) {
                index[v] = used++;
            }
            out[i] = index[v];
        }
        float[] vertices = new float[3 * used];
        for (int v = 0; v < index.length; v++) {
            if (index[v] >= 0) {
                vertices[3 * index[v]] = (float) xyz[3 * v];
                vertices[3 * index[v] + 1] = (float) xyz[3 * v + 1];
                vertices[3 * index[v] + 2] = (float) xyz[3 * v + 2];
            }
        }
        return new Mesh(name, rgb, vertices, out);
    }

    /** The points where edges cross the plane, one per edge, numbered after the mesh's vertices. */
    private static final class CutPoints {
        private final double[] xyz;
        private final double[] side;
        private final java.util.HashMap<Long, Integer> byEdge = new java.util.HashMap<>();
        private double[] added = new double[3 * 1024];
        private int count;

        CutPoints(double[] xyz, double[] side) {
            this.xyz = xyz;
            this.side = side;
        }

        int on(int u, int v) {
            int a = Math.min(u, v), b = Math.max(u, v); // one point per edge, whichever way it is met
            long key = (long) a * side.length + b;
            Integer known = byEdge.get(key);
            if (known != null) {
                return known;
            }
            double t = side[a] / (side[a] - side[b]);
            if (3 * count + 3 > added.length) {
                added = Arrays.copyOf(added, 2 * added.length);
            }
            for (int k = 0; k < 3; k++) {
                added[3 * count + k] = xyz[3 * a + k] + t * (xyz[3 * b + k] - xyz[3 * a + k]);
            }
            int id = side.length + count++;
            byEdge.put(key, id);
            return id;
        }

        /** The smaller height of the triangles (a, b, c) and (a, c, d): the quad split along a-c. */
        double minHeight(int a, int b, int c, int d) {
            return Math.min(height(a, b, c), height(a, c, d));
        }

        /** Twice the area over the longest side: how far the triangle is from a line, mm. */
        private double height(int a, int b, int c) {
            double[] pa = point(a), pb = point(b), pc = point(c);
            double ux = pb[0] - pa[0], uy = pb[1] - pa[1], uz = pb[2] - pa[2];
            double wx = pc[0] - pa[0], wy = pc[1] - pa[1], wz = pc[2] - pa[2];
            double cx = uy * wz - uz * wy, cy = uz * wx - ux * wz, cz = ux * wy - uy * wx;
            double longest = Math.max(Math.max(ux * ux + uy * uy + uz * uz, wx * wx + wy * wy + wz * wz),
                    (pc[0] - pb[0]) * (pc[0] - pb[0]) + (pc[1] - pb[1]) * (pc[1] - pb[1])
                            + (pc[2] - pb[2]) * (pc[2] - pb[2]));
            return Math.sqrt((cx * cx + cy * cy + cz * cz) / Math.max(longest, 1e-300));
        }

        private double[] point(int id) {
            int at = 3 * (id < side.length ? id : id - side.length);
            double[] from = id < side.length ? xyz : added;
            return new double[] { from[at], from[at + 1], from[at + 2] };
        }

        double[] coordinates() {
            double[] all = Arrays.copyOf(xyz, xyz.length + 3 * count);
            System.arraycopy(added, 0, all, xyz.length, 3 * count);
            return all;
        }
    }

    /** A growable int array. */
    static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(capacity, 16)];
        }

        void add(int... more) {
            if (size + more.length > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, size + more.length));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
