package org.twinprint.meshing.core;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.util.Parallel;

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
        return selfIntersections(grid, null);
    }

    /** The same count; each triangle of a crossing pair is marked in {@code crossing} too (if not null). */
    static long selfIntersections(TriangleGrid grid, boolean[] crossing) {
        Mesh m = grid.mesh;
        int[] t = m.triangles();
        float[] v = m.vertices();
        AtomicLong found = new AtomicLong();
        int nx = grid.dims[0], ny = grid.dims[1];
        int cells = nx * ny * grid.dims[2];
        int most = 0;
        for (int c = 0, previous = grid.start[0]; c < cells; c++) {
            int next = grid.start[c + 1];
            most = Math.max(most, next - previous);
            previous = next;
        }
        int capacity = most;
        int[] start = grid.start, items = grid.items;
        Parallel.forEachBlock(cells, 4096, (first, last) -> {
            long local = 0;
            // the cell's triangles (corner ids, boxes, coordinates, normals) copied side by side: the pair
            // loop reads nothing else, so it stays in cache
            Cell cell = new Cell(capacity);
            for (int c = first; c < last; c++) {
                int from = start[c], n = start[c + 1] - from;
                if (n < 2) {
                    continue;
                }
                int cx = c % nx, cy = (c / nx) % ny, cz = c / (nx * ny);
                cell.at(grid, cx, cy, cz);
                for (int i = 0; i < n; i++) {
                    cell.load(i, items[from + i], t, grid, cx, cy, cz);
                    cell.ids[i] = items[from + i];
                }
                local += cell.crossingPairs(n, v, crossing);
            }
            found.addAndGet(local);
        });
        return found.get();
    }

    /**
     * Six lanes of 9 bits: 8 for a box end (0 to 255 across the cell) and a guard bit. Lane by lane,
     * 256 + (one box's high end) - (the other's low end) stays within 9 bits, and its guard bit is
     * set when the high end is not below the low end; six lanes are the two ends on three axes.
     */
    private static final int LANE = 9;
    private static final int LEVELS = 255;
    private static final long GUARDS = 0x100L * (1 | 1L << 9 | 1L << 18 | 1L << 27 | 1L << 36 | 1L << 45);

    /**
     * The triangles of one grid cell, copied side by side for the pair tests: corner ids, boxes and
     * on which axes each box starts in this cell; coordinates and normals only once a pair needs them.
     */
    private static final class Cell {
        final int[] corners;
        final float[] points;
        final double[] normals;
        final float[] boxes;
        final int[] starts;
        /** The triangles, by their index in the mesh. */
        final int[] ids;
        final boolean[] loaded;
        /** Packed 8-bit boxes: asFirst[i] + asSecond[j] has every guard bit set when i and j overlap. */
        final long[] asFirst, asSecond;
        private double x, y, z, scale;
        private final double[] df = new double[3], dg = new double[3], ia = new double[2], ib = new double[2];
        private final double[] normal = new double[3];

        Cell(int capacity) {
            corners = new int[3 * capacity];
            points = new float[9 * capacity];
            normals = new double[3 * capacity];
            boxes = new float[6 * capacity];
            starts = new int[capacity];
            ids = new int[capacity];
            loaded = new boolean[capacity];
            asFirst = new long[capacity];
            asSecond = new long[capacity];
        }

        void load(int i, int f, int[] t, TriangleGrid grid, int cx, int cy, int cz) {
            // everything in locals and written out: the quick JIT reloads fields at every use
            float[] b = grid.boxes, own = boxes;
            int[] cb = grid.cellBoxes, c = corners;
            int p = 6 * f, q = 6 * i, r = 3 * i, s = 3 * f;
            double x0 = x, y0 = y, z0 = z, per = scale;
            loaded[i] = false;
            c[r] = t[s];
            c[r + 1] = t[s + 1];
            c[r + 2] = t[s + 2];
            float lx = b[p], ly = b[p + 1], lz = b[p + 2], hx = b[p + 3], hy = b[p + 4], hz = b[p + 5];
            own[q] = lx;
            own[q + 1] = ly;
            own[q + 2] = lz;
            own[q + 3] = hx;
            own[q + 4] = hy;
            own[q + 5] = hz;
            starts[i] = (cb[p] == cx ? 1 : 0) | (cb[p + 1] == cy ? 2 : 0) | (cb[p + 2] == cz ? 4 : 0);
            // the box in 8-bit steps across this cell, packed so one addition compares it with another
            // box on all three axes (see crossingPairs); both ends are rounded the same way, so a high
            // end not below a low end stays so
            long low = level((lx - x0) * per) | level((ly - y0) * per) << LANE | level((lz - z0) * per) << 2 * LANE;
            long high = level((hx - x0) * per) | level((hy - y0) * per) << LANE | level((hz - z0) * per) << 2 * LANE;
            asSecond[i] = high - (low << 3 * LANE);
            asFirst[i] = GUARDS + (high << 3 * LANE) - low;
        }

        /** Where the next cell's triangles will be measured from: its low corner. */
        void at(TriangleGrid grid, int cx, int cy, int cz) {
            x = grid.min[0] + cx * grid.cell;
            y = grid.min[1] + cy * grid.cell;
            z = grid.min[2] + cz * grid.cell;
            scale = LEVELS / grid.cell;
        }

        /**
         * A position in 255ths of the cell, held within it. The cast rounds down within the cell (the
         * quick JIT would call out of line for Math.floor); any rounding that never reverses an order
         * would do.
         */
        private static long level(double u) {
            return u <= 0 ? 0 : u >= LEVELS ? LEVELS : (long) u;
        }

        private void coordinates(int i, float[] v) {
            if (loaded[i]) {
                return;
            }
            for (int k = 0; k < 3; k++) {
                int p = 3 * corners[3 * i + k];
                points[9 * i + 3 * k] = v[p];
                points[9 * i + 3 * k + 1] = v[p + 1];
                points[9 * i + 3 * k + 2] = v[p + 2];
            }
            Normals.scaled(points, 9 * i, 9 * i + 3, 9 * i + 6, normal);
            normals[3 * i] = normal[0];
            normals[3 * i + 1] = normal[1];
            normals[3 * i + 2] = normal[2];
            loaded[i] = true;
        }

        /**
         * The crossing pairs among the first n triangles. Each pair is tested once, where their boxes'
         * overlap begins: the masks of the axes on which each box starts in this cell cover all three.
         * This loop runs for every pair in every cell, so triangle i's box is held in locals.
         */
        int crossingPairs(int n, float[] v, boolean[] crossing) {
            float[] b = boxes; // locals: the quick JIT reloads fields at every use
            long[] second = asSecond;
            int[] from = starts, c = corners;
            int found = 0;
            for (int i = 0; i < n; i++) {
                int si = from[i];
                float x0 = b[6 * i], y0 = b[6 * i + 1], z0 = b[6 * i + 2];
                float x1 = b[6 * i + 3], y1 = b[6 * i + 4], z1 = b[6 * i + 5];
                int a0 = c[3 * i], a1 = c[3 * i + 1], a2 = c[3 * i + 2];
                long first = asFirst[i];
                for (int j = i + 1; j < n; j++) {
                    // most pairs fail the packed test: they are passed over two at a time (half the loop
                    // overhead in the quick JIT)
                    while (j + 1 < n && (first + second[j] & GUARDS) != GUARDS
                            && (first + second[j + 1] & GUARDS) != GUARDS) {
                        j += 2;
                    }
                    if (j >= n || (first + second[j] & GUARDS) != GUARDS) {
                        continue;
                    }
                    // more than nine in ten of the pairs that get this far share a corner (on the demo
                    // skull), so that test goes before the one of the boxes in float
                    if ((si | from[j]) != 7) {
                        continue;
                    }
                    int c0 = c[3 * j], c1 = c[3 * j + 1], c2 = c[3 * j + 2];
                    if (a0 == c0 || a0 == c1 || a0 == c2 || a1 == c0 || a1 == c1 || a1 == c2 || a2 == c0 || a2 == c1
                            || a2 == c2) {
                        continue;
                    }
                    int o = 6 * j;
                    if (x0 > b[o + 3] || b[o] > x1 || y0 > b[o + 4] || b[o + 1] > y1 || z0 > b[o + 5] || b[o + 2] > z1) {
                        continue;
                    }
                    if (crosses(i, j, v)) {
                        found++;
                        if (crossing != null) { // other cores may mark the same: they only ever write true
                            crossing[ids[i]] = true;
                            crossing[ids[j]] = true;
                        }
                    }
                }
            }
            return found;
        }

        /**
         * Do triangles i and j cut through each other? Each must straddle the other's plane; then
         * both meet the line where the planes cross in an interval, and they cross when the
         * intervals overlap by more than a point (Möller's interval test). Coplanar or merely
         * touching triangles do not count.
         */
        boolean crosses(int i, int j, float[] v) {
            coordinates(i, v);
            coordinates(j, v);
            if (oneSide(i, j, df) || oneSide(j, i, dg)) {
                return false;
            }
            double[] n = normals;
            double lx = n[3 * i + 1] * n[3 * j + 2] - n[3 * i + 2] * n[3 * j + 1];
            double ly = n[3 * i + 2] * n[3 * j] - n[3 * i] * n[3 * j + 2];
            double lz = n[3 * i] * n[3 * j + 1] - n[3 * i + 1] * n[3 * j];
            // positions along the line compare the same on the coordinate where it runs most
            int axis = Math.abs(lx) >= Math.abs(ly) ? (Math.abs(lx) >= Math.abs(lz) ? 0 : 2)
                    : (Math.abs(ly) >= Math.abs(lz) ? 1 : 2);
            return interval(i, df, axis, ia) && interval(j, dg, axis, ib)
                    && Math.max(ia[0], ib[0]) < Math.min(ia[1], ib[1]);
        }

        /**
         * Do all corners of triangle i lie on one side of triangle j's plane (or on it)? Their
         * signed distances (scaled by j's normal length) are left in {@code d}.
         */
        private boolean oneSide(int i, int j, double[] d) {
            float[] p = points;
            int a = 9 * j;
            double nx = normals[3 * j], ny = normals[3 * j + 1], nz = normals[3 * j + 2];
            int above = 0, below = 0;
            for (int k = 0; k < 3; k++) {
                int q = 9 * i + 3 * k;
                d[k] = (p[q] - p[a]) * nx + (p[q + 1] - p[a + 1]) * ny + (p[q + 2] - p[a + 2]) * nz;
                if (d[k] > 0) {
                    above++;
                } else if (d[k] < 0) {
                    below++;
                }
            }
            return above == 0 || below == 0;
        }

        /** Where triangle i meets the other plane, as {min, max} of one coordinate; false if nowhere. */
        private boolean interval(int i, double[] d, int axis, double[] out) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                int n = Corners.next(k);
                double p = points[9 * i + 3 * k + axis], q = points[9 * i + 3 * n + axis];
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
            out[0] = lo;
            out[1] = hi;
            return lo <= hi;
        }
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
        SplittableRandom random = new SplittableRandom(7);
        int n = Math.min(samples, m.vertexCount());
        int[] picks = new int[n];
        for (int i = 0; i < n; i++) {
            picks[i] = n == m.vertexCount() ? i : random.nextInt(m.vertexCount());
        }
        float[] normals = vertexNormals(m, picks);
        double[] walls = new double[n];
        Parallel.forEachBlock(n, 64, (first, last) -> {
            for (int i = first; i < last; i++) {
                walls[i] = wallAt(grid, normals, 3 * i, picks[i], maxDistance);
            }
        });
        return java.util.Arrays.stream(walls).filter(d -> d < maxDistance).sorted().toArray();
    }

    /** The wall at vertex p, whose unit normal is at {@code normal} in {@code normals}. */
    private static double wallAt(TriangleGrid grid, float[] normals, int normal, int p, double maxDistance) {
        float[] v = grid.mesh.vertices();
        int[] t = grid.mesh.triangles();
        double ox = v[3 * p], oy = v[3 * p + 1], oz = v[3 * p + 2];
        double dx = -normals[normal], dy = -normals[normal + 1], dz = -normals[normal + 2];
        if (dx == 0 && dy == 0 && dz == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double best = maxDistance;
        // walk the cells the ray passes through, each once, in order (Amanatides and Woo), until the
        // next cell begins beyond the nearest wall found
        double[] o = { ox, oy, oz }, d = { dx, dy, dz };
        int[] cellAt = new int[3], step = new int[3];
        double[] next = new double[3], delta = new double[3];
        for (int a = 0; a < 3; a++) {
            cellAt[a] = grid.cellIndex(o[a], a);
            step[a] = d[a] > 0 ? 1 : d[a] < 0 ? -1 : 0;
            double edge = grid.min[a] + (cellAt[a] + (step[a] > 0 ? 1 : 0)) * grid.cell;
            next[a] = step[a] == 0 ? Double.POSITIVE_INFINITY : (edge - o[a]) / d[a];
            delta[a] = step[a] == 0 ? Double.POSITIVE_INFINITY : grid.cell / Math.abs(d[a]);
        }
        while (true) {
            int c = (cellAt[2] * grid.dims[1] + cellAt[1]) * grid.dims[0] + cellAt[0];
            for (int k = grid.start[c]; k < grid.start[c + 1]; k++) {
                int f = grid.items[k];
                if (t[3 * f] == p || t[3 * f + 1] == p || t[3 * f + 2] == p) {
                    continue;
                }
                double hit = exit(v, t, f, ox, oy, oz, dx, dy, dz);
                if (hit > 1e-4 && hit < best) {
                    best = hit;
                }
            }
            int a = next[0] <= next[1] ? (next[0] <= next[2] ? 0 : 2) : (next[1] <= next[2] ? 1 : 2);
            if (next[a] > best) {
                break; // every later cell starts farther than the wall already found
            }
            cellAt[a] += step[a];
            if (cellAt[a] < 0 || cellAt[a] >= grid.dims[a]) {
                break;
            }
            next[a] += delta[a];
        }
        return best;
    }

    /** Area-weighted vertex normals, unit length. */
    static float[] vertexNormals(Mesh m) {
        return vertexNormals(m, null);
    }

    /**
     * Area-weighted unit normals of the vertices {@code picks} (every vertex when null), in that
     * order: x, y, z per pick. A vertex picked twice gets the same normal twice.
     */
    static float[] vertexNormals(Mesh m, int[] picks) {
        int[] t = m.triangles();
        float[] v = m.vertices();
        // slot[w]: where vertex w adds up its normal, or -1 when it is not wanted
        int[] slot;
        int slots;
        if (picks == null) {
            slot = null;
            slots = m.vertexCount();
        } else {
            slot = new int[m.vertexCount()];
            java.util.Arrays.fill(slot, -1);
            slots = 0;
            for (int p : picks) {
                if (slot[p] < 0) {
                    slot[p] = slots++;
                }
            }
        }
        // each half of the triangles adds into its own array, made on its own thread; the halves are
        // then added
        int middle = t.length / 6 * 3, wanted = slots;
        float[][] sums = new float[2][];
        IntStream.range(0, 2).parallel().forEach(half -> {
            sums[half] = new float[3 * wanted];
            addFaceNormals(t, v, slot, half == 0 ? 0 : middle, half == 0 ? middle : t.length, sums[half]);
        });
        float[] n = sums[0], other = sums[1];
        Parallel.forEachBlock(n.length / 3, 1 << 16, (first, last) -> {
            for (int i = 3 * first; i < 3 * last; i += 3) {
                float x = n[i] + other[i], y = n[i + 1] + other[i + 1], z = n[i + 2] + other[i + 2];
                double len = Math.sqrt(x * x + y * y + z * z);
                if (len > 0) {
                    n[i] = (float) (x / len);
                    n[i + 1] = (float) (y / len);
                    n[i + 2] = (float) (z / len);
                } else {
                    n[i] = n[i + 1] = n[i + 2] = 0;
                }
            }
        });
        if (picks == null) {
            return n;
        }
        float[] picked = new float[3 * picks.length];
        for (int i = 0; i < picks.length; i++) {
            System.arraycopy(n, 3 * slot[picks[i]], picked, 3 * i, 3);
        }
        return picked;
    }

    /** Adds the scaled normals of triangles [from, to) (corner offsets) to their corners' slots. */
    private static void addFaceNormals(int[] t, float[] v, int[] slot, int from, int to, float[] n) {
        double[] face = new double[3];
        for (int f = from; f < to; f += 3) {
            int a = t[f], b = t[f + 1], c = t[f + 2];
            if (slot != null) {
                a = slot[a];
                b = slot[b];
                c = slot[c];
                if ((a & b & c) < 0) {
                    continue; // no corner wanted (all three are -1)
                }
            }
            Normals.scaled(v, 3 * t[f], 3 * t[f + 1], 3 * t[f + 2], face);
            add(n, a, face);
            add(n, b, face);
            add(n, c, face);
        }
    }

    private static void add(float[] n, int slot, double[] face) {
        if (slot >= 0) {
            int k = 3 * slot;
            n[k] += (float) face[0];
            n[k + 1] += (float) face[1];
            n[k + 2] += (float) face[2];
        }
    }

    /**
     * Möller–Trumbore, for where the ray leaves the solid: the parameter of its hit on triangle g if
     * g faces along the ray (outward normal · direction > 0), else -1.
     */
    private static double exit(float[] v, int[] t, int g, double ox, double oy, double oz, double dx, double dy,
            double dz) {
        int a = 3 * t[3 * g], b = 3 * t[3 * g + 1], c = 3 * t[3 * g + 2];
        double e1x = v[b] - v[a], e1y = v[b + 1] - v[a + 1], e1z = v[b + 2] - v[a + 2];
        double e2x = v[c] - v[a], e2y = v[c + 1] - v[a + 1], e2z = v[c + 2] - v[a + 2];
        double px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        // det = e1 . (d x e2) = -(e1 x e2) . d: negative when the triangle faces along the ray
        double det = e1x * px + e1y * py + e1z * pz;
        if (det > -1e-12) {
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


}
