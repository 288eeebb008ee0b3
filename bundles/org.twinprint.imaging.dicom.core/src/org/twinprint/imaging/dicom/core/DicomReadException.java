package org.twinprint.imaging.dicom.core;

/** One file could not be read as an image; the message says why in words a user can act on. */
class DicomReadException extends Exception {

    private static final long serialVersionUID = 1L;

    DicomReadException(String message) {
        super(message);
    }

    /** The header and the pixel data disagree on the image's size: no other decoder is tried. */
    static final class SizeMismatch extends DicomReadException {

        private static final long serialVersionUID = 1L;

        SizeMismatch(String message) {
            super(message);
        }
    }
}
