package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.twinprint.core.files.PrivateTemp;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;

/**
 * The files behind what a user points at: a folder (searched recursively), a zip archive
 * (unpacked into a temporary folder, entries that would land outside it refused), a DICOMDIR
 * (the files its records name), or a single file.
 */
public final class DicomSources {

    private static final AttributeTag DIRECTORY_RECORDS = new AttributeTag(0x0004, 0x1220);
    private static final AttributeTag REFERENCED_FILE_ID = new AttributeTag(0x0004, 0x1500);

    private DicomSources() {
    }

    /** True when a file carries the DICOM Part 10 preamble ("DICM" at byte 128). */
    public static boolean isDicomFile(Path file) {
        return DicomSliceReader.looksLikeDicom(file);
    }

    /** True for the kinds of path this class opens beyond plain DICOM files and folders. */
    static boolean isArchiveOrIndex(Path path) {
        return isZip(path) || isDicomdir(path);
    }

    public static List<Path> files(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such file or folder");
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                return walk.filter(Files::isRegularFile).sorted().toList();
            }
        }
        if (isZip(path)) {
            return unzip(path);
        }
        if (isDicomdir(path)) {
            return referencedByDicomdir(path);
        }
        return List.of(path);
    }

    private static boolean isZip(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static boolean isDicomdir(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().equalsIgnoreCase("DICOMDIR");
    }

    /**
     * The files behind a path, as {@link #files(Path)}, with the temporary folder an archive was
     * unpacked into: closing deletes it. The importer reads within one such scope.
     */
    record Opened(List<Path> files, Path unpacked) implements AutoCloseable {
        @Override
        public void close() {
            PrivateTemp.deleteTree(unpacked);
        }
    }

    static Opened open(Path path) throws IOException {
        if (isZip(path)) {
            Path folder = PrivateTemp.newFolder("zip");
            try {
                return new Opened(ZipUnpacker.unpack(path, folder), folder);
            } catch (IOException | RuntimeException e) {
                PrivateTemp.deleteTree(folder);
                throw e;
            }
        }
        return new Opened(files(path), null);
    }

    /** Unpacks into a private folder deleted when the process ends (or, if killed, at the next start). */
    private static List<Path> unzip(Path zip) throws IOException {
        Path folder = PrivateTemp.newFolder("zip");
        PrivateTemp.deleteAtExit(folder);
        try {
            return ZipUnpacker.unpack(zip, folder);
        } catch (IOException | RuntimeException e) {
            PrivateTemp.deleteTree(folder);
            throw e;
        }
    }

    private static List<Path> referencedByDicomdir(Path dicomdir) throws IOException {
        AttributeList list = new AttributeList();
        try {
            list.read(dicomdir.toFile());
        } catch (DicomException | RuntimeException e) {
            throw new IOException(dicomdir + ": unreadable DICOMDIR (" + DicomSliceReader.describe(e) + ")", e);
        }
        if (!(list.get(DIRECTORY_RECORDS) instanceof SequenceAttribute records)) {
            throw new IOException(dicomdir + ": DICOMDIR without directory records");
        }
        Path root = dicomdir.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < records.getNumberOfItems(); i++) {
            String[] parts = Attribute.getStringValues(records.getItem(i).getAttributeList(), REFERENCED_FILE_ID);
            if (parts == null || parts.length == 0) {
                continue;
            }
            Path f = root;
            for (String part : parts) {
                f = f.resolve(part.strip());
            }
            f = f.normalize();
            if (f.startsWith(root)) {
                files.add(f); // a missing file is named as a problem when it is read
            }
        }
        return files;
    }
}
