package org.twinprint.meshing.core;

import org.twinprint.core.model.Mesh;

/**
 * The nearest point of a mesh's surface to any point in space (not its nearest vertex), through a
 * grid of its triangles: distances, deviation maps and ICP's pairs. Build once per mesh; make a
 * {@link Query} per thread.
 */
public final class ClosestPoints {

    private final TriangleGrid grid;

    public ClosestPoints(Mesh surface) {
        this(surface, cellSize(surface));
    }

    ClosestPoints(Mesh surface, double cell) {
        if (surface.triangleCount() == 0) {
            throw new IllegalArgumentException(surface.name() + ": a mesh without triangles has no surface");
        }
        this.grid = new TriangleGrid(surface, cell);
    }

    public Query query() {
        return new Query();
    }

    /** About twice the mean edge: a few triangles per cell. */
    static double cellSize(Mesh m) {
        double area = m.areaMm2();
        double meanTriangle = area / Math.max(1, m.triangleCount());
        return Math.max(1e-3, 2 * Math.sqrt(2 * meanTriangle));
    }

    /** Nearest-surface queries, for one thread: each keeps the point, triangle and normal it found last. */
    public final class Query {
        private final float[] v;
        private final int[] t;
        private final double[] closest = new double[3];
        private double bestSquared;
        private int bestTriangle;
        private final double[] bestPoint = new double[3];

        private final double[] normal = new double[3];

        private Query() {
            this.v = grid.mesh.vertices();
            this.t = grid.mesh.triangles();
        }

        /** The nearest point found last. */
        public double[] point() {
            return bestPoint.clone();
        }

        /** The unit normal (outward for an outward-facing mesh) of the triangle found last. */
        public double[] normal() {
            return normal.clone();
        }

        /** The triangle found last. */
        public int triangle() {
            return bestTriangle;
        }

        /**
         * The distance from (x, y, z) to the nearest point of the surface, positive on the side the
         * nearest triangle faces.
         */
        public double signedDistance(double x, double y, double z) {
            int cx = clamp((int) Math.floor((x - grid.min[0]) / grid.cell), grid.dims[0]);
            int cy = clamp((int) Math.floor((y - grid.min[1]) / grid.cell), grid.dims[1]);
            int cz = clamp((int) Math.floor((z - grid.min[2]) / grid.cell), grid.dims[2]);
            bestSquared = Double.POSITIVE_INFINITY;
            bestTriangle = -1;
            int reach = Math.max(grid.dims[0], Math.max(grid.dims[1], grid.dims[2]));
            for (int r = 0; r <= reach; r++) {
                // every cell of ring r lies at least (r - 1) cells away from the point
                double bound = Math.max(0, r - 1) * grid.cell;
                if (bestTriangle >= 0 && bound * bound >= bestSquared) {
                    break;
                }
                ring(cx, cy, cz, r, x, y, z);
            }
            int f = bestTriangle;
            int a = 3 * t[3 * f], b = 3 * t[3 * f + 1], c = 3 * t[3 * f + 2];
            double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
            double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
            normal[0] = length > 0 ? nx / length : 0;
            normal[1] = length > 0 ? ny / length : 0;
            normal[2] = length > 0 ? nz / length : 0;
            double side = (x - bestPoint[0]) * nx + (y - bestPoint[1]) * ny + (z - bestPoint[2]) * nz;
            double d = Math.sqrt(bestSquared);
            return side < 0 ? -d : d;
        }

        private static int clamp(int c, int dim) {
            return c < 0 ? 0 : c >= dim ? dim - 1 : c;
        }

        /** Tests the triangles of the cells on the surface of the cube of radius r around (cx, cy, cz). */
        private void ring(int cx, int cy, int cz, int r, double x, double y, double z) {
            int[] dims = grid.dims;
            for (int k = cz - r; k <= cz + r; k++) {
                if (k < 0 || k >= dims[2]) {
                    continue;
                }
                for (int j = cy - r; j <= cy + r; j++) {
                    if (j < 0 || j >= dims[1]) {
                        continue;
                    }
                    boolean inner = Math.abs(k - cz) < r && Math.abs(j - cy) < r;
                    int step = inner ? 2 * r : 1; // inside the cube only its two x faces are on the ring
                    for (int i = cx - r; i <= cx + r; i += Math.max(1, step)) {
                        if (i >= 0 && i < dims[0]) {
                            cell((k * dims[1] + j) * dims[0] + i, x, y, z);
                        }
                    }
                }
            }
        }

        private void cell(int c, double x, double y, double z) {
            for (int s = grid.start[c]; s < grid.start[c + 1]; s++) {
                int f = grid.items[s];
                double d = closestOnTriangle(f, x, y, z);
                if (d < bestSquared) {
                    bestSquared = d;
                    bestTriangle = f;
                    System.arraycopy(closest, 0, bestPoint, 0, 3);
                }
            }
        }

        /** The squared distance to triangle f, with its closest point left in {@code closest}. */
        private double closestOnTriangle(int f, double px, double py, double pz) {
            int a = 3 * t[3 * f], b = 3 * t[3 * f + 1], c = 3 * t[3 * f + 2];
            double ax = v[a], ay = v[a + 1], az = v[a + 2];
            double abx = v[b] - ax, aby = v[b + 1] - ay, abz = v[b + 2] - az;
            double acx = v[c] - ax, acy = v[c + 1] - ay, acz = v[c + 2] - az;
            double apx = px - ax, apy = py - ay, apz = pz - az;
            double d1 = abx * apx + aby * apy + abz * apz, d2 = acx * apx + acy * apy + acz * apz;
            if (d1 <= 0 && d2 <= 0) {
                return point(ax, ay, az, px, py, pz); // nearest to corner a
            }
            double bpx = px - v[b], bpy = py - v[b + 1], bpz = pz - v[b + 2];
            double d3 = abx * bpx + aby * bpy + abz * bpz, d4 = acx * bpx + acy * bpy + acz * bpz;
            if (d3 >= 0 && d4 <= d3) {
                return point(v[b], v[b + 1], v[b + 2], px, py, pz); // corner b
            }
            double vc = d1 * d4 - d3 * d2;
            if (vc <= 0 && d1 >= 0 && d3 <= 0) {
                double s = d1 / (d1 - d3); // edge ab
                return point(ax + s * abx, ay + s * aby, az + s * abz, px, py, pz);
            }
            double cpx = px - v[c], cpy = py - v[c + 1], cpz = pz - v[c + 2];
            double d5 = abx * cpx + aby * cpy + abz * cpz, d6 = acx * cpx + acy * cpy + acz * cpz;
            if (d6 >= 0 && d5 <= d6) {
                return point(v[c], v[c + 1], v[c + 2], px, py, pz); // corner c
            }
            double vb = d5 * d2 - d1 * d6;
            if (vb <= 0 && d2 >= 0 && d6 <= 0) {
                double s = d2 / (d2 - d6); // edge ac
                return point(ax + s * acx, ay + s * acy, az + s * acz, px, py, pz);
            }
            double va = d3 * d6 - d5 * d4;
            if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
                double s = (d4 - d3) / (d4 - d3 + d5 - d6); // edge bc
                return point(v[b] + s * (v[c] - v[b]), v[b + 1] + s * (v[c + 1] - v[b + 1]),
                        v[b + 2] + s * (v[c + 2] - v[b + 2]), px, py, pz);
            }
            double sum = va + vb + vc; // inside the face
            double s = vb / sum, u = vc / sum;
            return point(ax + s * abx + u * acx, ay + s * aby + u * acy, az + s * abz + u * acz, px, py, pz);
        }

        private double point(double x, double y, double z, double px, double py, double pz) {
            closest[0] = x;
            closest[1] = y;
            closest[2] = z;
            return (px - x) * (px - x) + (py - y) * (py - y) + (pz - z) * (pz - z);
        }
    }
}
