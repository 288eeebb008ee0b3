package org.twinprint.imaging.dicom.core;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

/** A file's stored values as TwinPrint decodes them, masked to BitsStored and sign-extended. */
record Decoded(Path file, StoredPixels pixels, long[] values) {

    static Decoded of(Path file) throws DicomReadException {
        AttributeList list = DicomSliceReader.parse(file);
        StoredPixels p = PixelDecoding.decode(list, file);
        int bits = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, p.bitsAllocated());
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        long[] v = new long[p.columns() * p.rows() * p.frames() * p.samplesPerPixel()];
        for (int i = 0; i < v.length; i++) {
            long x = p.raw(i) & ((1L << bits) - 1);
            v[i] = signed && (x >> (bits - 1)) == 1 ? x - (1L << bits) : x;
        }
        return new Decoded(file, p, v);
    }

    long sum() {
        long s = 0;
        for (long x : values) {
            s += x;
        }
        return s;
    }

    long min() {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    long max() {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }

    /** "count min max sum", as the pydicom reference prints it. */
    String stats() {
        return values.length + " " + min() + " " + max() + " " + sum();
    }

    /** First 16 hex digits of the SHA-256 of the stored words, little-endian (8-bit data: one byte each). */
    String sha16() throws NoSuchAlgorithmException {
        int bytes = pixels.bitsAllocated() <= 8 ? 1 : 2;
        byte[] b = new byte[values.length * bytes];
        for (int i = 0; i < values.length; i++) {
            long raw = pixels.raw(i);
            b[bytes * i] = (byte) raw;
            if (bytes == 2) {
                b[bytes * i + 1] = (byte) (raw >> 8);
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16);
    }
}
