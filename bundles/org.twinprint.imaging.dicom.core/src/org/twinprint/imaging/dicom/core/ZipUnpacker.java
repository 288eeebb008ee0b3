package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip archive of DICOM files into a folder, refusing what would escape the folder and
 * what inflates beyond reason: an archive whose content is more than {@link #MAX_RATIO} times its
 * packed size (once past {@link #RATIO_FREE_BYTES}), or more than {@link #MAX_TOTAL_BYTES} in all.
 * Sizes are counted as the bytes come, since an entry's declared size may lie.
 */
final class ZipUnpacker {

    /** DICOM deflates 2 to 10 times; an empty segmentation a few hundred times, but it is small. */
    static final long MAX_RATIO = 50;
    static final long RATIO_FREE_BYTES = 64L << 20;
    static final long MAX_TOTAL_BYTES = 32L << 30;

    private ZipUnpacker() {
    }

    static List<Path> unpack(Path zip, Path folder) throws IOException {
        long packed = Math.max(1, Files.size(zip));
        long budget = Math.min(MAX_TOTAL_BYTES, Math.max(RATIO_FREE_BYTES, packed * MAX_RATIO));
        long written = 0;
        List<Path> files = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                Path target = folder.resolve(e.getName()).normalize();
                if (!target.startsWith(folder) || target.equals(folder)) {
                    throw new IOException(zip + ": entry '" + e.getName() + "' points outside the archive; not"
                            + " unpacked");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (e.getSize() > budget - written) {
                    throw tooLarge(zip, e.getName() + " declares " + e.getSize() + " bytes", budget);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0;) {
                        written += n;
                        if (written > budget) {
                            throw tooLarge(zip, "its content passed " + budget + " bytes", budget);
                        }
                        out.write(buffer, 0, n);
                    }
                }
                files.add(target);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
        files.sort(null);
        return files;
    }

    private static IOException tooLarge(Path zip, String what, long budget) {
        return new IOException(zip + ": refused to unpack, " + what + "; an archive may unpack to at most " + MAX_RATIO
                + " times its size (" + budget / (1 << 20) + " MB here): a zip bomb or not a DICOM archive");
    }
}
