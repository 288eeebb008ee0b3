package org.twinprint.imaging.dicom.core;

/**
 * What a file's header says about its image, whichever reader parsed it: the series it belongs
 * to, how its stored values become calibrated ones, and where each frame lies in patient space.
 */
interface SliceHeader {

    String seriesUid();

    String seriesDescription();

    String modality();

    /** BitsStored, or {@code otherwise} when the file does not say. */
    int bitsStored(int otherwise);

    /** PixelRepresentation 1: stored values are two's complement. */
    boolean signed();

    /** MONOCHROME1: the lowest value is shown white, so values are inverted. */
    boolean monochrome1();

    FrameGroups.Plane plane(int frame) throws DicomReadException;

    double rescaleSlope(int frame);

    double rescaleIntercept(int frame);
}
