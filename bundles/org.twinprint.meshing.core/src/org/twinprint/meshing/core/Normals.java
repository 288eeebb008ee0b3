package org.twinprint.meshing.core;

/**
 * Triangle normals from vertex order (right-hand rule): what STL readers check against, and what
 * the checks use to tell inside from outside.
 */
final class Normals {

    private Normals() {
    }

    /**
     * Writes (b - a) × (c - a) for the vertices at coordinate offsets a, b, c into {@code out}:
     * the normal scaled by twice the triangle's area.
     */
    static void scaled(float[] v, int a, int b, int c, double[] out) {
        double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
        double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
        out[0] = uy * wz - uz * wy;
        out[1] = uz * wx - ux * wz;
        out[2] = ux * wy - uy * wx;
    }

    /** Writes the unit normal of triangle {@code t} into {@code out[0..2]} (zero for a degenerate one). */
    static void facet(float[] v, int[] tri, int t, float[] out) {
        double[] n = new double[3];
        scaled(v, 3 * tri[3 * t], 3 * tri[3 * t + 1], 3 * tri[3 * t + 2], n);
        double nx = n[0], ny = n[1], nz = n[2];
        double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (len == 0) {
            out[0] = out[1] = out[2] = 0;
        } else {
            out[0] = (float) (nx / len);
            out[1] = (float) (ny / len);
            out[2] = (float) (nz / len);
        }
    }
}
