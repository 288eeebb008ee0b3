package org.twinprint.imaging.dicom.core;

import java.nio.file.Path;

import org.twinprint.core.model.Vec3;

/**
 * One decoded DICOM image: where it sits in patient LPS space and its pixel values, already
 * calibrated (rescale slope and intercept applied, sign-extended by BitsStored).
 */
record DicomSlice(Path file, String seriesUid, String seriesDescription, String modality, Vec3 position,
        Vec3 rowDirection, Vec3 columnDirection, int rows, int columns, double rowSpacing, double columnSpacing,
        String unit, short[] values) {

    /** Unit normal of the image plane: row direction × column direction. */
    Vec3 normal() {
        return rowDirection.cross(columnDirection).normalized();
    }

    /** The slice's distance along a normal, which orders slices (never file names or InstanceNumber). */
    double distanceAlong(Vec3 normal) {
        return position.dot(normal);
    }
}
