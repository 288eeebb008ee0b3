package org.twinprint.meshing.core;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.twinprint.core.model.Mesh;

/**
 * Geometric checks that need more than edges: triangles that cut through each other, and the
 * thinnest wall (distance from the surface, inwards, to the opposite surface).
 */
final class SurfaceChecks {

    private SurfaceChecks() {
    }

    /**
     * Pairs of triangles without a shared vertex that cross each other. Each pair is tested once,
     * in the grid cell holding the low corner of the overlap of their bounding boxes.
     */
    static long selfIntersections(TriangleGrid grid) {
        Mesh m = grid.mesh;
        int[] t = m.triangles();
        float[] v = m.vertices();
        float[] boxes = boxes(m);
        AtomicLong found = new AtomicLong();
        int cells = grid.dims[0] * grid.dims[1] * grid.dims[2];
        IntStream.range(0, (cells + 4095) / 4096).parallel().forEach(block -> {
            long local = 0;
            for (int c = block * 4096; c < Math.min(cells, (block + 1) * 4096); c++) {
                for (int i = grid.start[c]; i < grid.start[c + 1]; i++) {
                    int f = grid.items[i];
                    for (int j = i + 1; j < grid.start[c + 1]; j++) {
                        int g = grid.items[j];
                        if (!overlap(boxes, f, g) || grid.cellOf(Math.max(boxes[6 * f], boxes[6 * g]),
                                Math.max(boxes[6 * f + 1], boxes[6 * g + 1]),
                                Math.max(boxes[6 * f + 2], boxes[6 * g + 2])) != c || sharesVertex(t, f, g)) {
                            continue;
                        }
                        if (!oneSide(v, t, f, g) && !oneSide(v, t, g, f) && (cross(v, t, f, g) || cross(v, t, g, f))) {
                            local++;
                        }
                    }
                }
            }
            found.addAndGet(local);
        });
        return found.get();
    }

    /** Bounding box of every triangle: min x, y, z, max x, y, z. */
    private static float[] boxes(Mesh m) {
        float[] v = m.vertices();
        int[] t = m.triangles();
        float[] b = new float[2 * t.length];
        for (int f = 0; f < m.triangleCount(); f++) {
            for (int a = 0; a < 3; a++) {
                float p = v[3 * t[3 * f] + a], q = v[3 * t[3 * f + 1] + a], r = v[3 * t[3 * f + 2] + a];
                b[6 * f + a] = Math.min(p, Math.min(q, r));
                b[6 * f + 3 + a] = Math.max(p, Math.max(q, r));
            }
        }
        return b;
    }

    private static boolean overlap(float[] b, int f, int g) {
        return b[6 * f] <= b[6 * g + 3] && b[6 * g] <= b[6 * f + 3] && b[6 * f + 1] <= b[6 * g + 4]
                && b[6 * g + 1] <= b[6 * f + 4] && b[6 * f + 2] <= b[6 * g + 5] && b[6 * g + 2] <= b[6 * f + 5];
    }

    /**
     * Wall thickness at up to {@code samples} vertices, sorted, in mm: the distance along the
     * inward normal to where the ray leaves the solid again (a surface facing along the ray).
     * Points with no wall within {@code maxDistance} are left out.
     */
    static double[] walls(TriangleGrid grid, int samples, double maxDistance) {
        Mesh m = grid.mesh;
        if (m.vertexCount() == 0) {
            return new double[0];
        }
        float[] normals = vertexNormals(m);
        SplittableRandom random = new SplittableRandom(7);
        int n = Math.min(samples, m.vertexCount());
        int[] picks = new int[n];
        for (int i = 0; i < n; i++) {
            picks[i] = n == m.vertexCount() ? i : random.nextInt(m.vertexCount());
        }
        return IntStream.of(picks).parallel().mapToDouble(p -> wallAt(grid, normals, p, maxDistance))
                .filter(d -> d < maxDistance).sorted().toArray();
    }

    private static double wallAt(TriangleGrid grid, float[] normals, int p, double maxDistance) {
        float[] v = grid.mesh.vertices();
        int[] t = grid.mesh.triangles();
        double ox = v[3 * p], oy = v[3 * p + 1], oz = v[3 * p + 2];
        double dx = -normals[3 * p], dy = -normals[3 * p + 1], dz = -normals[3 * p + 2];
        if (dx == 0 && dy == 0 && dz == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double best = maxDistance;
        double step = grid.cell / 2;
        int last = -1;
        for (double s = 0; s <= best + grid.cell; s += step) {
            int c = grid.cellOf(ox + dx * s, oy + dy * s, oz + dz * s);
            if (c < 0) {
                break;
            }
            if (c == last) {
                continue;
            }
            last = c;
            for (int k = grid.start[c]; k < grid.start[c + 1]; k++) {
                int f = grid.items[k];
                if (t[3 * f] == p || t[3 * f + 1] == p || t[3 * f + 2] == p) {
                    continue;
                }
                double hit = ray(v, t, f, ox, oy, oz, dx, dy, dz);
                if (hit > 1e-4 && hit < best && facesAlong(v, t, f, dx, dy, dz)) {
                    best = hit;
                }
            }
        }
        return best;
    }

    /** Does triangle f face along the direction (so a ray going that way leaves the solid there)? */
    private static boolean facesAlong(float[] v, int[] t, int f, double dx, double dy, double dz) {
        double[] n = new double[3];
        Normals.scaled(v, 3 * t[3 * f], 3 * t[3 * f + 1], 3 * t[3 * f + 2], n);
        return n[0] * dx + n[1] * dy + n[2] * dz > 0;
    }

    /** Area-weighted vertex normals, unit length. */
    static float[] vertexNormals(Mesh m) {
        float[] v = m.vertices();
        int[] t = m.triangles();
        float[] n = new float[v.length];
        double[] scaled = new double[3];
        for (int f = 0; f < t.length; f += 3) {
            int a = 3 * t[f], b = 3 * t[f + 1], c = 3 * t[f + 2];
            Normals.scaled(v, a, b, c, scaled);
            float nx = (float) scaled[0], ny = (float) scaled[1], nz = (float) scaled[2];
            for (int k : new int[] { a, b, c }) {
                n[k] += nx;
                n[k + 1] += ny;
                n[k + 2] += nz;
            }
        }
        for (int i = 0; i < n.length; i += 3) {
            double len = Math.sqrt(n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2]);
            if (len > 0) {
                n[i] /= len;
                n[i + 1] /= len;
                n[i + 2] /= len;
            }
        }
        return n;
    }

    /** Do all corners of triangle f lie strictly on one side of triangle g's plane? */
    private static boolean oneSide(float[] v, int[] t, int f, int g) {
        int a = 3 * t[3 * g];
        double[] n = new double[3];
        Normals.scaled(v, a, 3 * t[3 * g + 1], 3 * t[3 * g + 2], n);
        double nx = n[0], ny = n[1], nz = n[2];
        int above = 0, below = 0;
        for (int k = 0; k < 3; k++) {
            int p = 3 * t[3 * f + k];
            double d = (v[p] - v[a]) * nx + (v[p + 1] - v[a + 1]) * ny + (v[p + 2] - v[a + 2]) * nz;
            if (d > 0) {
                above++;
            } else if (d < 0) {
                below++;
            }
        }
        return above == 3 || below == 3;
    }

    /** Does an edge of triangle f pass through triangle g? */
    private static boolean cross(float[] v, int[] t, int f, int g) {
        for (int e = 0; e < 3; e++) {
            int a = 3 * t[3 * f + e], b = 3 * t[3 * f + (e + 1) % 3];
            double dx = v[b] - v[a], dy = v[b + 1] - v[a + 1], dz = v[b + 2] - v[a + 2];
            double hit = ray(v, t, g, v[a], v[a + 1], v[a + 2], dx, dy, dz);
            if (hit > 1e-9 && hit < 1 - 1e-9) {
                return true;
            }
        }
        return false;
    }

    /** Möller–Trumbore: parameter of the ray's hit on triangle g, or -1. */
    private static double ray(float[] v, int[] t, int g, double ox, double oy, double oz, double dx, double dy,
            double dz) {
        int a = 3 * t[3 * g], b = 3 * t[3 * g + 1], c = 3 * t[3 * g + 2];
        double e1x = v[b] - v[a], e1y = v[b + 1] - v[a + 1], e1z = v[b + 2] - v[a + 2];
        double e2x = v[c] - v[a], e2y = v[c + 1] - v[a + 1], e2z = v[c + 2] - v[a + 2];
        double px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        double det = e1x * px + e1y * py + e1z * pz;
        if (Math.abs(det) < 1e-12) {
            return -1;
        }
        double inv = 1 / det;
        double sx = ox - v[a], sy = oy - v[a + 1], sz = oz - v[a + 2];
        double u = (sx * px + sy * py + sz * pz) * inv;
        if (u < 0 || u > 1) {
            return -1;
        }
        double qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
        double w = (dx * qx + dy * qy + dz * qz) * inv;
        if (w < 0 || u + w > 1) {
            return -1;
        }
        return (e2x * qx + e2y * qy + e2z * qz) * inv;
    }

    private static boolean sharesVertex(int[] t, int f, int g) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (t[3 * f + i] == t[3 * g + j]) {
                    return true;
                }
            }
        }
        return false;
    }

}
