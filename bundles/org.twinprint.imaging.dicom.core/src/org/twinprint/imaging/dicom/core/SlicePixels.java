package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A slice's calibrated values: decoded already, or still in a plain file, to be read straight
 * into their place in the volume once the series is sorted (no array of their own on the way).
 */
interface SlicePixels {

    /** Writes the slice's calibrated values into {@code dest} from {@code offset}. */
    void copyTo(short[] dest, int offset) throws DicomReadException;

    /** Decoded values. */
    record Decoded(short[] values) implements SlicePixels {

        @Override
        public void copyTo(short[] dest, int offset) {
            System.arraycopy(values, 0, dest, offset, values.length);
        }
    }

    /** {@code count} little-endian 16-bit values at byte {@code start} of a file, and how to calibrate them. */
    record InFile(Path file, long start, int count, Calibration calibration) implements SlicePixels {

        @Override
        public void copyTo(short[] dest, int offset) throws DicomReadException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (!DirectPixels.copy(channel, start, dest, offset, count)) {
                    throw new DicomReadException("the file ended before its pixels did: it changed while loading");
                }
            } catch (IOException e) {
                throw new DicomReadException("unreadable pixels (" + DicomSliceReader.describe(e) + ")");
            }
            calibration.apply(dest, offset, count);
        }
    }
}
