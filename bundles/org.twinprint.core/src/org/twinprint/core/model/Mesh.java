package org.twinprint.core.model;

import java.util.Objects;

/**
 * A triangle surface in patient LPS millimetres: vertex coordinates as x,y,z triples and
 * triangles as vertex index triples, counter-clockwise seen from outside, with the display
 * colour of the structure it shows.
 */
public record Mesh(String name, int rgb, float[] vertices, int[] triangles) {

    /** Light bone grey, for meshes that come without a colour. */
    public static final int DEFAULT_RGB = 0xe3dac9;

    public Mesh(String name, float[] vertices, int[] triangles) {
        this(name, DEFAULT_RGB, vertices, triangles);
    }

    public Mesh {
        Objects.requireNonNull(name, "name");
        if (vertices.length % 3 != 0 || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("mesh arrays must hold triples");
        }
    }

    public Mesh withName(String newName) {
        return new Mesh(newName, rgb, vertices, triangles);
    }

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    /** Enclosed volume in mm³ by the divergence theorem; exact for a closed, outward-oriented mesh. */
    public double volumeMm3() {
        return blockSum(this::sixTimesVolume) / 6;
    }

    public double areaMm2() {
        return blockSum(this::twiceArea) / 2;
    }

    /** Enclosed volume (mm³) and surface area (mm²). */
    public record Measures(double volumeMm3, double areaMm2) {
    }

    /**
     * {@link #volumeMm3()} and {@link #areaMm2()}, to the last bit, in one pass: each block of
     * triangles is summed both ways while it is in cache.
     */
    public Measures measures() {
        int blocks = (triangleCount() + SUM_BLOCK - 1) / SUM_BLOCK;
        double[] sixV = new double[blocks], twiceA = new double[blocks];
        org.twinprint.core.util.Parallel.forEach(0, blocks, n -> {
            sixV[n] = sixTimesVolume(n);
            twiceA[n] = twiceArea(n);
        });
        double volume = 0, area = 0;
        for (int n = 0; n < blocks; n++) {
            volume += sixV[n];
            area += twiceA[n];
        }
        return new Measures(volume / 6, area / 2);
    }

    /**
     * Triangles per block of the sums: blocks run in parallel and add up in order, so a sum never
     * varies. A pass elsewhere that sums the same terms in blocks of this size gets the same bits.
     */
    public static final int SUM_BLOCK = 1 << 16;

    private double blockSum(java.util.function.IntToDoubleFunction block) {
        int blocks = (triangleCount() + SUM_BLOCK - 1) / SUM_BLOCK;
        double[] partial = new double[blocks];
        org.twinprint.core.util.Parallel.forEach(0, blocks, n -> partial[n] = block.applyAsDouble(n));
        double sum = 0;
        for (double p : partial) {
            sum += p;
        }
        return sum;
    }

    private double sixTimesVolume(int block) {
        int[] triangles = this.triangles; // locals: the quick JIT reloads fields at every use
        float[] vertices = this.vertices;
        double sixV = 0;
        for (int t = 3 * block * SUM_BLOCK, end = Math.min(triangles.length, t + 3 * SUM_BLOCK); t < end; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double ax = vertices[a], ay = vertices[a + 1], az = vertices[a + 2];
            double bx = vertices[b], by = vertices[b + 1], bz = vertices[b + 2];
            double cx = vertices[c], cy = vertices[c + 1], cz = vertices[c + 2];
            sixV += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
        }
        return sixV;
    }

    private double twiceArea(int block) {
        int[] triangles = this.triangles;
        float[] vertices = this.vertices;
        double twiceA = 0;
        for (int t = 3 * block * SUM_BLOCK, end = Math.min(triangles.length, t + 3 * SUM_BLOCK); t < end; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double ux = vertices[b] - vertices[a], uy = vertices[b + 1] - vertices[a + 1], uz = vertices[b + 2] - vertices[a + 2];
            double wx = vertices[c] - vertices[a], wy = vertices[c + 1] - vertices[a + 1], wz = vertices[c + 2] - vertices[a + 2];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            twiceA += Math.sqrt(nx * nx + ny * ny + nz * nz);
        }
        return twiceA;
    }
}
