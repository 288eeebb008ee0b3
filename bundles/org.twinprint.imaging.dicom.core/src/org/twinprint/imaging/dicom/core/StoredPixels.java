package org.twinprint.imaging.dicom.core;

/**
 * The stored pixel values of every frame of one DICOM object, decoded but not yet interpreted:
 * frame by frame, row by row, and within a pixel its samples side by side (R, G, B). Values up to
 * 16 bits are held in {@code words}, 32-bit values in {@code longWords}; masking to BitsStored,
 * sign extension and rescaling happen later, in one place.
 */
public record StoredPixels(int columns, int rows, int frames, int samplesPerPixel, int bitsAllocated, short[] words,
        int[] longWords) {

    public StoredPixels {
        long needed = (long) columns * rows * frames * samplesPerPixel;
        long held = words != null ? words.length : longWords.length;
        if (held < needed) {
            throw new IllegalArgumentException("pixel data holds " + held + " values, " + needed + " expected");
        }
    }

    /** Values per frame: rows × columns × samples per pixel. */
    public int frameLength() {
        return columns * rows * samplesPerPixel;
    }

    /** Stored value n (in the order above) as an unsigned 32-bit pattern in a long. */
    public long raw(int n) {
        return words != null ? words[n] & 0xffffL : longWords[n] & 0xffffffffL;
    }
}
