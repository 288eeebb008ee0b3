package org.twinprint.imaging.dicom.core;

import java.nio.file.Path;

import org.twinprint.core.model.Vec3;

/**
 * One DICOM image: where it sits in patient LPS space and its pixel values, calibrated (rescale
 * slope and intercept applied, sign-extended by BitsStored), decoded or still in a plain file.
 * {@code storage} says how its values were stored (bits, sign, photometric interpretation), which
 * the slices of a series must share.
 */
record DicomSlice(Path file, String seriesUid, String seriesDescription, String modality, Vec3 position,
        Vec3 rowDirection, Vec3 columnDirection, int rows, int columns, double rowSpacing, double columnSpacing,
        String unit, double rescaleSlope, double rescaleIntercept, String storage, SlicePixels pixels) {

    /** The calibrated values of a slice that has them in memory ({@link #decoded}). */
    short[] values() {
        if (pixels instanceof SlicePixels.Decoded d) {
            return d.values();
        }
        throw new IllegalStateException(file + ": the values are still in the file; read them with decoded()");
    }

    /** This slice with its values in memory, read from its file if they are still there. */
    DicomSlice decoded() throws DicomReadException {
        if (pixels instanceof SlicePixels.Decoded) {
            return this;
        }
        short[] values = new short[rows * columns];
        pixels.copyTo(values, 0);
        return new DicomSlice(file, seriesUid, seriesDescription, modality, position, rowDirection, columnDirection,
                rows, columns, rowSpacing, columnSpacing, unit, rescaleSlope, rescaleIntercept, storage,
                new SlicePixels.Decoded(values));
    }

    /** Unit normal of the image plane: row direction × column direction. */
    Vec3 normal() {
        return rowDirection.cross(columnDirection).normalized();
    }

    /** The slice's distance along a normal, which orders slices (never file names or InstanceNumber). */
    double distanceAlong(Vec3 normal) {
        return position.dot(normal);
    }
}
