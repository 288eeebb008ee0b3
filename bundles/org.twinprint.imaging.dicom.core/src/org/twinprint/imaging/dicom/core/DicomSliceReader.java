package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;

import org.twinprint.core.model.Vec3;

/**
 * Reads one single-frame DICOM image with PixelMed and calibrates its pixels. PixelMed hands
 * back raw 16-bit words: the stored bits are masked, sign-extended when PixelRepresentation is 1,
 * then scaled by RescaleSlope and RescaleIntercept.
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

    static DicomSlice read(Path file) throws DicomReadException {
        if (!looksLikeDicom(file)) {
            throw new DicomReadException("not a DICOM file (no 'DICM' marker at byte 128)");
        }
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile());
        } catch (IOException | DicomException | RuntimeException e) {
            throw new DicomReadException("unreadable DICOM (" + describe(e) + "); the file may be truncated");
        }
        String syntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
        Attribute pixelData = list.getPixelData();
        if (pixelData == null) {
            String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
            if (SOPClass.isImageStorage(sopClass)) {
                // PixelMed stops quietly at a cut-off element: an image without pixels was cut short.
                throw new DicomReadException("image without readable Pixel Data: the file is truncated or incomplete");
            }
            throw new DicomReadException("no Pixel Data element: not an image (SOP class " + sopClass + ")");
        }
        if (!syntax.isEmpty() && new TransferSyntax(syntax).isEncapsulated()) {
            throw new DicomReadException("compressed transfer syntax " + syntax + " is not decoded yet");
        }
        int rows = intValue(list, TagFromName.Rows, "Rows");
        int columns = intValue(list, TagFromName.Columns, "Columns");
        int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
        if (frames != 1) {
            throw new DicomReadException("multi-frame image (" + frames + " frames) is not assembled yet");
        }
        int bitsAllocated = intValue(list, TagFromName.BitsAllocated, "BitsAllocated");
        if (bitsAllocated != 16) {
            throw new DicomReadException("BitsAllocated " + bitsAllocated + " is not supported yet (16 only)");
        }
        int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        if (samples != 1) {
            throw new DicomReadException("colour image (" + samples + " samples per pixel) is not a volume");
        }
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1.0);
        double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0.0);
        boolean monochrome1 = "MONOCHROME1"
                .equals(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PhotometricInterpretation));

        double[] ipp = doubles(list, TagFromName.ImagePositionPatient, 3, "ImagePositionPatient");
        double[] iop = doubles(list, TagFromName.ImageOrientationPatient, 6, "ImageOrientationPatient");
        double[] spacing = doubles(list, TagFromName.PixelSpacing, 2, "PixelSpacing");

        short[] raw;
        try {
            raw = pixelData.getShortValues();
        } catch (DicomException e) {
            throw new DicomReadException("pixel data cannot be read (" + describe(e) + ")");
        }
        if (raw == null || raw.length < rows * columns) {
            throw new DicomReadException("pixel data holds " + (raw == null ? 0 : raw.length) + " values, "
                    + rows + "x" + columns + " expected: the file is truncated");
        }
        String modality = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.Modality);
        String unit = "CT".equals(modality) ? "HU" : "";
        short[] values = calibrate(raw, rows * columns, bitsStored, signed, slope, intercept, monochrome1);
        // PixelSpacing is (row spacing, column spacing): the distance between rows, then between columns.
        return new DicomSlice(file, Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SeriesInstanceUID),
                Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SeriesDescription), modality,
                new Vec3(ipp[0], ipp[1], ipp[2]), new Vec3(iop[0], iop[1], iop[2]), new Vec3(iop[3], iop[4], iop[5]),
                rows, columns, spacing[0], spacing[1], unit, values);
    }

    /** Masks to BitsStored, sign-extends, rescales and rounds to 16 bits. */
    static short[] calibrate(short[] raw, int count, int bitsStored, boolean signed, double slope, double intercept,
            boolean invert) {
        int shift = 32 - bitsStored;
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int maxStored = signed ? (1 << (bitsStored - 1)) - 1 : mask;
        int minStored = signed ? -(1 << (bitsStored - 1)) : 0;
        // the decoded words belong to this read alone: calibrate them in place when they fit exactly
        short[] out = raw.length == count ? raw : new short[count];
        for (int n = 0; n < count; n++) {
            int v = signed ? (raw[n] << shift) >> shift : raw[n] & mask;
            if (invert) {
                v = maxStored + minStored - v;
            }
            long hu = Math.round(v * slope + intercept);
            out[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, hu));
        }
        return out;
    }

    private static int intValue(AttributeList list, AttributeTag tag, String name) throws DicomReadException {
        int v = Attribute.getSingleIntegerValueOrDefault(list, tag, -1);
        if (v <= 0) {
            throw new DicomReadException("missing or invalid " + name);
        }
        return v;
    }

    private static double[] doubles(AttributeList list, AttributeTag tag, int n, String name)
            throws DicomReadException {
        double[] v = Attribute.getDoubleValues(list, tag);
        if (v == null || v.length < n) {
            throw new DicomReadException("missing " + name + ": the image cannot be placed in patient space");
        }
        return v;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
