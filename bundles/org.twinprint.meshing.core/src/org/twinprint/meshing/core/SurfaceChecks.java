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
    static long selfIntersections(TriangleGrid grid, double[] normals) {
        Mesh m = grid.mesh;
        int[] t = m.triangles();
        float[] v = m.vertices();
        float[] boxes = boxes(m);
        // each triangle's lowest cell; a pair's overlap starts in the cell of the larger of the two
        int[] low = new int[3 * m.triangleCount()];
        int[] box = new int[6];
        for (int f = 0; f < m.triangleCount(); f++) {
            grid.bounds(t, v, f, box);
            System.arraycopy(box, 0, low, 3 * f, 3);
        }
        AtomicLong found = new AtomicLong();
        int nx = grid.dims[0], ny = grid.dims[1];
        int cells = nx * ny * grid.dims[2];
        int most = 0;
        for (int c = 0; c < cells; c++) {
            most = Math.max(most, grid.start[c + 1] - grid.start[c]);
        }
        int capacity = most;
        IntStream.range(0, (cells + 4095) / 4096).parallel().forEach(block -> {
            long local = 0;
            // the cell's triangles (low cell, box, corners) copied side by side: the pair loop stays in cache
            int[] id = new int[capacity], lx = new int[capacity], ly = new int[capacity], lz = new int[capacity];
            int[] corners = new int[3 * capacity];
            float[] near = new float[6 * capacity];
            for (int c = block * 4096; c < Math.min(cells, (block + 1) * 4096); c++) {
                int n = grid.start[c + 1] - grid.start[c];
                if (n < 2) {
                    continue;
                }
                int cx = c % nx, cy = (c / nx) % ny, cz = c / (nx * ny);
                for (int i = 0; i < n; i++) {
                    int f = grid.items[grid.start[c] + i];
                    id[i] = f;
                    lx[i] = low[3 * f];
                    ly[i] = low[3 * f + 1];
                    lz[i] = low[3 * f + 2];
                    System.arraycopy(t, 3 * f, corners, 3 * i, 3);
                    System.arraycopy(boxes, 6 * f, near, 6 * i, 6);
                }
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        // test each pair once: in the cell where their boxes' overlap begins
                        if (Math.max(lx[i], lx[j]) != cx || Math.max(ly[i], ly[j]) != cy
                                || Math.max(lz[i], lz[j]) != cz || !overlap(near, i, j)
                                || sharesVertex(corners, i, j)) {
                            continue;
                        }
                        if (crosses(v, t, normals, id[i], id[j])) {
                            local++;
                        }
                    }
                }
            }
            found.addAndGet(local);
        });
        return found.get();
    }

    /** Each triangle's normal, scaled by twice its area (x, y, z per triangle). */
    static double[] triangleNormals(Mesh m) {
        float[] v = m.vertices();
        int[] t = m.triangles();
        double[] normals = new double[t.length];
        IntStream.range(0, (m.triangleCount() + 4095) / 4096).parallel().forEach(block -> {
            double[] n = new double[3];
            for (int f = block * 4096; f < Math.min(m.triangleCount(), (block + 1) * 4096); f++) {
                Normals.scaled(v, 3 * t[3 * f], 3 * t[3 * f + 1], 3 * t[3 * f + 2], n);
                System.arraycopy(n, 0, normals, 3 * f, 3);
            }
        });
        return normals;
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
    static double[] walls(TriangleGrid grid, double[] faces, int samples, double maxDistance) {
        Mesh m = grid.mesh;
        if (m.vertexCount() == 0) {
            return new double[0];
        }
        float[] normals = vertexNormals(m, faces);
        SplittableRandom random = new SplittableRandom(7);
        int n = Math.min(samples, m.vertexCount());
        int[] picks = new int[n];
        for (int i = 0; i < n; i++) {
            picks[i] = n == m.vertexCount() ? i : random.nextInt(m.vertexCount());
        }
        return IntStream.of(picks).parallel().mapToDouble(p -> wallAt(grid, normals, faces, p, maxDistance))
                .filter(d -> d < maxDistance).sorted().toArray();
    }

    private static double wallAt(TriangleGrid grid, float[] normals, double[] faces, int p, double maxDistance) {
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
                if (hit > 1e-4 && hit < best && faces[3 * f] * dx + faces[3 * f + 1] * dy + faces[3 * f + 2] * dz > 0) {
                    best = hit;
                }
            }
        }
        return best;
    }

    /** Area-weighted vertex normals, unit length. */
    static float[] vertexNormals(Mesh m) {
        return vertexNormals(m, triangleNormals(m));
    }

    /** Area-weighted vertex normals, unit length, from the triangles' scaled normals. */
    static float[] vertexNormals(Mesh m, double[] faces) {
        int[] t = m.triangles();
        float[] n = new float[m.vertices().length];
        for (int f = 0; f < t.length; f += 3) {
            for (int corner = 0; corner < 3; corner++) {
                int k = 3 * t[f + corner];
                n[k] += (float) faces[f];
                n[k + 1] += (float) faces[f + 1];
                n[k + 2] += (float) faces[f + 2];
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

    /**
     * Do triangles f and g cut through each other? Each must straddle the other's plane; then both
     * meet the line where the planes cross in an interval, and they cross when the intervals
     * overlap by more than a point (Möller's interval test). Coplanar or merely touching triangles
     * do not count.
     */
    static boolean crosses(float[] v, int[] t, double[] normals, int f, int g) {
        double[] df = new double[3], dg = new double[3];
        if (oneSide(v, t, normals, f, g, df) || oneSide(v, t, normals, g, f, dg)) {
            return false;
        }
        double lx = normals[3 * f + 1] * normals[3 * g + 2] - normals[3 * f + 2] * normals[3 * g + 1];
        double ly = normals[3 * f + 2] * normals[3 * g] - normals[3 * f] * normals[3 * g + 2];
        double lz = normals[3 * f] * normals[3 * g + 1] - normals[3 * f + 1] * normals[3 * g];
        // positions along the line compare the same on the coordinate where it runs most
        int axis = Math.abs(lx) >= Math.abs(ly) ? (Math.abs(lx) >= Math.abs(lz) ? 0 : 2)
                : (Math.abs(ly) >= Math.abs(lz) ? 1 : 2);
        double[] a = interval(v, t, f, df, axis), b = interval(v, t, g, dg, axis);
        return a != null && b != null && Math.max(a[0], b[0]) < Math.min(a[1], b[1]);
    }

    /**
     * Do all corners of triangle f lie on one side of triangle g's plane (or on it)? Their signed
     * distances (scaled by g's normal length) are left in {@code d}.
     */
    private static boolean oneSide(float[] v, int[] t, double[] normals, int f, int g, double[] d) {
        int a = 3 * t[3 * g];
        double nx = normals[3 * g], ny = normals[3 * g + 1], nz = normals[3 * g + 2];
        int above = 0, below = 0;
        for (int k = 0; k < 3; k++) {
            int p = 3 * t[3 * f + k];
            d[k] = (v[p] - v[a]) * nx + (v[p + 1] - v[a + 1]) * ny + (v[p + 2] - v[a + 2]) * nz;
            if (d[k] > 0) {
                above++;
            } else if (d[k] < 0) {
                below++;
            }
        }
        return above == 0 || below == 0;
    }

    /** Where triangle f meets the other plane, as {min, max} of one coordinate; null if nowhere. */
    private static double[] interval(float[] v, int[] t, int f, double[] d, int axis) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            int n = k == 2 ? 0 : k + 1;
            double p = v[3 * t[3 * f + k] + axis], q = v[3 * t[3 * f + n] + axis];
            if (d[k] == 0) {
                lo = Math.min(lo, p);
                hi = Math.max(hi, p);
            }
            if (d[k] * d[n] < 0) {
                double x = p + (q - p) * d[k] / (d[k] - d[n]);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return lo <= hi ? new double[] { lo, hi } : null;
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
