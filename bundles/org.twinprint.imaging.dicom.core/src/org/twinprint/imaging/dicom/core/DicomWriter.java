package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;

/** Writes a data set as a Part 10 file atomically: to a temporary name beside the target, then moved. */
final class DicomWriter {

    private DicomWriter() {
    }

    static void write(AttributeList list, String transferSyntax, Path target) throws IOException, DicomException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, ".dicom-", ".part");
        try {
            list.write(part.toFile(), transferSyntax, true, true);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
