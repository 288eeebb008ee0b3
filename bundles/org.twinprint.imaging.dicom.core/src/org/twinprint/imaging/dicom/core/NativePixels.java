package org.twinprint.imaging.dicom.core;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;

/**
 * Uncompressed pixel data (native, deflated or big-endian; PixelMed has already inflated and
 * byte-swapped 16-bit words): unpacks 1-bit and 8-bit values, joins 32-bit values from their two
 * words, and turns colour stored plane by plane into pixels with their samples side by side.
 */
final class NativePixels {

    private NativePixels() {
    }

    static StoredPixels decode(AttributeList list, Attribute pixelData, PixelDecoding.Geometry g, boolean bigEndian)
            throws DicomReadException {
        int n = g.values();
        short[] words = null;
        int[] longWords = null;
        switch (g.bitsAllocated()) {
            case 1 -> {
                byte[] b = PixelDecoding.bytes(pixelData);
                requireLength(b.length * 8L, n);
                words = new short[n];
                for (int i = 0; i < n; i++) { // frames follow each other bit by bit, not byte-aligned
                    words[i] = (short) ((b[i >> 3] >> (i & 7)) & 1);
                }
            }
            case 8 -> {
                byte[] b = PixelDecoding.bytes(pixelData);
                if (g.samples() == 3 && "YBR_FULL_422".equals(
                        Attribute.getSingleStringValueOrEmptyString(list, TagFromName.PhotometricInterpretation))) {
                    b = fullChroma(b, g);
                }
                requireLength(b.length, n);
                words = new short[n];
                for (int i = 0; i < n; i++) {
                    words[i] = (short) (b[i] & 0xff);
                }
            }
            case 16 -> {
                words = shorts(pixelData);
                requireLength(words.length, n);
            }
            default -> {
                short[] w = shorts(pixelData);
                requireLength(w.length / 2, n);
                longWords = new int[n];
                for (int i = 0; i < n; i++) {
                    // PixelMed swaps bytes within each 16-bit word; the order of the two words stays the file's
                    int first = w[2 * i] & 0xffff, second = w[2 * i + 1] & 0xffff;
                    longWords[i] = bigEndian ? first << 16 | second : second << 16 | first;
                }
            }
        }
        int planar = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PlanarConfiguration, 0);
        if (planar == 1 && g.samples() > 1) {
            int[] from = planarSource(g);
            if (words != null) {
                short[] out = new short[words.length];
                for (int i = 0; i < from.length; i++) {
                    out[i] = words[from[i]];
                }
                words = out;
            } else {
                int[] out = new int[longWords.length];
                for (int i = 0; i < from.length; i++) {
                    out[i] = longWords[from[i]];
                }
                longWords = out;
            }
        }
        return new StoredPixels(g.columns(), g.rows(), g.frames(), g.samples(), g.bitsAllocated(), words, longWords);
    }

    /**
     * For colour stored plane by plane (all R, then all G, then all B, frame after frame): where
     * each value of the pixel-by-pixel order (R G B, R G B...) is found.
     */
    static int[] planarSource(PixelDecoding.Geometry g) {
        int plane = g.columns() * g.rows();
        int frame = plane * g.samples();
        int[] from = new int[frame * g.frames()];
        for (int f = 0; f < g.frames(); f++) {
            for (int s = 0; s < g.samples(); s++) {
                for (int p = 0; p < plane; p++) {
                    from[f * frame + p * g.samples() + s] = f * frame + s * plane + p;
                }
            }
        }
        return from;
    }

    /** YBR_FULL_422 keeps Y of two pixels and their shared Cb, Cr (Y1 Y2 Cb Cr): give each pixel its own. */
    private static byte[] fullChroma(byte[] b, PixelDecoding.Geometry g) throws DicomReadException {
        int pixels = g.columns() * g.rows() * g.frames();
        requireLength(b.length, pixels * 2);
        byte[] out = new byte[pixels * 3];
        for (int p = 0; p + 1 < pixels; p += 2) {
            int in = p * 2;
            out[3 * p] = b[in];
            out[3 * p + 3] = b[in + 1];
            out[3 * p + 1] = out[3 * p + 4] = b[in + 2];
            out[3 * p + 2] = out[3 * p + 5] = b[in + 3];
        }
        return out;
    }

    /**
     * Frames held one by one as native bytes (after RLE of 1-bit data or per-frame deflate), each
     * starting on a byte boundary.
     */
    static StoredPixels fromFrames(byte[][] frames, PixelDecoding.Geometry g) throws DicomReadException {
        int perFrame = g.columns() * g.rows() * g.samples();
        int bytesPerValue = Math.max(1, g.bitsAllocated() / 8);
        short[] words = g.bitsAllocated() <= 16 ? new short[g.values()] : null;
        int[] longWords = words == null ? new int[g.values()] : null;
        for (int f = 0; f < g.frames(); f++) {
            byte[] b = frames[f];
            long needed = g.bitsAllocated() == 1 ? (perFrame + 7) / 8 : (long) perFrame * bytesPerValue;
            requireLength(b.length, (int) needed);
            for (int i = 0; i < perFrame; i++) {
                int at = f * perFrame + i;
                switch (g.bitsAllocated()) {
                    case 1 -> words[at] = (short) ((b[i >> 3] >> (i & 7)) & 1);
                    case 8 -> words[at] = (short) (b[i] & 0xff);
                    case 16 -> words[at] = (short) ((b[2 * i] & 0xff) | b[2 * i + 1] << 8);
                    default -> longWords[at] = (b[4 * i] & 0xff) | (b[4 * i + 1] & 0xff) << 8
                            | (b[4 * i + 2] & 0xff) << 16 | (b[4 * i + 3] & 0xff) << 24;
                }
            }
        }
        return new StoredPixels(g.columns(), g.rows(), g.frames(), g.samples(), g.bitsAllocated(), words, longWords);
    }

    private static short[] shorts(Attribute pixelData) throws DicomReadException {
        try {
            if (pixelData instanceof com.pixelmed.dicom.OtherByteAttribute) {
                byte[] b = pixelData.getByteValues(); // 16-bit data stored as OB: little-endian pairs
                short[] w = new short[b.length / 2];
                for (int i = 0; i < w.length; i++) {
                    w[i] = (short) ((b[2 * i] & 0xff) | b[2 * i + 1] << 8);
                }
                return w;
            }
            short[] w = pixelData.getShortValues();
            return w == null ? new short[0] : w;
        } catch (DicomException e) {
            throw new DicomReadException("pixel data cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void requireLength(long held, int needed) throws DicomReadException {
        if (held < needed) {
            throw new DicomReadException("pixel data holds " + held + " values, " + needed
                    + " expected: the file is truncated");
        }
    }
}
