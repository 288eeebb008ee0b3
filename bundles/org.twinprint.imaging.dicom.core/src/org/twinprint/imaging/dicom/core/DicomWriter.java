package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.file.Path;

import org.twinprint.core.files.AtomicFiles;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;

/** Writes a data set as a Part 10 file atomically: to a temporary name beside the target, then moved. */
final class DicomWriter {

    private DicomWriter() {
    }

    static void write(AttributeList list, String transferSyntax, Path target) throws IOException, DicomException {
        try {
            AtomicFiles.write(target, out -> {
                try {
                    list.write(out, transferSyntax, true, true);
                } catch (DicomException e) {
                    throw new IOException(e);
                }
            });
        } catch (IOException e) {
            if (e.getCause() instanceof DicomException d) {
                throw d;
            }
            throw e;
        }
    }
}
