package org.twinprint.meshing.core;

import java.util.Arrays;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.util.Parallel;

/**
 * A uniform grid over a mesh's bounding box; each cell lists the triangles whose bounding boxes
 * touch it. Used to find triangles near a triangle or along a ray without testing them all.
 */
final class TriangleGrid {

    final Mesh mesh;
    final double[] min = new double[3];
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
        float[] v = mesh.vertices();
        Arrays.fill(min, Double.MAX_VALUE);
        for (int i = 0; i < v.length; i += 3) {
            for (int a = 0; a < 3; a++) {
                float x = v[i + a]; // comparisons, not Math.min/max (see below)
                if (x < min[a]) {
                    min[a] = x;
                }
                if (x > max[a]) {
                    max[a] = x;
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
        Parallel.forEachBlock(triangles, 4096, (first, last) -> {
            for (int f = first; f < last; f++) {
                for (int a = 0; a < 3; a++) {
                    float p = v[3 * t[3 * f] + a], q = v[3 * t[3 * f + 1] + a], r = v[3 * t[3 * f + 2] + a];
                    // comparisons, not Math.min/max: the quick JIT gives those their NaN and -0 tests
                    float lo = p < q ? p : q, hi = p < q ? q : p;
                    lo = r < lo ? r : lo;
                    hi = r > hi ? r : hi;
                    boxes[6 * f + a] = lo;
                    boxes[6 * f + 3 + a] = hi;
                    cellBoxes[6 * f + a] = cellIndex(lo, a);
                    cellBoxes[6 * f + 3 + a] = cellIndex(hi, a);
                }
            }
        });
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

    /**
     * Visits every cell of the range of each triangle from {@code from} to {@code to}: without
     * {@code items} it counts them into {@code slots[cell + 1]}; with it, it writes the triangle at
     * {@code slots[cell]} and moves on.
     */
    private void scatter(int from, int to, int[] slots, int[] items) {
        int[] cb = cellBoxes;
        for (int f = from; f < to; f++) {
            int b = 6 * f;
            for (int z = cb[b + 2]; z <= cb[b + 5]; z++) {
                for (int y = cb[b + 1]; y <= cb[b + 4]; y++) {
                    int row = (z * dims[1] + y) * dims[0];
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
