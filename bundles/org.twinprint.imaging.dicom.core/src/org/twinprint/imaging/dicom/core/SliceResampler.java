package org.twinprint.imaging.dicom.core;

import java.util.List;

import org.twinprint.core.model.Vec3;

/**
 * Puts slices with uneven gaps or a gantry tilt onto a regular grid square to the slices: output
 * slice m lies at distance d0 + m * spacing along the normal, right above the first slice's
 * origin. Each acquired slice is first shifted in its own plane by where its origin lies off that
 * column (the tilt; bilinear), then neighbouring slices are blended by distance (linear). The grid
 * grows beyond the first slice's field wherever a shifted slice reaches, so no acquired pixel is
 * lost (as dcm2niix does). Pixels that come from outside an acquired slice get the series'
 * lowest value (air).
 */
final class SliceResampler {

    /**
     * The voxels on a grid of {@code columns x rows x slices} whose first pixel lies
     * {@code firstColumn} columns and {@code firstRow} rows from the first slice's (0 or less).
     */
    record Result(short[] voxels, int columns, int rows, int slices, int firstColumn, int firstRow) {
    }

    private SliceResampler() {
    }

    static Result resample(List<DicomSlice> slices, Vec3 normal, double spacing) {
        DicomSlice first = slices.get(0);
        int n = slices.size();
        double[] distance = new double[n];
        double[] shiftI = new double[n]; // in-plane shift of each slice's origin, in pixels
        double[] shiftJ = new double[n];
        short fill = Short.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            DicomSlice s = slices.get(k);
            Vec3 offset = s.position().minus(first.position());
            distance[k] = offset.dot(normal);
            shiftI[k] = offset.dot(first.rowDirection()) / first.columnSpacing();
            shiftJ[k] = offset.dot(first.columnDirection()) / first.rowSpacing();
            for (short v : s.values()) {
                fill = (short) Math.min(fill, v);
            }
        }
        // the first slice's pixel grid, grown to where the shifted slices reach
        int firstColumn = (int) Math.floor(Math.min(0, min(shiftI)) + 1e-6);
        int firstRow = (int) Math.floor(Math.min(0, min(shiftJ)) + 1e-6);
        int columns = (int) Math.ceil(first.columns() - 1 + Math.max(0, max(shiftI)) - 1e-6) - firstColumn + 1;
        int rows = (int) Math.ceil(first.rows() - 1 + Math.max(0, max(shiftJ)) - 1e-6) - firstRow + 1;
        for (int k = 0; k < n; k++) {
            shiftI[k] -= firstColumn;
            shiftJ[k] -= firstRow;
        }
        int out = (int) Math.round(distance[n - 1] / spacing) + 1;
        int plane = Math.multiplyExact(columns, rows);
        short[] voxels = new short[Math.multiplyExact(plane, out)];
        float[] below = new float[plane], above = new float[plane];
        int a = 0;
        for (int m = 0; m < out; m++) {
            double d = m * spacing;
            while (a + 1 < n - 1 && distance[a + 1] <= d) {
                a++;
            }
            int b = Math.min(n - 1, a + 1);
            double w = b == a || distance[b] == distance[a] ? 0
                    : Math.max(0, Math.min(1, (d - distance[a]) / (distance[b] - distance[a])));
            shifted(slices.get(a), shiftI[a], shiftJ[a], fill, columns, rows, below);
            if (w > 0) {
                shifted(slices.get(b), shiftI[b], shiftJ[b], fill, columns, rows, above);
            }
            for (int p = 0; p < plane; p++) {
                double v = w > 0 ? below[p] * (1 - w) + above[p] * w : below[p];
                voxels[m * plane + p] = (short) Math.round(v);
            }
        }
        return new Result(voxels, columns, rows, out, firstColumn, firstRow);
    }

    private static double min(double[] a) {
        return java.util.Arrays.stream(a).min().orElse(0);
    }

    private static double max(double[] a) {
        return java.util.Arrays.stream(a).max().orElse(0);
    }

    /** The slice as seen from the output grid: pixel (i, j) samples the slice's (i - si, j - sj). */
    private static void shifted(DicomSlice s, double si, double sj, short fill, int columns, int rows,
            float[] into) {
        int sc = s.columns(), sr = s.rows();
        short[] v = s.values();
        boolean whole = Math.abs(si) < 1e-6 && Math.abs(sj) < 1e-6 && sc == columns && sr == rows;
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                if (whole) {
                    into[j * columns + i] = v[j * columns + i];
                    continue;
                }
                double x = i - si, y = j - sj;
                int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
                double fx = x - x0, fy = y - y0;
                into[j * columns + i] = (float) ((1 - fy) * ((1 - fx) * at(v, sc, sr, x0, y0, fill)
                        + fx * at(v, sc, sr, x0 + 1, y0, fill))
                        + fy * ((1 - fx) * at(v, sc, sr, x0, y0 + 1, fill)
                                + fx * at(v, sc, sr, x0 + 1, y0 + 1, fill)));
            }
        }
    }

    private static double at(short[] v, int columns, int rows, int x, int y, short fill) {
        return x < 0 || y < 0 || x >= columns || y >= rows ? fill : v[y * columns + x];
    }
}
