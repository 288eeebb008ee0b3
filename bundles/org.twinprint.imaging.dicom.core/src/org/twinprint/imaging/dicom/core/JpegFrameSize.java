package org.twinprint.imaging.dicom.core;

/**
 * The width and height a JPEG or JPEG-LS stream says it holds, read from its frame header (SOF),
 * so that a stream handed to another decoder can first be checked against the DICOM header.
 */
final class JpegFrameSize {

    private JpegFrameSize() {
    }

    /** {width, height}, or null when no frame header is found before the scan. */
    static int[] of(byte[] stream) {
        int p = 2; // after SOI
        while (p + 9 < stream.length) {
            if ((stream[p] & 0xff) != 0xFF) {
                return null;
            }
            int marker = stream[p + 1] & 0xff;
            if (marker == 0xFF) {
                p++; // fill byte
                continue;
            }
            int length = (stream[p + 2] & 0xff) << 8 | stream[p + 3] & 0xff;
            boolean frameHeader = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC || marker == 0xF7; // SOF0..15, and JPEG-LS's SOF55
            if (frameHeader) {
                int height = (stream[p + 5] & 0xff) << 8 | stream[p + 6] & 0xff;
                int width = (stream[p + 7] & 0xff) << 8 | stream[p + 8] & 0xff;
                return new int[] { width, height };
            }
            if (marker == 0xDA) {
                return null; // the scan begins: no frame header came first
            }
            p += 2 + length;
        }
        return null;
    }
}
