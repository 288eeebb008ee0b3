package org.twinprint.imaging.dicom.core;

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a frame holds up to 15 segments, one per byte plane of each
 * sample (most significant byte first), each PackBits-encoded. Decodes any sample count and 8, 16
 * or 32 bits allocated, and puts the samples of a pixel side by side.
 */
final class RleDecoder {

    private RleDecoder() {
    }

    /** Decodes one frame into {@code out} (16-bit words) or {@code out32}, starting at {@code offset}. */
    static void decodeFrame(byte[] frame, int pixels, int samples, int bitsAllocated, short[] out, int[] out32,
            int offset) throws DicomReadException {
        int bytesPerSample = bitsAllocated / 8;
        int segments = readInt(frame, 0);
        if (frame.length < 64 || segments != samples * bytesPerSample) {
            throw new DicomReadException("RLE frame has " + (frame.length < 64 ? "no header" : segments + " segments")
                    + ", " + samples * bytesPerSample + " expected for " + samples + " sample(s) of " + bitsAllocated
                    + " bits");
        }
        byte[] plane = new byte[pixels];
        for (int s = 0; s < segments; s++) {
            int start = readInt(frame, 4 + 4 * s);
            int end = s + 1 < segments ? readInt(frame, 8 + 4 * s) : frame.length;
            if (start < 64 || end > frame.length || start > end) {
                throw new DicomReadException("RLE segment " + (s + 1) + " lies outside the frame");
            }
            unpack(frame, start, end, plane);
            int sample = s / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample); // the first segment is the high byte
            for (int p = 0; p < pixels; p++) {
                int at = offset + p * samples + sample;
                int v = (plane[p] & 0xff) << shift;
                if (out32 != null) {
                    out32[at] |= v;
                } else {
                    out[at] |= (short) v;
                }
            }
        }
    }

    /** Frames of 1-bit data: one segment per frame holding the packed bits (low bit first). */
    static byte[][] decodeBitFrames(byte[][] frames, PixelDecoding.Geometry g) throws DicomReadException {
        int pixels = g.columns() * g.rows();
        byte[][] out = new byte[g.frames()][];
        for (int f = 0; f < g.frames(); f++) {
            byte[] frame = frames[f];
            if (frame.length < 64 || readInt(frame, 0) != 1) {
                throw new DicomReadException("RLE frame of 1-bit data must hold one segment");
            }
            out[f] = new byte[(pixels + 7) / 8];
            unpack(frame, readInt(frame, 4), frame.length, out[f]);
        }
        return out;
    }

    /** PackBits: n >= 0 copies n + 1 bytes, n in -127..-1 repeats the next byte 1 - n times, -128 is nothing. */
    private static void unpack(byte[] in, int from, int to, byte[] plane) throws DicomReadException {
        int o = 0;
        int i = from;
        while (i < to && o < plane.length) {
            int n = in[i++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(plane.length - o, to - i));
                System.arraycopy(in, i, plane, o, count);
                i += n + 1;
                o += count;
            } else if (n != -128) {
                if (i >= to) {
                    break;
                }
                int count = Math.min(1 - n, plane.length - o);
                java.util.Arrays.fill(plane, o, o + count, in[i++]);
                o += count;
            }
        }
        if (o < plane.length) {
            throw new DicomReadException("RLE segment ends after " + o + " of " + plane.length + " pixels");
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
