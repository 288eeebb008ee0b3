package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;

import org.twinprint.core.model.Vec3;

/**
 * Reads one DICOM image file, single- or multi-frame, into calibrated slices placed in patient
 * space. Plain 16-bit files are read by {@link DirectPixels} (the header by {@link PlainHeader}
 * when it is a single frame); the rest are parsed by PixelMed (its own decompression off) and
 * decoded by {@link PixelDecoding}. Each frame's position, orientation, spacing and rescale come
 * from the classic image attributes or, in enhanced objects, from the frame's functional groups.
 */
final class DicomSliceReader {

    private DicomSliceReader() {
    }

    /** True when the file carries the DICOM Part 10 preamble ("DICM" at byte 128). */
    static boolean looksLikeDicom(Path file) {
        byte[] head = new byte[132];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 132) == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C'
                    && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    /** The attribute list of a file, with pixel data left compressed. */
    static AttributeList parse(Path file) throws DicomReadException {
        if (!Files.exists(file)) {
            throw new DicomReadException("missing: the file is listed (by a DICOMDIR?) but not there");
        }
        if (!looksLikeDicom(file)) {
            throw new DicomReadException("not a DICOM file (no 'DICM' marker at byte 128)");
        }
        ElementLengths.check(file); // a lying length must not become PixelMed's allocation
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try (DicomInputStream in = new DicomInputStream(file.toFile())) {
            list.read(in);
        } catch (IOException | DicomException | RuntimeException e) {
            throw new DicomReadException("unreadable DICOM (" + describe(e) + "); the file may be truncated");
        } catch (OutOfMemoryError e) {
            throw new DicomReadException("too large to read here (" + e.getMessage() + ")");
        }
        return list;
    }

    /** Every frame of the file as a slice, its values in memory. */
    static List<DicomSlice> read(Path file) throws DicomReadException {
        List<DicomSlice> slices = new ArrayList<>(readForVolume(file));
        for (int k = 0; k < slices.size(); k++) {
            slices.set(k, slices.get(k).decoded());
        }
        return slices;
    }

    /**
     * The same, except that a plain file's values stay in the file until the volume they go into
     * is made ({@link SlicePixels#copyTo}).
     */
    static List<DicomSlice> readForVolume(Path file) throws DicomReadException {
        DirectPixels.Located direct = DirectPixels.locate(file);
        return direct != null ? slices(file, direct) : slices(file, parse(file));
    }

    /** The slices of a plain file, their values still in it. */
    private static List<DicomSlice> slices(Path file, DirectPixels.Located at) throws DicomReadException {
        SliceHeader h = at.header();
        int bitsStored = h.bitsStored(16);
        List<DicomSlice> slices = new ArrayList<>(at.frames());
        for (int f = 0; f < at.frames(); f++) {
            slices.add(slice(file, h, f, at.rows(), at.columns(), at.frame(file, f, calibration(h, f, bitsStored))));
        }
        return slices;
    }

    /** The slices of a file PixelMed has parsed as a whole. */
    private static List<DicomSlice> slices(Path file, AttributeList list) throws DicomReadException {
        String sop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
        if (sop.equals(SOPClass.SegmentationStorage)) {
            // its frames are masks on another series' grid, not slices of a volume of its own
            throw new DicomReadException("a DICOM SEG of series " + referencedSeries(list)
                    + ", not an image series: load it with segment.from-seg");
        }
        if (list.getPixelData() == null) {
            String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
            if (SOPClass.isImageStorage(sopClass)) {
                // PixelMed stops quietly at a cut-off element: an image without pixels was cut short.
                throw new DicomReadException("image without readable Pixel Data: the file is truncated or incomplete");
            }
            throw new DicomReadException("no Pixel Data element: not an image (" + describeSopClass(list) + ")");
        }
        StoredPixels stored = PixelDecoding.decode(list, file);
        return slices(file, new AttributeListHeader(list, stored.frames()), stored);
    }

    private static String referencedSeries(AttributeList list) {
        if (list.get(TagFromName.ReferencedSeriesSequence) instanceof com.pixelmed.dicom.SequenceAttribute s
                && s.getNumberOfItems() > 0) {
            return Attribute.getSingleStringValueOrEmptyString(s.getItem(0).getAttributeList(),
                    TagFromName.SeriesInstanceUID);
        }
        return "(none referenced)";
    }

    /** What a non-image object is, for its message: its SOP class, or what it is when it has none. */
    static String describeSopClass(AttributeList list) {
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
        if (!sopClass.isEmpty()) {
            String name = com.pixelmed.dicom.SOPClassDescriptions.getDescriptionFromUID(sopClass);
            return "SOP class " + sopClass + (name == null || name.isEmpty() ? "" : ", " + name);
        }
        String media = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.MediaStorageSOPClassUID);
        if (media.equals(SOPClass.MediaStorageDirectoryStorage)) {
            return "a DICOMDIR, the index of a DICOM file set";
        }
        return "no SOP Class UID" + (media.isEmpty() ? "" : ", media storage class " + media);
    }

    /** The slices from a file's header (Pixel Data aside) and its decoded pixels. */
    private static List<DicomSlice> slices(Path file, SliceHeader header, StoredPixels stored)
            throws DicomReadException {
        if (stored.samplesPerPixel() != 1) {
            throw new DicomReadException("colour image (" + stored.samplesPerPixel()
                    + " samples per pixel) is not a volume");
        }
        if (stored.bitsAllocated() == 32) {
            throw new DicomReadException("32-bit pixel data is not a 16-bit volume (dose grids are not loaded yet)");
        }
        int bitsStored = header.bitsStored(stored.bitsAllocated());
        int perFrame = stored.columns() * stored.rows();
        short[] words = stored.words();
        List<DicomSlice> slices = new ArrayList<>(stored.frames());
        for (int f = 0; f < stored.frames(); f++) {
            // a single frame is calibrated where it lies; each of several gets its own array
            short[] values = stored.frames() == 1 && words.length == perFrame ? words
                    : java.util.Arrays.copyOfRange(words, f * perFrame, (f + 1) * perFrame);
            calibration(header, f, bitsStored).apply(values, 0, perFrame);
            slices.add(slice(file, header, f, stored.rows(), stored.columns(), new SlicePixels.Decoded(values)));
        }
        return slices;
    }

    private static Calibration calibration(SliceHeader h, int frame, int bitsStored) throws DicomReadException {
        double slope = h.rescaleSlope(frame), intercept = h.rescaleIntercept(frame);
        // a slope of 0 makes every voxel the intercept: silently wrong anatomy, so the file is refused
        if (!Double.isFinite(slope) || slope == 0 || Math.abs(slope) > 1e4) {
            throw new DicomReadException("RescaleSlope " + slope + " cannot calibrate values (finite, not 0, at most"
                    + " 1e4)");
        }
        if (!Double.isFinite(intercept) || Math.abs(intercept) > 1e6) {
            throw new DicomReadException("RescaleIntercept " + intercept + " cannot calibrate values (finite, at most"
                    + " 1e6)");
        }
        return new Calibration(bitsStored, h.signed(), h.rescaleSlope(frame), h.rescaleIntercept(frame),
                h.monochrome1());
    }

    private static DicomSlice slice(Path file, SliceHeader h, int frame, int rows, int columns, SlicePixels pixels)
            throws DicomReadException {
        FrameGroups.Plane plane = h.plane(frame);
        checkPlane(plane);
        String modality = h.modality();
        return new DicomSlice(file, h.seriesUid(), h.seriesDescription(), modality, plane.position(),
                plane.rowDirection(), plane.columnDirection(), rows, columns, plane.rowSpacing(),
                plane.columnSpacing(), "CT".equals(modality) ? "HU" : "", h.rescaleSlope(frame),
                h.rescaleIntercept(frame), "BitsStored " + h.bitsStored(16) + ", " + (h.signed() ? "signed" : "unsigned")
                        + ", " + (h.monochrome1() ? "MONOCHROME1" : "MONOCHROME2"), pixels);
    }

    /** Non-finite or absurd geometry is refused, naming the attribute: it would place anatomy wrongly. */
    private static void checkPlane(FrameGroups.Plane p) throws DicomReadException {
        Vec3 pos = p.position(), r = p.rowDirection(), c = p.columnDirection();
        if (!finite(pos) || Math.abs(pos.x()) > 1e6 || Math.abs(pos.y()) > 1e6 || Math.abs(pos.z()) > 1e6) {
            throw new DicomReadException("ImagePositionPatient " + pos + " is not a finite position within 1 km");
        }
        for (double s : new double[] { p.rowSpacing(), p.columnSpacing() }) {
            if (!Double.isFinite(s) || s <= 0 || s > 1e4) {
                throw new DicomReadException("PixelSpacing " + p.rowSpacing() + "\\" + p.columnSpacing()
                        + " mm: each must be finite, above 0 and below 10 m");
            }
        }
        if (!finite(r) || !finite(c) || Math.abs(r.length() - 1) > 1e-3 || Math.abs(c.length() - 1) > 1e-3
                || Math.abs(r.dot(c)) > 1e-3) {
            throw new DicomReadException("ImageOrientationPatient " + r + " " + c
                    + " is not two perpendicular unit vectors");
        }
    }

    private static boolean finite(Vec3 v) {
        return Double.isFinite(v.x()) && Double.isFinite(v.y()) && Double.isFinite(v.z());
    }

    /** What went wrong, in words a user can act on, without a stack trace. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().equals("null") ? ""
                : e.getMessage();
        if (e instanceof OutOfMemoryError) {
            return "out of memory while reading it (" + message + "): its header describes more than this process"
                    + " can hold";
        }
        if (e instanceof ArithmeticException || e instanceof NegativeArraySizeException) {
            return "its header gives sizes that cannot be (" + e.getClass().getSimpleName()
                    + (message.isEmpty() ? "" : ": " + message) + ")";
        }
        if (e instanceof IndexOutOfBoundsException || e instanceof java.nio.BufferUnderflowException) {
            return "its data ends before its header says it should (" + e.getClass().getSimpleName()
                    + (message.isEmpty() ? "" : ": " + message) + ")";
        }
        if (e instanceof RuntimeException && !(e instanceof IllegalArgumentException)) {
            return "damaged (" + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message) + ")";
        }
        return message.isEmpty() ? e.getClass().getSimpleName() : message;
    }
}
