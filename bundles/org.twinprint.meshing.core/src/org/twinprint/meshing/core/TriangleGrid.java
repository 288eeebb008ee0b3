package org.twinprint.meshing.core;

import java.util.Arrays;

import org.twinprint.core.model.Mesh;

/**
 * A uniform grid over a mesh's bounding box; each cell lists the triangles whose bounding boxes
 * touch it. Used to find triangles near a triangle or along a ray without testing them all.
 */
final class TriangleGrid {

    final Mesh mesh;
    final double[] min = new double[3];
    final double cell;
    final int[] dims = new int[3];
    final int[] start;
    final int[] items;

    TriangleGrid(Mesh mesh, double cellSize) {
        this.mesh = mesh;
        float[] v = mesh.vertices();
        double[] max = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        Arrays.fill(min, Double.MAX_VALUE);
        for (int i = 0; i < v.length; i++) {
            min[i % 3] = Math.min(min[i % 3], v[i]);
            max[i % 3] = Math.max(max[i % 3], v[i]);
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
        for (int a = 0; a < 3; a++) {
            dims[a] = (int) Math.ceil((max[a] - min[a]) / cell) + 1;
        }
        int cells = dims[0] * dims[1] * dims[2];
        int[] count = new int[cells + 1];
        int[] t = mesh.triangles();
        int[] box = new int[6];
        for (int f = 0; f < mesh.triangleCount(); f++) {
            bounds(t, v, f, box);
            for (int z = box[2]; z <= box[5]; z++) {
                for (int y = box[1]; y <= box[4]; y++) {
                    for (int x = box[0]; x <= box[3]; x++) {
                        count[(z * dims[1] + y) * dims[0] + x]++;
                    }
                }
            }
        }
        start = new int[cells + 1];
        for (int i = 0; i < cells; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] fill = Arrays.copyOf(start, cells);
        items = new int[start[cells]];
        for (int f = 0; f < mesh.triangleCount(); f++) {
            bounds(t, v, f, box);
            for (int z = box[2]; z <= box[5]; z++) {
                for (int y = box[1]; y <= box[4]; y++) {
                    for (int x = box[0]; x <= box[3]; x++) {
                        items[fill[(z * dims[1] + y) * dims[0] + x]++] = f;
                    }
                }
            }
        }
    }

    /** Cell index range {x0, y0, z0, x1, y1, z1} of triangle f's bounding box. */
    void bounds(int[] t, float[] v, int f, int[] box) {
        for (int a = 0; a < 3; a++) {
            double lo = Math.min(v[3 * t[3 * f] + a], Math.min(v[3 * t[3 * f + 1] + a], v[3 * t[3 * f + 2] + a]));
            double hi = Math.max(v[3 * t[3 * f] + a], Math.max(v[3 * t[3 * f + 1] + a], v[3 * t[3 * f + 2] + a]));
            box[a] = clamp((int) ((lo - min[a]) / cell), a);
            box[a + 3] = clamp((int) ((hi - min[a]) / cell), a);
        }
    }

    int cellOf(double x, double y, double z) {
        int cx = (int) Math.floor((x - min[0]) / cell), cy = (int) Math.floor((y - min[1]) / cell),
                cz = (int) Math.floor((z - min[2]) / cell);
        if (cx < 0 || cy < 0 || cz < 0 || cx >= dims[0] || cy >= dims[1] || cz >= dims[2]) {
            return -1;
        }
        return (cz * dims[1] + cy) * dims[0] + cx;
    }

    private int clamp(int c, int axis) {
        return Math.max(0, Math.min(dims[axis] - 1, c));
    }
}
