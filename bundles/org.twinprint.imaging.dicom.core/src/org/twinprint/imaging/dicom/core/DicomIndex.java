package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.twinprint.core.spi.Problem;
import org.twinprint.core.spi.Progress;

/**
 * What a folder holds, by patient, study and series, read from the headers only (each file is
 * read up to its pixel data): what the study browser lists and {@code releng/run studies} prints.
 * A series is then loaded with {@link DicomFolderImporter} and its {@code series} parameter.
 */
public final class DicomIndex {

    /** One series found, with the files that hold it. */
    public record IndexedSeries(String patientId, String patientName, String studyUid, String studyDate,
            String studyDescription, String seriesUid, String seriesNumber, String modality, String description,
            List<Path> files) {
    }

    /** The series found and the files that could not be read. */
    public record Result(List<IndexedSeries> series, List<Problem> problems) {
    }

    private DicomIndex() {
    }

    public static Result scan(Path folder, Progress progress) throws IOException {
        if (!Files.exists(folder)) {
            throw new IOException(folder + ": no such file or folder");
        }
        List<Path> files = DicomSources.files(folder);
        progress.begin("Scanning " + folder, Math.max(1, files.size()));
        Map<String, List<Path>> filesBySeries = Collections.synchronizedMap(new LinkedHashMap<>());
        Map<String, AttributeList> firstHeader = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        files.parallelStream().forEach(f -> {
            progress.checkCanceled();
            try {
                if (!Files.exists(f)) {
                    problems.add(new Problem(f, "missing: listed by the DICOMDIR but not there"));
                    return;
                }
                if (!DicomSliceReader.looksLikeDicom(f)) {
                    return;
                }
                AttributeList header = DicomAttributes.header(f);
                if (header.get(TagFromName.Rows) == null) {
                    return; // not an image (structure sets, reports) is no series to view
                }
                String uid = text(header, TagFromName.SeriesInstanceUID);
                filesBySeries.computeIfAbsent(uid, k -> Collections.synchronizedList(new ArrayList<>())).add(f);
                firstHeader.putIfAbsent(uid, header);
            } catch (DicomReadException e) {
                problems.add(new Problem(f, e.getMessage()));
            } finally {
                progress.worked(1);
            }
        });
        List<IndexedSeries> series = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : filesBySeries.entrySet()) {
            AttributeList h = firstHeader.get(e.getKey());
            List<Path> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.naturalOrder());
            series.add(new IndexedSeries(text(h, TagFromName.PatientID), text(h, TagFromName.PatientName),
                    text(h, TagFromName.StudyInstanceUID), text(h, TagFromName.StudyDate),
                    text(h, TagFromName.StudyDescription), e.getKey(), text(h, TagFromName.SeriesNumber),
                    text(h, TagFromName.Modality), text(h, TagFromName.SeriesDescription), List.copyOf(sorted)));
        }
        series.sort(Comparator.comparing(IndexedSeries::patientId).thenComparing(IndexedSeries::studyDate)
                .thenComparing(IndexedSeries::studyUid).thenComparing(s -> s.seriesNumber().isEmpty() ? 0
                        : safeInt(s.seriesNumber())));
        List<Problem> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort(Comparator.comparing(Problem::file));
        return new Result(series, sortedProblems);
    }

    /**
     * A small grey picture of the series' middle image, {@code size} pixels on its longer side,
     * windowed to its own 1st..99th percentile: one byte per pixel, rows top to bottom.
     */
    public static Thumbnail thumbnail(IndexedSeries series, int size) throws DicomReadException {
        DicomSlice slice = null;
        DicomReadException last = null;
        List<Path> files = series.files();
        for (int n = 0; n < files.size() && slice == null; n++) {
            Path f = files.get((files.size() / 2 + n) % files.size()); // the middle file, else the next readable
            try {
                List<DicomSlice> frames = DicomSliceReader.read(f);
                slice = frames.get(frames.size() / 2);
            } catch (DicomReadException e) {
                last = e;
            }
        }
        if (slice == null) {
            throw last;
        }
        return Thumbnail.of(slice.values(), slice.columns(), slice.rows(), slice.columnSpacing(), slice.rowSpacing(),
                size);
    }

    /** Grey pixels of a thumbnail. */
    public record Thumbnail(int width, int height, byte[] grey) {

        static Thumbnail of(short[] values, int columns, int rows, double dx, double dy, int size) {
            short[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double low = sorted[sorted.length / 100], high = sorted[sorted.length * 99 / 100];
            double widthMm = columns * dx, heightMm = rows * dy;
            int w = (int) Math.max(1, Math.round(widthMm >= heightMm ? size : size * widthMm / heightMm));
            int h = (int) Math.max(1, Math.round(heightMm >= widthMm ? size : size * heightMm / widthMm));
            byte[] grey = new byte[w * h];
            for (int y = 0; y < h; y++) {
                int row = Math.min(rows - 1, (int) ((y + 0.5) * rows / h));
                for (int x = 0; x < w; x++) {
                    int column = Math.min(columns - 1, (int) ((x + 0.5) * columns / w));
                    double v = (values[row * columns + column] - low) / Math.max(1, high - low);
                    grey[y * w + x] = (byte) Math.round(255 * Math.max(0, Math.min(1, v)));
                }
            }
            return new Thumbnail(w, h, grey);
        }
    }

    private static String text(AttributeList list, com.pixelmed.dicom.AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
    }

    private static int safeInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
