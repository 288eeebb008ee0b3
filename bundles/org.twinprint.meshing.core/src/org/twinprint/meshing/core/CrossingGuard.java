package org.twinprint.meshing.core;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Keeps an edge collapse from making triangles cross that did not. The live triangles sit in a
 * uniform grid, each with its bounding box beside it; the triangles around a planned collapse,
 * as they would be, are tested against those near them that share no corner: the same pairs
 * {@link SurfaceChecks#selfIntersections} counts.
 * <p>
 * A triangle no wider than a cell is listed once, in the cell of its box's low corner, so a look-up
 * also reads the cells one below; a wider one is listed in every cell its box touches. While the
 * stretches of the surface are reduced on several cores at once, a worker may only use cells no
 * other stretch can reach: each stretch marks the cells its triangles' first boxes touch, widened
 * by a margin of one cell, and a worker keeps every vertex it moves within that margin of where
 * each vertex merged into it began. Cells one worker changes are then never read by another; a
 * collapse near another stretch is left for the later passes, which run alone.
 */
final class CrossingGuard {

    /**
     * Ints per cell entry: the triangle (its complement when listed in several cells), its box as
     * float bits, and its corners: a scan reads the cell's array in order.
     */
    private static final int ENTRY = 10;
    /**
     * Triangle corners farther than this from a plane (in units of its normal's length, which is
     * twice the area) are taken as on one side; the exact test decides the rest. It is far above
     * rounding, so no pair the exact test would call crossing is passed over.
     */
    private static final double SIDE = 1e-9;

    private final float[] pos;
    private final int[] tri;
    private final VertexFans fans;
    private final double minX, minY, minZ, cell, perCell;
    private final int nx, ny, nz;
    private final int[][] items;
    private final int[] counts;
    /** Per triangle: the first cell it is listed in, and the spans (8 bits per axis; 0: one cell). */
    private final int[] listedFrom, listedSpan;
    /** Per cell: the stretches that may reach it, one bit each (null with one stretch). */
    private final byte[] stretches;
    /** How far each vertex may be from where any vertex merged into it began (an upper bound), mm. */
    private final float[] reach;

    /** One worker's scratch space: the planned triangles' corners, boxes, planes and unmoved corners. */
    static final class Probe {
        private double[] corners = new double[9 * 32];
        private double[] boxes = new double[6 * 32];
        private double[] planes = new double[4 * 32];
        private int[] others = new int[2 * 32];
        private final double[] g = new double[9];
        private final double[] gb = new double[6];
    }

    /**
     * A guard over the live triangles; {@code stretchOf} gives the stretch of each triangle when
     * {@code parts} stretches are reduced at once.
     */
    CrossingGuard(float[] pos, int[] tri, boolean[] deadTriangle, VertexFans fans, int parts,
            IntUnaryOperator stretchOf) {
        this.pos = pos;
        this.tri = tri;
        this.fans = fans;
        double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (int i = 0; i < pos.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], pos[i + a]);
                hi[a] = Math.max(hi[a], pos[i + a]);
            }
        }
        int nt = deadTriangle.length;
        // cells twice the mean edge (most triangles fit one), and not more cells than triangles
        double c = Math.max(1e-6, 2 * meanEdge(deadTriangle));
        while (cellsOf(lo, hi, c) > nt + 1024L) {
            c *= 1.25;
        }
        cell = c;
        perCell = 1 / c;
        minX = lo[0];
        minY = lo[1];
        minZ = lo[2];
        nx = (int) ((hi[0] - lo[0]) / c) + 1;
        ny = (int) ((hi[1] - lo[1]) / c) + 1;
        nz = (int) ((hi[2] - lo[2]) / c) + 1;
        items = new int[nx * ny * nz][];
        counts = new int[items.length];
        listedFrom = new int[nt];
        listedSpan = new int[nt];
        reach = new float[pos.length / 3];
        stretches = parts > 1 ? new byte[items.length] : null;
        Probe probe = new Probe();
        for (int t = 0; t < nt; t++) {
            if (!deadTriangle[t]) {
                list(t, probe);
                if (stretches != null) {
                    mark(probe.gb, (byte) (1 << stretchOf.applyAsInt(t)));
                }
            }
        }
        if (stretches != null) {
            widenMarks(); // by one cell, the margin
        }
    }

    private double meanEdge(boolean[] deadTriangle) {
        int nt = deadTriangle.length;
        double sum = 0;
        int sampled = 0;
        for (int t = 0; t < nt; t += Math.max(1, nt / 4096)) {
            if (!deadTriangle[t]) {
                int p = 3 * tri[3 * t], q = 3 * tri[3 * t + 1];
                sum += Math.sqrt(sq(pos[p] - pos[q]) + sq(pos[p + 1] - pos[q + 1]) + sq(pos[p + 2] - pos[q + 2]));
                sampled++;
            }
        }
        return sum / Math.max(1, sampled);
    }

    private static long cellsOf(double[] lo, double[] hi, double c) {
        return (long) ((hi[0] - lo[0]) / c + 1) * (long) ((hi[1] - lo[1]) / c + 1) * (long) ((hi[2] - lo[2]) / c + 1);
    }

    private static double sq(double x) {
        return x * x;
    }

    /** The cell of offset u (in cells) from the grid's low corner, clamped to [0, n). */
    private static int clamp(double u, int n) {
        int i = (int) u; // truncation: below the grid (-1 < u < 0) comes to 0 as well
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    /**
     * May a and b merge at (tx, ty, tz), with t1 and t2 the triangles between them, without a
     * triangle around them crossing one near it? {@code owner} is the worker's stretch, or -1 when
     * it runs alone.
     */
    boolean allows(Probe probe, int owner, int a, int b, int t1, int t2, double tx, double ty, double tz) {
        if (owner >= 0 && (reachAfter(a, b, tx, ty, tz) > cell || foreignAround(t1, owner)
                || foreignAround(t2, owner))) {
            return false;
        }
        int n = plan(probe, owner, a, b, t1, t2, tx, ty, tz);
        if (n < 0) {
            return false;
        }
        double[] boxes = probe.boxes;
        double lx = Double.MAX_VALUE, ly = lx, lz = lx, hx = -lx, hy = hx, hz = hx;
        for (int f = 0; f < n; f++) {
            lx = Math.min(lx, boxes[6 * f]);
            ly = Math.min(ly, boxes[6 * f + 1]);
            lz = Math.min(lz, boxes[6 * f + 2]);
            hx = Math.max(hx, boxes[6 * f + 3]);
            hy = Math.max(hy, boxes[6 * f + 4]);
            hz = Math.max(hz, boxes[6 * f + 5]);
        }
        // one cell lower too: a narrow triangle is listed where its box begins
        int x0 = Math.max(0, clamp((lx - minX) * perCell, nx) - 1), x1 = clamp((hx - minX) * perCell, nx);
        int y0 = Math.max(0, clamp((ly - minY) * perCell, ny) - 1), y1 = clamp((hy - minY) * perCell, ny);
        int z0 = Math.max(0, clamp((lz - minZ) * perCell, nz) - 1), z1 = clamp((hz - minZ) * perCell, nz);
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    int c = (z * ny + y) * nx + x;
                    if (owner >= 0 && (stretches[c] & ~(1 << owner)) != 0) {
                        return false;
                    }
                    int[] list = items[c];
                    for (int i = 0, m = ENTRY * counts[c]; i < m; i += ENTRY) {
                        float b0 = Float.intBitsToFloat(list[i + 1]), b3 = Float.intBitsToFloat(list[i + 4]);
                        if (b0 > hx || b3 < lx) {
                            continue;
                        }
                        float b1 = Float.intBitsToFloat(list[i + 2]), b4 = Float.intBitsToFloat(list[i + 5]);
                        if (b1 > hy || b4 < ly) {
                            continue;
                        }
                        float b2 = Float.intBitsToFloat(list[i + 3]), b5 = Float.intBitsToFloat(list[i + 6]);
                        if (b2 > hz || b5 < lz) {
                            continue;
                        }
                        int p = list[i + 7], q = list[i + 8], r = list[i + 9];
                        if (p == a || p == b || q == a || q == b || r == a || r == b) {
                            continue; // it moves with the collapse (and shares the merged corner)
                        }
                        // (a triangle listed in several cells may be tested more than once: no harm)
                        if (crossesPlanned(probe, n, p, q, r, b0, b1, b2, b3, b4, b5)) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * The triangles around a and b but t1 and t2, as the collapse would leave them, into the
     * probe; returns how many, or -1 if one of them is listed where another stretch may reach.
     */
    private int plan(Probe probe, int owner, int a, int b, int t1, int t2, double tx, double ty, double tz) {
        int n = 0;
        for (int end = 0; end < 2; end++) {
            int v = end == 0 ? a : b;
            int[] fan = fans.array(v);
            for (int i = 0, count = fans.count[v], off = fans.offset(v); i < count; i++) {
                int t = fan[off + i];
                if (t == t1 || t == t2) {
                    continue;
                }
                if (owner >= 0 && foreignAround(t, owner)) {
                    return -1;
                }
                if (n == probe.boxes.length / 6) {
                    probe.corners = Arrays.copyOf(probe.corners, 18 * n);
                    probe.boxes = Arrays.copyOf(probe.boxes, 12 * n);
                    probe.planes = Arrays.copyOf(probe.planes, 8 * n);
                    probe.others = Arrays.copyOf(probe.others, 4 * n);
                }
                double[] corners = probe.corners;
                int kept = 0; // a triangle around a or b (but the two between them) has just one of them
                for (int k = 0; k < 3; k++) {
                    int w = tri[3 * t + k];
                    boolean moved = w == a || w == b;
                    corners[9 * n + 3 * k] = moved ? tx : pos[3 * w];
                    corners[9 * n + 3 * k + 1] = moved ? ty : pos[3 * w + 1];
                    corners[9 * n + 3 * k + 2] = moved ? tz : pos[3 * w + 2];
                    if (!moved && kept < 2) {
                        probe.others[2 * n + kept++] = w;
                    }
                }
                box(corners, 9 * n, probe.boxes, 6 * n);
                plane(corners, 9 * n, probe.planes, 4 * n);
                n++;
            }
        }
        return n;
    }

    /**
     * Would the triangle with corners p, q, r (box b0..b5) cross one of the n planned triangles it
     * shares no corner with?
     */
    private boolean crossesPlanned(Probe probe, int n, int p, int q, int r, float b0, float b1, float b2, float b3,
            float b4, float b5) {
        double[] boxes = probe.boxes, planes = probe.planes, g = probe.g;
        int[] others = probe.others;
        boolean loaded = false;
        for (int f = 0; f < n; f++) {
            int o = 6 * f;
            if (b0 > boxes[o + 3] || b3 < boxes[o] || b1 > boxes[o + 4] || b4 < boxes[o + 1] || b2 > boxes[o + 5]
                    || b5 < boxes[o + 2]) {
                continue;
            }
            int u = others[2 * f], w = others[2 * f + 1];
            if (p == u || p == w || q == u || q == w || r == u || r == w) {
                continue; // shares a corner: not a crossing the checks count
            }
            if (!loaded) {
                load(g, p, 0);
                load(g, q, 3);
                load(g, r, 6);
                loaded = true;
            }
            // most near triangles lie on one side of the planned one's plane
            int e = 4 * f;
            double s0 = g[0] * planes[e] + g[1] * planes[e + 1] + g[2] * planes[e + 2] - planes[e + 3];
            double s1 = g[3] * planes[e] + g[4] * planes[e + 1] + g[5] * planes[e + 2] - planes[e + 3];
            double s2 = g[6] * planes[e] + g[7] * planes[e + 1] + g[8] * planes[e + 2] - planes[e + 3];
            if (s0 > SIDE && s1 > SIDE && s2 > SIDE || s0 < -SIDE && s1 < -SIDE && s2 < -SIDE) {
                continue;
            }
            if (TriangleCrossing.crosses(probe.corners, 9 * f, g, 0)) {
                return true;
            }
        }
        return false;
    }

    private void load(double[] g, int v, int at) {
        g[at] = pos[3 * v];
        g[at + 1] = pos[3 * v + 1];
        g[at + 2] = pos[3 * v + 2];
    }

    /** Is any cell triangle t is listed in within another stretch's reach? */
    private boolean foreignAround(int t, int owner) {
        int from = listedFrom[t], span = listedSpan[t];
        int x0 = from % nx, y0 = (from / nx) % ny, z0 = from / (nx * ny);
        for (int z = z0; z <= z0 + (span >>> 16 & 0xff); z++) {
            for (int y = y0; y <= y0 + (span >>> 8 & 0xff); y++) {
                for (int x = x0; x <= x0 + (span & 0xff); x++) {
                    if ((stretches[(z * ny + y) * nx + x] & ~(1 << owner)) != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private float reachAfter(int a, int b, double tx, double ty, double tz) {
        double da = Math.sqrt(sq(tx - pos[3 * a]) + sq(ty - pos[3 * a + 1]) + sq(tz - pos[3 * a + 2]));
        double db = Math.sqrt(sq(tx - pos[3 * b]) + sq(ty - pos[3 * b + 1]) + sq(tz - pos[3 * b + 2]));
        return (float) Math.max(reach[a] + da, reach[b] + db);
    }

    /**
     * Before a and b merge at (tx, ty, tz), by the worker that owns them: the triangles between
     * them leave the grid, and the merged vertex's reach grows. {@link #moved} lists the others
     * again once their corners have changed.
     */
    void merging(int a, int b, int t1, int t2, double tx, double ty, double tz) {
        reach[b] = reachAfter(a, b, tx, ty, tz);
        unlist(t1);
        unlist(t2);
    }

    /** After a merge into b: b's triangles listed where they are now. */
    void moved(int b, Probe probe) {
        int[] fan = fans.array(b);
        for (int i = 0, count = fans.count[b], off = fans.offset(b); i < count; i++) {
            int t = fan[off + i];
            unlist(t);
            list(t, probe);
        }
    }

    /** Lists triangle t by its box, which is left in {@code probe.gb}. */
    private void list(int t, Probe probe) {
        double[] g = probe.g, gb = probe.gb;
        for (int k = 0; k < 3; k++) {
            int w = 3 * tri[3 * t + k];
            g[3 * k] = pos[w];
            g[3 * k + 1] = pos[w + 1];
            g[3 * k + 2] = pos[w + 2];
        }
        box(g, 0, gb, 0);
        int x0 = clamp((gb[0] - minX) * perCell, nx), y0 = clamp((gb[1] - minY) * perCell, ny),
                z0 = clamp((gb[2] - minZ) * perCell, nz);
        boolean narrow = gb[3] - gb[0] <= cell && gb[4] - gb[1] <= cell && gb[5] - gb[2] <= cell;
        int x1 = narrow ? x0 : Math.min(clamp((gb[3] - minX) * perCell, nx), x0 + 255);
        int y1 = narrow ? y0 : Math.min(clamp((gb[4] - minY) * perCell, ny), y0 + 255);
        int z1 = narrow ? z0 : Math.min(clamp((gb[5] - minZ) * perCell, nz), z0 + 255);
        listedFrom[t] = (z0 * ny + y0) * nx + x0;
        listedSpan[t] = (x1 - x0) | (y1 - y0) << 8 | (z1 - z0) << 16;
        int id = narrow ? t : ~t;
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    int c = (z * ny + y) * nx + x;
                    int[] list = items[c];
                    if (list == null) {
                        list = items[c] = new int[2 * ENTRY];
                    } else if (ENTRY * (counts[c] + 1) > list.length) {
                        list = items[c] = Arrays.copyOf(list, list.length + Math.max(ENTRY, list.length / 2 / ENTRY
                                * ENTRY));
                    }
                    int e = ENTRY * counts[c]++;
                    list[e] = id;
                    for (int k = 0; k < 6; k++) {
                        list[e + 1 + k] = Float.floatToRawIntBits((float) gb[k]);
                    }
                    list[e + 7] = tri[3 * t];
                    list[e + 8] = tri[3 * t + 1];
                    list[e + 9] = tri[3 * t + 2];
                }
            }
        }
    }

    private void unlist(int t) {
        int from = listedFrom[t], span = listedSpan[t];
        int x0 = from % nx, y0 = (from / nx) % ny, z0 = from / (nx * ny);
        int id = span == 0 ? t : ~t;
        for (int z = z0; z <= z0 + (span >>> 16 & 0xff); z++) {
            for (int y = y0; y <= y0 + (span >>> 8 & 0xff); y++) {
                for (int x = x0; x <= x0 + (span & 0xff); x++) {
                    int c = (z * ny + y) * nx + x;
                    int[] list = items[c];
                    for (int i = 0, m = ENTRY * counts[c]; i < m; i += ENTRY) {
                        if (list[i] == id || list[i] == ~id) {
                            System.arraycopy(list, ENTRY * --counts[c], list, i, ENTRY);
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Marks every cell the box touches as within the reach of a stretch. */
    private void mark(double[] box, byte bit) {
        int x0 = clamp((box[0] - minX) * perCell, nx), x1 = clamp((box[3] - minX) * perCell, nx);
        int y0 = clamp((box[1] - minY) * perCell, ny), y1 = clamp((box[4] - minY) * perCell, ny);
        int z0 = clamp((box[2] - minZ) * perCell, nz), z1 = clamp((box[5] - minZ) * perCell, nz);
        for (int z = z0; z <= z1; z++) {
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    stretches[(z * ny + y) * nx + x] |= bit;
                }
            }
        }
    }

    /** Every cell takes the marks of its neighbours along each axis in turn: a widening by one cell. */
    private void widenMarks() {
        int[] steps = { 1, nx, nx * ny };
        int[] sizes = { nx, ny, nz };
        byte[] m = stretches;
        for (int axis = 0; axis < 3; axis++) {
            byte[] before = m.clone();
            int step = steps[axis], size = sizes[axis];
            for (int c = 0; c < m.length; c++) {
                int i = c / step % size;
                if (i > 0) {
                    m[c] |= before[c - step];
                }
                if (i < size - 1) {
                    m[c] |= before[c + step];
                }
            }
        }
    }

    /** The plane through the triangle at {@code p[o]}: normal (not unit) and offset, at {@code out[b]}. */
    private static void plane(double[] p, int o, double[] out, int b) {
        double ux = p[o + 3] - p[o], uy = p[o + 4] - p[o + 1], uz = p[o + 5] - p[o + 2];
        double wx = p[o + 6] - p[o], wy = p[o + 7] - p[o + 1], wz = p[o + 8] - p[o + 2];
        double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
        out[b] = nx;
        out[b + 1] = ny;
        out[b + 2] = nz;
        out[b + 3] = nx * p[o] + ny * p[o + 1] + nz * p[o + 2];
    }

    private static void box(double[] p, int o, double[] out, int b) {
        for (int a = 0; a < 3; a++) {
            out[b + a] = Math.min(p[o + a], Math.min(p[o + 3 + a], p[o + 6 + a]));
            out[b + 3 + a] = Math.max(p[o + a], Math.max(p[o + 3 + a], p[o + 6 + a]));
        }
    }
}
