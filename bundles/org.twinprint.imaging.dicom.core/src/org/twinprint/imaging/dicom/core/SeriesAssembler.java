package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.util.Parallel;

/**
 * Stacks the slices of one series into a volume. Slices are ordered by the projection of their
 * position on the slice normal; the slice spacing comes from the positions, never from
 * SliceThickness. Every irregularity found on the way becomes a warning of the series.
 */
final class SeriesAssembler {

    /** Positions closer than this along the normal are the same slice. */
    private static final double SAME_POSITION_MM = 1e-3;
    /** Gaps that differ from the typical gap by more than this fraction are reported. */
    private static final double GAP_TOLERANCE = 0.01;
    /** Steps that deviate from the normal by more than this many degrees are a gantry tilt. */
    private static final double TILT_TOLERANCE_DEG = 0.05;

    private SeriesAssembler() {
    }

    /**
     * The volume of one series' slices. Values still in their files are read straight into their
     * place in the volume, on all cores; a file that cannot be read then fails the series, named.
     */
    static Series assemble(List<DicomSlice> input, String source) throws IOException {
        List<String> warnings = new ArrayList<>();
        List<DicomSlice> slices = largestConsistentGroup(input, warnings);
        Vec3 normal = slices.get(0).normal();
        slices.sort(Comparator.comparingDouble(s -> s.distanceAlong(normal)));
        slices = withoutDuplicatePositions(slices, normal, warnings);
        DicomSlice first = slices.get(0); // the lowest along the normal: the grid's origin

        int n = slices.size();
        int rows = first.rows();
        int columns = first.columns();
        double sliceSpacing = 1.0;
        boolean uneven = false;
        boolean tilted = false;
        if (n == 1) {
            warnings.add("single slice: its thickness along the normal is taken as 1 mm");
        } else {
            double[] gaps = new double[n - 1];
            for (int k = 0; k < n - 1; k++) {
                gaps[k] = slices.get(k + 1).distanceAlong(normal) - slices.get(k).distanceAlong(normal);
            }
            sliceSpacing = median(gaps);
            uneven = reportUnevenGaps(slices, gaps, sliceSpacing, warnings);
            Vec3 step = slices.get(n - 1).position().minus(first.position());
            double tilt = Math.toDegrees(Math.acos(Math.min(1, Math.abs(step.normalized().dot(normal)))));
            if (tilt > TILT_TOLERANCE_DEG) {
                tilted = true;
                warnings.add(String.format(java.util.Locale.ROOT,
                        "gantry tilt: slices step %.2f degrees off their normal; resampled onto a grid square to the"
                                + " slices (each slice shifted in its plane, bilinear)", tilt));
            }
        }
        short[] voxels;
        int nz = n;
        Vec3 origin = first.position();
        if (uneven || tilted) {
            SliceResampler.Result r = SliceResampler.resample(decoded(slices), normal, sliceSpacing);
            voxels = r.voxels();
            nz = r.slices();
            if (r.columns() != columns || r.rows() != rows) {
                warnings.add(String.format(java.util.Locale.ROOT, "the grid grew from %d x %d to %d x %d pixels so"
                        + " that it holds every acquired pixel of the shifted slices", columns, rows, r.columns(),
                        r.rows()));
            }
            columns = r.columns();
            rows = r.rows();
            origin = origin.plus(first.rowDirection().times(r.firstColumn() * first.columnSpacing()))
                    .plus(first.columnDirection().times(r.firstRow() * first.rowSpacing()));
            if (uneven) {
                warnings.add(String.format(java.util.Locale.ROOT, "resampled to %d slices every %.3f mm (linear"
                        + " between the acquired slices)", nz, sliceSpacing));
            }
        } else {
            int perSlice = rows * columns;
            voxels = new short[Math.multiplyExact(perSlice, n)];
            short[] volume = voxels;
            eachSlice(slices, (k, s) -> s.pixels().copyTo(volume, k * perSlice));
        }
        // i runs along a row (across columns), j down the columns (across rows).
        Geometry geometry = new Geometry(columns, rows, nz,
                new Vec3(first.columnSpacing(), first.rowSpacing(), sliceSpacing), origin,
                first.rowDirection(), first.columnDirection(), normal);
        return new Series(first.seriesUid(), first.seriesDescription(), first.modality(),
                new Volume(geometry, voxels, first.unit()), source, warnings);
    }

    /** Keeps the slices that share size, pixel spacing and orientation with most others. */
    private static List<DicomSlice> largestConsistentGroup(List<DicomSlice> slices, List<String> warnings) {
        Map<Shape, List<DicomSlice>> groups = new LinkedHashMap<>();
        for (DicomSlice s : slices) {
            groups.computeIfAbsent(Shape.of(s), k -> new ArrayList<>()).add(s);
        }
        List<DicomSlice> best = groups.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        if (groups.size() > 1) {
            Shape series = Shape.of(best.get(0));
            for (List<DicomSlice> other : groups.values()) {
                if (other != best) {
                    warnings.add("inconsistent slices: " + other.size() + " slice(s) such as "
                            + other.get(0).file().getFileName() + " differ from the series in "
                            + series.differences(Shape.of(other.get(0))) + " and were left out");
                }
            }
        }
        return new ArrayList<>(best);
    }

    private static List<DicomSlice> withoutDuplicatePositions(List<DicomSlice> sorted, Vec3 normal,
            List<String> warnings) {
        List<DicomSlice> kept = new ArrayList<>();
        for (DicomSlice s : sorted) {
            if (!kept.isEmpty()) {
                DicomSlice last = kept.get(kept.size() - 1);
                if (Math.abs(s.distanceAlong(normal) - last.distanceAlong(normal)) < SAME_POSITION_MM) {
                    warnings.add("duplicate position: " + s.file().getFileName() + " lies where "
                            + last.file().getFileName() + " lies; the first was kept");
                    continue;
                }
            }
            kept.add(s);
        }
        return kept;
    }

    /** Names every gap that differs from the typical one; true if there was any. */
    private static boolean reportUnevenGaps(List<DicomSlice> slices, double[] gaps, double typical,
            List<String> warnings) {
        boolean any = false;
        for (int k = 0; k < gaps.length; k++) {
            if (Math.abs(gaps[k] - typical) > GAP_TOLERANCE * typical) {
                // a longer step can hide a missing slice; a shorter one means the two overlap
                warnings.add(String.format(java.util.Locale.ROOT,
                        "uneven gap: %.3f mm between %s and %s where %.3f mm is typical (%s)",
                        gaps[k], slices.get(k).file().getFileName(), slices.get(k + 1).file().getFileName(),
                        typical, gaps[k] > typical ? "missing slice?" : "overlapping slices"));
                any = true;
            }
        }
        return any;
    }

    private static List<DicomSlice> decoded(List<DicomSlice> slices) throws IOException {
        DicomSlice[] decoded = new DicomSlice[slices.size()];
        eachSlice(slices, (k, s) -> decoded[k] = s.decoded());
        return Arrays.asList(decoded);
    }

    /** What is done to slice k (s) of a series; reading its file may fail. */
    private interface SliceWork {
        void run(int k, DicomSlice s) throws DicomReadException;
    }

    /** Runs {@code work} on every slice, on all cores; a file that fails is named in the exception. */
    private static void eachSlice(List<DicomSlice> slices, SliceWork work) throws IOException {
        try {
            Parallel.forEach(0, slices.size(), k -> {
                try {
                    work.run(k, slices.get(k));
                } catch (DicomReadException e) {
                    throw new UncheckedIOException(new IOException(slices.get(k).file() + ": " + e.getMessage()));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** What slices of one volume share: size, pixel spacing, and orientation to 1e-4. */
    /**
     * What must agree across a series: size, pixel spacing, orientation, how values are stored
     * (bits, sign, photometric interpretation), and for CT the rescale (HU are HU in every slice;
     * PET and others rescale slice by slice on purpose).
     */
    private record Shape(int rows, int columns, double rowSpacing, double columnSpacing, long rowX, long rowY,
            long rowZ, long columnX, long columnY, long columnZ, double slope, double intercept, String storage) {

        static Shape of(DicomSlice s) {
            Vec3 r = s.rowDirection(), c = s.columnDirection();
            boolean ct = "CT".equals(s.modality());
            return new Shape(s.rows(), s.columns(), s.rowSpacing(), s.columnSpacing(), round(r.x()), round(r.y()),
                    round(r.z()), round(c.x()), round(c.y()), round(c.z()), ct ? s.rescaleSlope() : 0,
                    ct ? s.rescaleIntercept() : 0, s.storage());
        }

        /** The attributes in which another shape differs from this one, by DICOM name. */
        String differences(Shape o) {
            List<String> d = new ArrayList<>();
            if (rows != o.rows || columns != o.columns) {
                d.add("Rows/Columns " + o.rows + "x" + o.columns + " (series: " + rows + "x" + columns + ")");
            }
            if (rowSpacing != o.rowSpacing || columnSpacing != o.columnSpacing) {
                d.add("PixelSpacing " + o.rowSpacing + "\\" + o.columnSpacing + " (series: " + rowSpacing + "\\"
                        + columnSpacing + ")");
            }
            if (rowX != o.rowX || rowY != o.rowY || rowZ != o.rowZ || columnX != o.columnX || columnY != o.columnY
                    || columnZ != o.columnZ) {
                d.add("ImageOrientationPatient");
            }
            if (slope != o.slope) {
                d.add("RescaleSlope " + o.slope + " (series: " + slope + ")");
            }
            if (intercept != o.intercept) {
                d.add("RescaleIntercept " + o.intercept + " (series: " + intercept + ")");
            }
            if (!storage.equals(o.storage)) {
                d.add(o.storage + " (series: " + storage + ")");
            }
            return String.join(", ", d);
        }

        private static long round(double direction) {
            return Math.round(direction * 1e4);
        }
    }
}
