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
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        try (DicomInputStream in = new DicomInputStream(file.toFile())) {
            list.read(in);
        } catch (IOException | DicomException | RuntimeException e) {
            throw new DicomReadException("unreadable DICOM (" + describe(e) + "); the file may be truncated");
        }
        return list;
    }

    /** Every frame of the file as a slice. */
    static List<DicomSlice> read(Path file) throws DicomReadException {
        DirectPixels.Read direct = DirectPixels.read(file);
        return direct != null ? slices(file, direct.header(), direct.pixels()) : slices(file, parse(file));
    }

    /** The slices of a file PixelMed has parsed as a whole. */
    private static List<DicomSlice> slices(Path file, AttributeList list) throws DicomReadException {
        if (list.getPixelData() == null) {
            String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
            if (SOPClass.isImageStorage(sopClass)) {
                // PixelMed stops quietly at a cut-off element: an image without pixels was cut short.
                throw new DicomReadException("image without readable Pixel Data: the file is truncated or incomplete");
            }
            throw new DicomReadException("no Pixel Data element: not an image (SOP class " + sopClass + ")");
        }
        StoredPixels stored = PixelDecoding.decode(list, file);
        return slices(file, new AttributeListHeader(list, stored.frames()), stored);
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
        String modality = header.modality();
        String unit = "CT".equals(modality) ? "HU" : "";
        int perFrame = stored.columns() * stored.rows();
        List<DicomSlice> slices = new ArrayList<>(stored.frames());
        for (int f = 0; f < stored.frames(); f++) {
            FrameGroups.Plane plane = header.plane(f);
            short[] values = calibrate(stored.words(), f * perFrame, perFrame, bitsStored, header.signed(),
                    header.rescaleSlope(f), header.rescaleIntercept(f), header.monochrome1());
            slices.add(new DicomSlice(file, header.seriesUid(), header.seriesDescription(), modality,
                    plane.position(), plane.rowDirection(), plane.columnDirection(), stored.rows(), stored.columns(),
                    plane.rowSpacing(), plane.columnSpacing(), unit, values));
        }
        return slices;
    }

    /** Masks to BitsStored, sign-extends, rescales and rounds to 16 bits. */
    static short[] calibrate(short[] raw, int count, int bitsStored, boolean signed, double slope, double intercept,
            boolean invert) {
        return calibrate(raw, 0, count, bitsStored, signed, slope, intercept, invert);
    }

    /** The same for {@code count} values from {@code from}; a whole array is calibrated in place. */
    static short[] calibrate(short[] raw, int from, int count, int bitsStored, boolean signed, double slope,
            double intercept, boolean invert) {
        int shift = 32 - bitsStored;
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int maxStored = signed ? (1 << (bitsStored - 1)) - 1 : mask;
        int minStored = signed ? -(1 << (bitsStored - 1)) : 0;
        short[] out = from == 0 && raw.length == count ? raw : new short[count];
        boolean integral = slope == 1.0 && intercept == Math.rint(intercept);
        int offset = (int) intercept;
        if (integral && !invert && bitsStored <= 16 && Math.abs(intercept) < 1 << 20
                && minStored + offset >= Short.MIN_VALUE && maxStored + offset <= Short.MAX_VALUE) {
            // the usual CT case (slope 1, whole intercept, every value within 16 bits after it) in a
            // loop of its own: the quick JIT keeps per-value tests on flags that never change
            if (signed) {
                for (int n = 0; n < count; n++) {
                    out[n] = (short) (((raw[from + n] << shift) >> shift) + offset);
                }
            } else {
                for (int n = 0; n < count; n++) {
                    out[n] = (short) ((raw[from + n] & mask) + offset);
                }
            }
            return out;
        }
        for (int n = 0; n < count; n++) {
            int v = signed ? (raw[from + n] << shift) >> shift : raw[from + n] & mask;
            if (invert) {
                v = maxStored + minStored - v;
            }
            // the usual CT case (slope 1, whole intercept) needs no floating point
            long hu = integral ? (long) v + offset : Math.round(v * slope + intercept);
            out[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, hu));
        }
        return out;
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
