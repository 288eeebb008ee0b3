package org.twinprint.meshing.core;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.util.Parallel;

/**
 * A uniform grid over a mesh's bounding box; each cell lists the triangles whose bounding boxes
 * touch it. Used to find triangles near a triangle or along a ray without testing them all.
 */
final class TriangleGrid {

    final Mesh mesh;
    final double[] min = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
    final double[] max = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
    final double cell;
    private final double perCell; // 1 / cell: a multiplication per look-up instead of a division
    final int[] dims = new int[3];
    final int[] start;
    final int[] items;
    /** Per triangle: its bounding box (min x, y, z, max x, y, z, mm) and the cells it covers (same order). */
    final float[] boxes;
    final int[] cellBoxes;

    TriangleGrid(Mesh mesh, double cellSize) {
        this.mesh = mesh;
        // the bounds of the vertices, each block's on its own core
        for (float[] block : Parallel.mapBlocks(mesh.vertexCount(), 1 << 16, this::bounds)) {
            for (int a = 0; a < 3; a++) {
                if (block[a] < min[a]) {
                    min[a] = block[a];
                }
                if (block[3 + a] > max[a]) {
                    max[a] = block[3 + a];
                }
            }
        }
        double c = cellSize;
        for (int a = 0; a < 3; a++) {
            // keep the grid within about 8 M cells
            while ((long) Math.ceil((max[0] - min[0]) / c + 1) * (long) Math.ceil((max[1] - min[1]) / c + 1)
                    * (long) Math.ceil((max[2] - min[2]) / c + 1) > 8_000_000L) {
                c *= 1.25;
            }
        }
        cell = c;
        perCell = 1 / c;
        for (int a = 0; a < 3; a++) {
            dims[a] = (int) Math.ceil((max[a] - min[a]) / cell) + 1;
        }
        int cells = dims[0] * dims[1] * dims[2];
        int[] t = mesh.triangles();
        int triangles = mesh.triangleCount();
        // each triangle's box and cell range, worked out once (in parallel) for both passes below
        boxes = new float[6 * triangles];
        cellBoxes = new int[6 * triangles];
        Parallel.forEachBlock(triangles, 4096, this::measure);
        // the first and second half of the triangles are counted and written on two threads: the second
        // half's slots in a cell follow the first half's, so each cell lists its triangles in order
        int middle = triangles / 2;
        int[][] slots = { new int[cells + 1], new int[cells + 1] };
        Parallel.forEach(0, 2, half -> scatter(half == 0 ? 0 : middle, half == 0 ? middle : triangles, slots[half],
                null)); // counts, one cell on
        start = new int[cells + 1];
        for (int i = 0; i < cells; i++) {
            slots[0][i] = start[i];
            slots[1][i] = start[i] + slots[0][i + 1];
            start[i + 1] = slots[1][i] + slots[1][i + 1];
        }
        items = new int[start[cells]];
        Parallel.forEach(0, 2, half -> scatter(half == 0 ? 0 : middle, half == 0 ? middle : triangles, slots[half],
                items));
    }

    /** The lowest and highest coordinates of vertices [first, last): min x, y, z, max x, y, z. */
    private float[] bounds(int first, int last) {
        float[] v = mesh.vertices();
        float x0 = Float.MAX_VALUE, y0 = x0, z0 = x0, x1 = -x0, y1 = x1, z1 = x1;
        for (int i = 3 * first; i < 3 * last; i += 3) {
            float x = v[i], y = v[i + 1], z = v[i + 2]; // comparisons, not Math.min/max (see measure)
            x0 = x < x0 ? x : x0;
            x1 = x > x1 ? x : x1;
            y0 = y < y0 ? y : y0;
            y1 = y > y1 ? y : y1;
            z0 = z < z0 ? z : z0;
            z1 = z > z1 ? z : z1;
        }
        return new float[] { x0, y0, z0, x1, y1, z1 };
    }

    /**
     * The boxes and cell ranges of triangles [first, last). What the loop reads is held in locals and
     * the three axes are written out: the quick JIT reloads fields and arrays on every use. Comparisons,
     * not Math.min/max: the quick JIT gives those their NaN and -0 tests.
     */
    private void measure(int first, int last) {
        float[] v = mesh.vertices(), b = boxes;
        int[] t = mesh.triangles(), cb = cellBoxes;
        double x0 = min[0], y0 = min[1], z0 = min[2], per = perCell;
        int nx = dims[0] - 1, ny = dims[1] - 1, nz = dims[2] - 1;
        for (int f = first; f < last; f++) {
            int p = 3 * t[3 * f], q = 3 * t[3 * f + 1], r = 3 * t[3 * f + 2], o = 6 * f;
            float px = v[p], qx = v[q], rx = v[r];
            float lo = px < qx ? px : qx, hi = px < qx ? qx : px;
            lo = rx < lo ? rx : lo;
            hi = rx > hi ? rx : hi;
            b[o] = lo;
            b[o + 3] = hi;
            cb[o] = cell(lo, x0, per, nx);
            cb[o + 3] = cell(hi, x0, per, nx);
            float py = v[p + 1], qy = v[q + 1], ry = v[r + 1];
            lo = py < qy ? py : qy;
            hi = py < qy ? qy : py;
            lo = ry < lo ? ry : lo;
            hi = ry > hi ? ry : hi;
            b[o + 1] = lo;
            b[o + 4] = hi;
            cb[o + 1] = cell(lo, y0, per, ny);
            cb[o + 4] = cell(hi, y0, per, ny);
            float pz = v[p + 2], qz = v[q + 2], rz = v[r + 2];
            lo = pz < qz ? pz : qz;
            hi = pz < qz ? qz : pz;
            lo = rz < lo ? rz : lo;
            hi = rz > hi ? rz : hi;
            b[o + 2] = lo;
            b[o + 5] = hi;
            cb[o + 2] = cell(lo, z0, per, nz);
            cb[o + 5] = cell(hi, z0, per, nz);
        }
    }

    /** The cell holding x on an axis that starts at {@code origin}, within 0 .. {@code top}. */
    private static int cell(double x, double origin, double per, int top) {
        int c = (int) ((x - origin) * per);
        return c < 0 ? 0 : c > top ? top : c;
    }

    /**
     * Visits every cell of the range of each triangle from {@code from} to {@code to}: without
     * {@code items} it counts them into {@code slots[cell + 1]}; with it, it writes the triangle at
     * {@code slots[cell]} and moves on.
     */
    private void scatter(int from, int to, int[] slots, int[] items) {
        int[] cb = cellBoxes;
        int nx = dims[0], ny = dims[1];
        for (int f = from; f < to; f++) {
            int b = 6 * f;
            for (int z = cb[b + 2]; z <= cb[b + 5]; z++) {
                for (int y = cb[b + 1]; y <= cb[b + 4]; y++) {
                    int row = (z * ny + y) * nx;
                    for (int x = cb[b]; x <= cb[b + 3]; x++) {
                        if (items == null) {
                            slots[row + x + 1]++;
                        } else {
                            items[slots[row + x]++] = f;
                        }
                    }
                }
            }
        }
    }

    /** The cell column (or row, or slice) holding coordinate x on one axis, within the grid. */
    int cellIndex(double x, int axis) {
        return clamp((int) ((x - min[axis]) * perCell), axis);
    }

    private int clamp(int c, int axis) {
        return Math.max(0, Math.min(dims[axis] - 1, c));
    }
}
