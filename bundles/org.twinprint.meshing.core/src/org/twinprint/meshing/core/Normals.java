package org.twinprint.meshing.core;

/** Unit facet normals from vertex order (right-hand rule): what STL readers check against. */
final class Normals {

    private Normals() {
    }

    /** Writes the unit normal of triangle {@code t} into {@code out[0..2]} (zero for a degenerate one). */
    static void facet(float[] v, int[] tri, int t, float[] out) {
        int a = 3 * tri[3 * t], b = 3 * tri[3 * t + 1], c = 3 * tri[3 * t + 2];
        double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
        double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
        double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
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
