package org.twinprint.imaging.dicom.core;

/** One file could not be read as an image; the message says why in words a user can act on. */
final class DicomReadException extends Exception {

    private static final long serialVersionUID = 1L;

    DicomReadException(String message) {
        super(message);
    }
}
