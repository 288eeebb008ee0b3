package org.twinprint.explain.core;

import java.awt.image.BufferedImage;
import java.util.List;

import org.twinprint.core.model.Mesh;

/**
 * A picture of the meshes from the front of the patient (anterior, head up, the patient's left on
 * the picture's right), drawn in software with a depth buffer and flat shading, so a PDF or a
 * page can show the model where no screen or GPU is.
 */
public final class MeshSnapshot {

    private MeshSnapshot() {
    }

    /** The meshes in their colours on white, {@code width} x {@code height} pixels. */
    public static BufferedImage front(List<Mesh> meshes, int width, int height) {
        double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
        double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
        for (Mesh m : meshes) {
            float[] v = m.vertices();
            for (int i = 0; i < v.length; i++) {
                lo[i % 3] = Math.min(lo[i % 3], v[i]);
                hi[i % 3] = Math.max(hi[i % 3], v[i]);
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, 0xffffff);
        double[] depth = new double[width * height];
        java.util.Arrays.fill(depth, Double.MAX_VALUE);
        // LPS x (left) to the right, z (superior) up; depth along y (posterior is further)
        double scale = 0.9 * Math.min(width / Math.max(1e-9, hi[0] - lo[0]), height / Math.max(1e-9, hi[2] - lo[2]));
        double cx = (lo[0] + hi[0]) / 2, cz = (lo[2] + hi[2]) / 2;
        for (Mesh m : meshes) {
            float[] v = m.vertices();
            int[] t = m.triangles();
            int r = m.rgb() >> 16 & 0xff, g = m.rgb() >> 8 & 0xff, b = m.rgb() & 0xff;
            for (int i = 0; i < t.length; i += 3) {
                int a = 3 * t[i], p = 3 * t[i + 1], q = 3 * t[i + 2];
                double ux = v[p] - v[a], uy = v[p + 1] - v[a + 1], uz = v[p + 2] - v[a + 2];
                double wx = v[q] - v[a], wy = v[q + 1] - v[a + 1], wz = v[q + 2] - v[a + 2];
                double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
                double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
                if (len == 0) {
                    continue;
                }
                double light = 0.3 + 0.7 * Math.abs(ny / len); // a light from the viewer
                int shade = (int) (r * light) << 16 | (int) (g * light) << 8 | (int) (b * light);
                fill(pixels, depth, width, height, new double[] { x(v[a], cx, scale, width), x(v[p], cx, scale, width),
                        x(v[q], cx, scale, width) }, new double[] { y(v[a + 2], cz, scale, height),
                                y(v[p + 2], cz, scale, height), y(v[q + 2], cz, scale, height) },
                        new double[] { v[a + 1], v[p + 1], v[q + 1] }, shade);
            }
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    private static double x(double lps, double centre, double scale, int width) {
        return width / 2.0 + (lps - centre) * scale;
    }

    private static double y(double lps, double centre, double scale, int height) {
        return height / 2.0 - (lps - centre) * scale;
    }

    /** One triangle into the picture where it is nearer than what is there (barycentric, pixel centres). */
    private static void fill(int[] pixels, double[] depth, int width, int height, double[] x, double[] y, double[] z,
            int colour) {
        double area = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0]);
        if (Math.abs(area) < 1e-12) {
            return;
        }
        int x0 = Math.max(0, (int) Math.floor(Math.min(x[0], Math.min(x[1], x[2]))));
        int x1 = Math.min(width - 1, (int) Math.ceil(Math.max(x[0], Math.max(x[1], x[2]))));
        int y0 = Math.max(0, (int) Math.floor(Math.min(y[0], Math.min(y[1], y[2]))));
        int y1 = Math.min(height - 1, (int) Math.ceil(Math.max(y[0], Math.max(y[1], y[2]))));
        for (int py = y0; py <= y1; py++) {
            for (int px = x0; px <= x1; px++) {
                double sx = px + 0.5, sy = py + 0.5;
                double w0 = ((x[1] - sx) * (y[2] - sy) - (x[2] - sx) * (y[1] - sy)) / area;
                double w1 = ((x[2] - sx) * (y[0] - sy) - (x[0] - sx) * (y[2] - sy)) / area;
                double w2 = 1 - w0 - w1;
                if (w0 < 0 || w1 < 0 || w2 < 0) {
                    continue;
                }
                double d = w0 * z[0] + w1 * z[1] + w2 * z[2];
                int n = py * width + px;
                if (d < depth[n]) {
                    depth[n] = d;
                    pixels[n] = colour;
                }
            }
        }
    }
}
