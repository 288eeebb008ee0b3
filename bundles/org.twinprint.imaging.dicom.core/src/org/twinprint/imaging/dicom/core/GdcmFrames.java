package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

import org.twinprint.core.files.PrivateTemp;

/**
 * Frames decoded by GDCM, only for what PixelMed, the JDK and jai-imageio cannot decode (JPEG-LS,
 * 12-bit lossy JPEG, JPEG 2000 streams jai-imageio refuses). GDCM runs as its own process
 * ({@code gdcmconv --raw}, Debian's libgdcm-tools) and writes an uncompressed copy into a private
 * temporary folder: its native code aborts on some malformed files (assertions), and there that
 * ends only the child, never TwinPrint. Masking and sign extension happen later as for every
 * decoder, which also undoes GDCM's unsigned patterns for signed data.
 */
final class GdcmFrames {

    /** A file GDCM has not decoded by then is taken as one it cannot decode. */
    static final long TIMEOUT_SECONDS = 60;
    static final String GDCMCONV = "/usr/bin/gdcmconv";

    private GdcmFrames() {
    }

    static StoredPixels decode(Path file, PixelDecoding.Geometry g, String syntax) throws DicomReadException {
        String what = PixelDecoding.name(syntax);
        if (!Files.isExecutable(Path.of(GDCMCONV))) {
            throw new DicomReadException(what + " needs GDCM's gdcmconv (Debian package libgdcm-tools), which is not"
                    + " installed");
        }
        Path folder = null;
        try {
            folder = PrivateTemp.newFolder("gdcm");
            Path raw = folder.resolve("raw.dcm");
            Path log = folder.resolve("gdcmconv.log");
            Process p = new ProcessBuilder(GDCMCONV, "--raw", file.toAbsolutePath().toString(), raw.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DicomReadException("GDCM did not decode the " + what + " pixel data within "
                        + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(raw)) {
                throw new DicomReadException("GDCM cannot decode the " + what + " pixel data (" + outcome(p.exitValue(),
                        log) + ")");
            }
            AttributeList decoded = DicomSliceReader.parse(raw);
            Attribute pixels = decoded.getPixelData();
            if (pixels == null) {
                throw new DicomReadException("GDCM decoded no pixel data from the " + what + " stream");
            }
            int rows = Attribute.getSingleIntegerValueOrDefault(decoded, TagFromName.Rows, -1);
            int columns = Attribute.getSingleIntegerValueOrDefault(decoded, TagFromName.Columns, -1);
            if (rows != g.rows() || columns != g.columns()) {
                throw new DicomReadException.SizeMismatch(what + " stream is " + columns + "x" + rows
                        + "; the DICOM header says "
                        + g.columns() + "x" + g.rows());
            }
            int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(decoded, TagFromName.BitsAllocated,
                    g.bitsAllocated());
            PixelDecoding.Geometry out = new PixelDecoding.Geometry(g.columns(), g.rows(), g.frames(), g.samples(),
                    bitsAllocated);
            String ts = Attribute.getSingleStringValueOrEmptyString(decoded, TagFromName.TransferSyntaxUID);
            return NativePixels.decode(decoded, pixels, out, PixelDecoding.BIG_ENDIAN.equals(ts));
        } catch (IOException e) {
            throw new DicomReadException("GDCM could not be run for the " + what + " pixel data (" + e.getMessage()
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DicomReadException("interrupted while GDCM decoded the " + what + " pixel data");
        } finally {
            PrivateTemp.deleteTree(folder);
        }
    }

    /** What the child said or how it died, in one line. */
    private static String outcome(int exit, Path log) {
        String said = "";
        try {
            said = Files.readString(log, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("");
        } catch (IOException e) {
            // nothing it said can be read: the exit status alone
        }
        String how = exit > 128 ? "gdcmconv died with signal " + (exit - 128) : "gdcmconv exited with " + exit;
        return said.isEmpty() ? how : how + ": " + (said.length() > 200 ? said.substring(0, 200) + "..." : said);
    }
}
