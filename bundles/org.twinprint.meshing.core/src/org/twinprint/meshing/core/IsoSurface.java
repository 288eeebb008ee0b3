package org.twinprint.meshing.core;

import java.util.Arrays;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Mesh;

/**
 * The surface where a field sampled on a grid crosses zero (negative inside), by marching
 * tetrahedra: each cell is split into six tetrahedra around its main diagonal (the same split in
 * every cell, so neighbours share their faces), and the surface crosses each edge where linear
 * interpolation puts the zero. A plane of the field comes out exactly flat; a field positive on
 * the grid's border gives one closed, consistently oriented mesh with no hole.
 */
public final class IsoSurface {

    /** The six tetrahedra of a cell, as paths from corner 0 to corner 7 (bit 1 = +x, 2 = +y, 4 = +z). */
    private static final int[][] TETRAHEDRA = { { 0, 1, 3, 7 }, { 0, 1, 5, 7 }, { 0, 2, 3, 7 }, { 0, 2, 6, 7 },
            { 0, 4, 5, 7 }, { 0, 4, 6, 7 } };

    private IsoSurface() {
    }

    /** The zero surface of {@code field} (x fastest) on grid {@code g}, in LPS mm. */
    public static Mesh of(String name, float[] field, Geometry g) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        if (field.length != nx * ny * nz) {
            throw new IllegalArgumentException("the field has " + field.length + " samples, the grid " + g.voxelCount());
        }
        // a value at or next to zero would put vertices of several edges on one grid point, where they
        // would become one; set to a hundredth of a voxel they stay apart, and the surface moves by at
        // most two hundredths of a voxel
        float[] f = field.clone();
        float least = (float) (0.01 * Math.min(g.spacing().x(), Math.min(g.spacing().y(), g.spacing().z())));
        for (int n = 0; n < f.length; n++) {
            if (Math.abs(f[n]) < least) {
                f[n] = least;
            }
        }
        EdgeVertices vertices = new EdgeVertices(g, f);
        int[] tris = new int[1 << 16];
        int count = 0;
        int[] corner = new int[8];
        for (int k = 0; k + 1 < nz; k++) {
            for (int j = 0; j + 1 < ny; j++) {
                for (int i = 0; i + 1 < nx; i++) {
                    int base = (k * ny + j) * nx + i;
                    boolean any = false, all = true;
                    for (int c = 0; c < 8; c++) {
                        corner[c] = base + (c & 1) + ((c >> 1) & 1) * nx + ((c >> 2) & 1) * nx * ny;
                        boolean in = f[corner[c]] < 0;
                        any |= in;
                        all &= in;
                    }
                    if (!any || all) {
                        continue;
                    }
                    for (int[] tet : TETRAHEDRA) {
                        if (count + 6 > tris.length) {
                            tris = Arrays.copyOf(tris, tris.length * 2);
                        }
                        count = tetrahedron(corner[tet[0]], corner[tet[1]], corner[tet[2]], corner[tet[3]], f, vertices,
                                tris, count);
                    }
                }
            }
        }
        return new Mesh(name, vertices.positions(), Arrays.copyOf(tris, count));
    }

    /** Adds the one or two triangles of a tetrahedron; returns the new index count. */
    private static int tetrahedron(int a, int b, int c, int d, float[] f, EdgeVertices v, int[] out, int count) {
        int[] p = { a, b, c, d };
        int[] in = new int[4], outside = new int[4];
        int ni = 0, no = 0;
        for (int q : p) {
            if (f[q] < 0) {
                in[ni++] = q;
            } else {
                outside[no++] = q;
            }
        }
        if (ni == 0 || no == 0) {
            return count;
        }
        if (ni == 1 || no == 1) {
            int lone = ni == 1 ? in[0] : outside[0];
            int[] others = ni == 1 ? outside : in;
            int x = v.on(lone, others[0]), y = v.on(lone, others[1]), z = v.on(lone, others[2]);
            return add(out, count, x, y, z, v, in, ni, outside, no);
        }
        // two in, two out: a quad across the four mixed edges, as two triangles
        int e00 = v.on(in[0], outside[0]), e01 = v.on(in[0], outside[1]), e11 = v.on(in[1], outside[1]),
                e10 = v.on(in[1], outside[0]);
        count = add(out, count, e00, e01, e11, v, in, ni, outside, no);
        return add(out, count, e00, e11, e10, v, in, ni, outside, no);
    }

    /** A triangle, turned so that its normal points from the inside corners to the outside ones. */
    private static int add(int[] out, int count, int x, int y, int z, EdgeVertices v, int[] in, int ni, int[] outside,
            int no) {
        double[] px = v.at(x), py = v.at(y), pz = v.at(z);
        double ux = py[0] - px[0], uy = py[1] - px[1], uz = py[2] - px[2];
        double wx = pz[0] - px[0], wy = pz[1] - px[1], wz = pz[2] - px[2];
        double[] n = { uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx };
        double[] ci = v.centre(in, ni), co = v.centre(outside, no);
        double dot = n[0] * (co[0] - ci[0]) + n[1] * (co[1] - ci[1]) + n[2] * (co[2] - ci[2]);
        out[count++] = x;
        out[count++] = dot >= 0 ? y : z;
        out[count++] = dot >= 0 ? z : y;
        return count;
    }

    /** One vertex per crossed grid edge, shared by every tetrahedron that has the edge. */
    private static final class EdgeVertices {
        private final Geometry g;
        private final float[] f;
        private final java.util.HashMap<Long, Integer> index = new java.util.HashMap<>();
        private float[] xyz = new float[3 << 12];
        private int count;

        EdgeVertices(Geometry g, float[] f) {
            this.g = g;
            this.f = f;
        }

        int on(int a, int b) {
            long key = a < b ? (long) a * Integer.MAX_VALUE + b : (long) b * Integer.MAX_VALUE + a;
            Integer known = index.get(key);
            if (known != null) {
                return known;
            }
            double t = f[a] / (double) (f[a] - f[b]);
            double[] pa = grid(a), pb = grid(b);
            org.twinprint.core.model.Vec3 p = g.toLps(pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1]),
                    pa[2] + t * (pb[2] - pa[2]));
            if (3 * count + 3 > xyz.length) {
                xyz = Arrays.copyOf(xyz, xyz.length * 2);
            }
            xyz[3 * count] = (float) p.x();
            xyz[3 * count + 1] = (float) p.y();
            xyz[3 * count + 2] = (float) p.z();
            index.put(key, count);
            return count++;
        }

        double[] at(int vertex) {
            return new double[] { xyz[3 * vertex], xyz[3 * vertex + 1], xyz[3 * vertex + 2] };
        }

        double[] centre(int[] points, int n) {
            double[] c = new double[3];
            for (int q = 0; q < n; q++) {
                double[] p = grid(points[q]);
                org.twinprint.core.model.Vec3 l = g.toLps(p[0], p[1], p[2]);
                c[0] += l.x() / n;
                c[1] += l.y() / n;
                c[2] += l.z() / n;
            }
            return c;
        }

        private double[] grid(int n) {
            int nx = g.nx(), ny = g.ny();
            return new double[] { n % nx, (n / nx) % ny, n / (nx * ny) };
        }

        float[] positions() {
            return Arrays.copyOf(xyz, 3 * count);
        }
    }
}
