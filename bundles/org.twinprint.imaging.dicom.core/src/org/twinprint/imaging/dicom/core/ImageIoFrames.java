package org.twinprint.imaging.dicom.core;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageInputStream;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;

/**
 * Frames decoded by Java Image I/O readers: the JDK's for 8-bit baseline JPEG, jai-imageio's for
 * JPEG 2000. The raster's samples are taken as they are, without colour conversion.
 */
final class ImageIoFrames {

    static {
        // OSGi hides jai-imageio from Image I/O's service scan: register its reader by hand
        IIORegistry.getDefaultInstance().registerServiceProvider(new J2KImageReaderSpi());
    }

    private ImageIoFrames() {
    }

    static StoredPixels decode(byte[][] frames, PixelDecoding.Geometry g, String format) throws DicomReadException {
        int perFrame = g.columns() * g.rows() * g.samples();
        short[] words = g.bitsAllocated() <= 16 ? new short[g.values()] : null;
        int[] longWords = words == null ? new int[g.values()] : null;
        for (int f = 0; f < g.frames(); f++) {
            Raster raster = read(frames[f], format);
            if (raster.getWidth() != g.columns() || raster.getHeight() != g.rows()
                    || raster.getNumBands() != g.samples()) {
                throw new DicomReadException.SizeMismatch(format + " frame " + (f + 1) + " is " + raster.getWidth() + "x"
                        + raster.getHeight() + " with " + raster.getNumBands() + " component(s); the DICOM header says "
                        + g.columns() + "x" + g.rows() + " with " + g.samples());
            }
            int[] samples = raster.getPixels(raster.getMinX(), raster.getMinY(), g.columns(), g.rows(), (int[]) null);
            for (int i = 0; i < perFrame; i++) {
                if (words != null) {
                    words[f * perFrame + i] = (short) samples[i];
                } else {
                    longWords[f * perFrame + i] = samples[i];
                }
            }
        }
        return new StoredPixels(g.columns(), g.rows(), g.frames(), g.samples(), g.bitsAllocated(), words, longWords);
    }

    private static Raster read(byte[] frame, String format) throws DicomReadException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new DicomReadException("no " + format + " decoder is installed");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in, true, true);
            return reader.canReadRaster() ? reader.readRaster(0, null) : reader.read(0).getRaster();
        } catch (IOException | RuntimeException e) {
            throw new DicomReadException(format + " frame cannot be decoded (" + e.getMessage() + ")");
        } finally {
            reader.dispose();
        }
    }
}
