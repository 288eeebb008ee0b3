package org.twinprint.meshing.core;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.util.Parallel;

/**
 * Gives a smoothed mesh back the volume it enclosed before: every vertex moves along its unit
 * normal by the same distance, (volume lost) / (surface area).
 * <p>
 * Volume, area and the vertex normals all come from the triangles' corners, so one pass over the
 * triangles per core sums all three, and one pass over the vertices then normalises and moves them.
 * The sums are those of {@link Mesh#measures()} and {@link SurfaceChecks#vertexNormals(Mesh)} to
 * the last bit: the same formulas, blocks and order.
 */
final class VolumeRestore {

    private static final int BLOCK = Mesh.SUM_BLOCK;

    private VolumeRestore() {
    }

    /**
     * Moves the vertices of {@code smooth} (in place) so that it encloses {@code before} mm³ again.
     * {@code scratch}, when not null, is an array of three floats per vertex that may be
     * overwritten: memory already in use is quicker to clear than fresh memory is to get.
     */
    static void restore(double before, Mesh smooth, float[] scratch) {
        if (before <= 0) {
            return; // an open or inside-out mesh has no volume to keep
        }
        int[] t = smooth.triangles();
        float[] v = smooth.vertices();
        int nt = smooth.triangleCount(), middle = nt / 2;
        int blocks = (nt + BLOCK - 1) / BLOCK, shared = middle / BLOCK;
        double[] sixV = new double[blocks], twiceA = new double[blocks];
        float[][] normals = new float[2][];
        // each half of the triangles adds its normals into an array of its own; the block holding the
        // middle has its sums made by the second half, which first goes over the first half's part of it
        Parallel.forEach(0, 2, half -> {
            double[] sums = new double[2];
            if (half == 0) {
                float[] n = normals[0] = new float[v.length];
                for (int k = 0; k < shared; k++) {
                    sums[0] = sums[1] = 0;
                    sweep(t, v, k * BLOCK, (k + 1) * BLOCK, n, sums);
                    sixV[k] = sums[0];
                    twiceA[k] = sums[1];
                }
                sweep(t, v, shared * BLOCK, middle, n, sums);
            } else {
                float[] n = scratch != null && scratch.length == v.length ? scratch : new float[v.length];
                if (n == scratch) {
                    java.util.Arrays.fill(n, 0);
                }
                normals[1] = n;
                for (int k = shared; k < blocks; k++) {
                    int from = k * BLOCK, to = Math.min(nt, from + BLOCK);
                    sums[0] = sums[1] = 0;
                    if (from < middle) {
                        sweep(t, v, from, middle, null, sums);
                        from = middle;
                    }
                    sweep(t, v, from, to, n, sums);
                    sixV[k] = sums[0];
                    twiceA[k] = sums[1];
                }
            }
        });
        double volume = 0, area = 0;
        for (int k = 0; k < blocks; k++) {
            volume += sixV[k];
            area += twiceA[k];
        }
        double after = volume / 6;
        area /= 2;
        if (after <= 0 || area <= 0) {
            return;
        }
        double shift = (before - after) / area;
        float[] n = normals[0], other = normals[1];
        Parallel.forEachBlock(v.length / 3, 1 << 16, (first, last) -> {
            for (int i = 3 * first; i < 3 * last; i += 3) {
                float x = n[i] + other[i], y = n[i + 1] + other[i + 1], z = n[i + 2] + other[i + 2];
                double length = Math.sqrt(x * x + y * y + z * z);
                float nx = 0, ny = 0, nz = 0;
                if (length > 0) {
                    nx = (float) (x / length);
                    ny = (float) (y / length);
                    nz = (float) (z / length);
                }
                v[i] += (float) (shift * nx);
                v[i + 1] += (float) (shift * ny);
                v[i + 2] += (float) (shift * nz);
            }
        });
    }

    /**
     * Triangles [from, to): six times their signed volume and twice their area are added to
     * {@code sums[0]} and {@code sums[1]}, in order, and their scaled normals to their corners in
     * {@code n} (unless it is null).
     */
    private static void sweep(int[] t, float[] v, int from, int to, float[] n, double[] sums) {
        double sixV = sums[0], twiceA = sums[1];
        for (int f = 3 * from; f < 3 * to; f += 3) {
            int a = 3 * t[f], b = 3 * t[f + 1], c = 3 * t[f + 2];
            float fax = v[a], fay = v[a + 1], faz = v[a + 2];
            float fbx = v[b], fby = v[b + 1], fbz = v[b + 2];
            float fcx = v[c], fcy = v[c + 1], fcz = v[c + 2];
            double ax = fax, ay = fay, az = faz, bx = fbx, by = fby, bz = fbz, cx = fcx, cy = fcy, cz = fcz;
            sixV += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
            // the edges are float differences, as in the area and normal sums this stands for
            double ux = fbx - fax, uy = fby - fay, uz = fbz - faz;
            double wx = fcx - fax, wy = fcy - fay, wz = fcz - faz;
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            twiceA += Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (n != null) {
                float gx = (float) nx, gy = (float) ny, gz = (float) nz;
                n[a] += gx;
                n[a + 1] += gy;
                n[a + 2] += gz;
                n[b] += gx;
                n[b + 1] += gy;
                n[b + 2] += gz;
                n[c] += gx;
                n[c + 1] += gy;
                n[c + 2] += gz;
            }
        }
        sums[0] = sixV;
        sums[1] = twiceA;
    }
}
