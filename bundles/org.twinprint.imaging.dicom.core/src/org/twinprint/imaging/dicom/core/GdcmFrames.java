package org.twinprint.imaging.dicom.core;

import java.nio.file.Path;

import org.twinprint.gdcm.GdcmNative;

/**
 * Frames decoded by GDCM's Java binding, only for what PixelMed, the JDK and jai-imageio cannot
 * decode (JPEG-LS, 12-bit lossy JPEG). GDCM reads the file itself and hands back little-endian
 * samples; masking and sign extension happen later as for every decoder, which also undoes GDCM's
 * unsigned patterns for signed data with fewer bits stored than allocated.
 */
final class GdcmFrames {

    private GdcmFrames() {
    }

    static StoredPixels decode(Path file, PixelDecoding.Geometry g, String syntax) throws DicomReadException {
        String problem = GdcmNative.load();
        if (problem != null) {
            throw new DicomReadException(PixelDecoding.name(syntax) + " needs GDCM's Java binding: " + problem);
        }
        gdcm.ImageReader reader = new gdcm.ImageReader();
        try {
            reader.SetFileName(file.toString());
            if (!reader.Read()) {
                throw new DicomReadException("GDCM cannot read the image of " + PixelDecoding.name(syntax) + " data");
            }
            gdcm.Image image = reader.GetImage();
            byte[] buffer = new byte[Math.toIntExact(image.GetBufferLength())];
            if (!image.GetBuffer(buffer)) {
                throw new DicomReadException("GDCM cannot decode the " + PixelDecoding.name(syntax) + " pixel data");
            }
            int bytesPerSample = image.GetPixelFormat().GetBitsAllocated() / 8;
            boolean planar = image.GetPlanarConfiguration() == 1;
            int n = g.values();
            if (buffer.length < (long) n * bytesPerSample) {
                throw new DicomReadException("GDCM decoded " + buffer.length + " bytes, " + (long) n * bytesPerSample
                        + " expected");
            }
            int[] values = new int[n];
            for (int i = 0; i < n; i++) {
                int v = 0;
                for (int b = bytesPerSample - 1; b >= 0; b--) {
                    v = v << 8 | (buffer[i * bytesPerSample + b] & 0xff);
                }
                values[i] = v;
            }
            if (planar && g.samples() > 1) {
                int[] from = NativePixels.planarSource(g);
                int[] interleaved = new int[values.length];
                for (int i = 0; i < from.length; i++) {
                    interleaved[i] = values[from[i]];
                }
                values = interleaved;
            }
            if (g.bitsAllocated() == 32) {
                return new StoredPixels(g.columns(), g.rows(), g.frames(), g.samples(), 32, null, values);
            }
            short[] words = new short[n];
            for (int i = 0; i < n; i++) {
                words[i] = (short) values[i];
            }
            return new StoredPixels(g.columns(), g.rows(), g.frames(), g.samples(), g.bitsAllocated(), words, null);
        } finally {
            reader.delete();
        }
    }
}
