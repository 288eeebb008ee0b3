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
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.twinprint.core.spi.Problem;
import org.twinprint.core.spi.Progress;

/**
 * What a folder holds, by patient, study and series, read from the headers only (each file is
 * read up to its pixel data): what the study browser lists and {@code releng/run studies} prints.
 * A series is then loaded with {@link DicomFolderImporter} and its {@code series} parameter.
 */
public final class DicomIndex {

    /** A structure set's references (PixelMed's dictionary has no names for them). */
    private static final com.pixelmed.dicom.AttributeTag REFERENCED_FRAMES = new com.pixelmed.dicom.AttributeTag(0x3006,
            0x0010);
    private static final com.pixelmed.dicom.AttributeTag RT_STUDIES = new com.pixelmed.dicom.AttributeTag(0x3006, 0x0012);
    private static final com.pixelmed.dicom.AttributeTag RT_SERIES = new com.pixelmed.dicom.AttributeTag(0x3006, 0x0014);

    /**
     * One series found, with the files that hold it and the objects beside it that refer to it
     * (structure sets, segmentations).
     */
    public record IndexedSeries(String patientId, String patientName, String studyUid, String studyDate,
            String studyDescription, String seriesUid, String seriesNumber, String modality, String description,
            List<Path> files, List<RelatedObject> objects) {
    }

    /** A non-image object (RTSTRUCT, SEG, ...) and the series its references name (empty if none). */
    public record RelatedObject(Path file, String modality, String description, String referencedSeriesUid) {
    }

    /**
     * The series found, the non-image objects that refer to none of them, and the files that could
     * not be read.
     */
    public record Result(List<IndexedSeries> series, List<RelatedObject> others, List<Problem> problems) {
    }

    private DicomIndex() {
    }

    public static Result scan(Path folder, Progress progress) throws IOException {
        if (!Files.exists(folder)) {
            throw new IOException(folder + ": no such file or folder");
        }
        return scan(DicomSources.files(folder), folder, progress);
    }

    /** Indexes files already found under {@code folder} (an archive's unpacked files, say). */
    static Result scan(List<Path> files, Path folder, Progress progress) {
        progress.begin("Scanning " + folder, Math.max(1, files.size()));
        Map<String, List<Path>> filesBySeries = Collections.synchronizedMap(new LinkedHashMap<>());
        Map<String, AttributeList> firstHeader = Collections.synchronizedMap(new LinkedHashMap<>());
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        List<RelatedObject> objects = Collections.synchronizedList(new ArrayList<>());
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
                String sop = text(header, TagFromName.SOPClassUID);
                if (header.get(TagFromName.Rows) == null || sop.equals(SOPClass.SegmentationStorage)) {
                    // not an image (structure sets, segmentations, reports): listed with the series it names
                    if (!sop.isEmpty() && !sop.equals(SOPClass.MediaStorageDirectoryStorage)) {
                        objects.add(new RelatedObject(f, text(header, TagFromName.Modality), description(header),
                                referencedSeries(header)));
                    }
                    return;
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
        Map<String, List<RelatedObject>> objectsBySeries = new LinkedHashMap<>();
        List<RelatedObject> others = new ArrayList<>();
        List<RelatedObject> byFile = new ArrayList<>(objects);
        byFile.sort(Comparator.comparing(RelatedObject::file));
        for (RelatedObject o : byFile) {
            if (filesBySeries.containsKey(o.referencedSeriesUid())) {
                objectsBySeries.computeIfAbsent(o.referencedSeriesUid(), k -> new ArrayList<>()).add(o);
            } else {
                others.add(o);
            }
        }
        List<IndexedSeries> series = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : filesBySeries.entrySet()) {
            AttributeList h = firstHeader.get(e.getKey());
            List<Path> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.naturalOrder());
            series.add(new IndexedSeries(text(h, TagFromName.PatientID), text(h, TagFromName.PatientName),
                    text(h, TagFromName.StudyInstanceUID), text(h, TagFromName.StudyDate),
                    text(h, TagFromName.StudyDescription), e.getKey(), text(h, TagFromName.SeriesNumber),
                    text(h, TagFromName.Modality), text(h, TagFromName.SeriesDescription), List.copyOf(sorted),
                    List.copyOf(objectsBySeries.getOrDefault(e.getKey(), List.of()))));
        }
        series.sort(Comparator.comparing(IndexedSeries::patientId).thenComparing(IndexedSeries::studyDate)
                .thenComparing(IndexedSeries::studyUid).thenComparing(s -> s.seriesNumber().isEmpty() ? 0
                        : safeInt(s.seriesNumber())));
        List<Problem> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort(Comparator.comparing(Problem::file));
        return new Result(series, others, sortedProblems);
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

    private static String description(AttributeList h) {
        String label = text(h, TagFromName.StructureSetLabel);
        return label.isEmpty() ? text(h, TagFromName.SeriesDescription) : label;
    }

    /**
     * The image series an object refers to: a SEG's Referenced Series, a structure set's
     * referenced frame of reference's study's series; empty if it names none.
     */
    static String referencedSeries(AttributeList h) {
        if (h.get(TagFromName.ReferencedSeriesSequence) instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
            return text(s.getItem(0).getAttributeList(), TagFromName.SeriesInstanceUID);
        }
        if (h.get(REFERENCED_FRAMES) instanceof SequenceAttribute frames) {
            for (int i = 0; i < frames.getNumberOfItems(); i++) {
                if (frames.getItem(i).getAttributeList().get(RT_STUDIES)
                        instanceof SequenceAttribute studies) {
                    for (int j = 0; j < studies.getNumberOfItems(); j++) {
                        if (studies.getItem(j).getAttributeList().get(RT_SERIES)
                                instanceof SequenceAttribute series && series.getNumberOfItems() > 0) {
                            return text(series.getItem(0).getAttributeList(), TagFromName.SeriesInstanceUID);
                        }
                    }
                }
            }
        }
        return "";
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
