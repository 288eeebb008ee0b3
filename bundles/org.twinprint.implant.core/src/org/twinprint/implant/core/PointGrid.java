package org.twinprint.implant.core;

import java.util.Arrays;

/** Points binned in a uniform grid, for the nearest point to any position. */
final class PointGrid {

    private final double[] points;
    private final double cell;
    private final double[] min = new double[3];
    private final int[] dims = new int[3];
    private final int[] start;
    private final int[] items;

    PointGrid(double[] points, double cell) {
        this.points = points;
        this.cell = cell;
        double[] max = new double[3];
        Arrays.fill(min, Double.MAX_VALUE);
        Arrays.fill(max, -Double.MAX_VALUE);
        for (int i = 0; i < points.length; i++) {
            min[i % 3] = Math.min(min[i % 3], points[i]);
            max[i % 3] = Math.max(max[i % 3], points[i]);
        }
        for (int a = 0; a < 3; a++) {
            dims[a] = (int) Math.floor((max[a] - min[a]) / cell) + 1;
        }
        int n = points.length / 3;
        start = new int[dims[0] * dims[1] * dims[2] + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = index(cellAxis(points[3 * i], 0), cellAxis(points[3 * i + 1], 1), cellAxis(points[3 * i + 2], 2));
            start[cellOf[i] + 1]++;
        }
        for (int c = 0; c + 1 < start.length; c++) {
            start[c + 1] += start[c];
        }
        items = new int[n];
        int[] fill = Arrays.copyOf(start, start.length);
        for (int i = 0; i < n; i++) {
            items[fill[cellOf[i]]++] = i;
        }
    }

    private int cellAxis(double v, int axis) {
        int c = (int) Math.floor((v - min[axis]) / cell);
        return c < 0 ? 0 : c >= dims[axis] ? dims[axis] - 1 : c;
    }

    private int index(int x, int y, int z) {
        return (z * dims[1] + y) * dims[0] + x;
    }

    /** The index of the point nearest (x, y, z). */
    int nearest(double x, double y, double z) {
        return nearestWithin(x, y, z, Double.MAX_VALUE);
    }

    /**
     * The index of the point nearest (x, y, z) if one lies within {@code maxMm}, else -1 (or a point
     * a little further): a far query then costs a few rings of cells, not the whole grid.
     */
    int nearestWithin(double x, double y, double z, double maxMm) {
        int cx = cellAxis(x, 0), cy = cellAxis(y, 1), cz = cellAxis(z, 2);
        int best = -1;
        double bestSq = Double.MAX_VALUE;
        int reach = (int) Math.min(Math.max(dims[0], Math.max(dims[1], dims[2])), Math.ceil(maxMm / cell) + 1);
        for (int r = 0; r <= reach; r++) {
            double bound = Math.max(0, r - 1) * cell; // every cell of ring r is at least this far
            if (best >= 0 && bound * bound >= bestSq) {
                break;
            }
            for (int k = cz - r; k <= cz + r; k++) {
                for (int j = cy - r; j <= cy + r; j++) {
                    for (int i = cx - r; i <= cx + r; i++) {
                        boolean ring = Math.abs(i - cx) == r || Math.abs(j - cy) == r || Math.abs(k - cz) == r;
                        if (!ring || i < 0 || j < 0 || k < 0 || i >= dims[0] || j >= dims[1] || k >= dims[2]) {
                            continue;
                        }
                        int c = index(i, j, k);
                        for (int s = start[c]; s < start[c + 1]; s++) {
                            int p = items[s];
                            double d = (points[3 * p] - x) * (points[3 * p] - x)
                                    + (points[3 * p + 1] - y) * (points[3 * p + 1] - y)
                                    + (points[3 * p + 2] - z) * (points[3 * p + 2] - z);
                            if (d < bestSq) {
                                bestSq = d;
                                best = p;
                            }
                        }
                    }
                }
            }
        }
        return best;
    }
}
