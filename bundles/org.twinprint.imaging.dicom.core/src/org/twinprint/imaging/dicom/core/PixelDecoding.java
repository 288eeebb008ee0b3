package org.twinprint.imaging.dicom.core;

import java.nio.file.Path;
import java.util.Map;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;

/**
 * TwinPrint's one door to DICOM pixel data: picks the decoder for the transfer syntax and hands
 * back {@link StoredPixels}. PixelMed parses the file and gives native (uncompressed, deflated,
 * big-endian) values and the compressed frames; RLE and lossless JPEG are decoded here; baseline
 * JPEG by the JDK and JPEG 2000 by jai-imageio; GDCM only for what none of these decode (JPEG-LS,
 * 12-bit lossy JPEG).
 */
public final class PixelDecoding {

    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String BIG_ENDIAN = "1.2.840.10008.1.2.2";
    static final String RLE = "1.2.840.10008.1.2.5";
    static final String DEFLATED_FRAMES = "1.2.840.10008.1.2.8.1";

    /** Transfer syntaxes by decoder, with names for messages. */
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("1.2.840.10008.1.2.4.50", "JPEG baseline"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG extended"), Map.entry("1.2.840.10008.1.2.4.53", "JPEG 6-8"),
            Map.entry("1.2.840.10008.1.2.4.55", "JPEG 10-12"), Map.entry("1.2.840.10008.1.2.4.57", "JPEG lossless"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG lossless SV1"), Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS near-lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 lossless"), Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K lossless"), Map.entry("1.2.840.10008.1.2.4.202", "HTJ2K RPCL"),
            Map.entry("1.2.840.10008.1.2.4.203", "HTJ2K"), Map.entry(RLE, "RLE lossless"),
            Map.entry(DEFLATED_FRAMES, "deflated image frames"));

    /** The encapsulated syntaxes decoded without GDCM. */
    private static final java.util.Set<String> ENCAPSULATED = java.util.Set.of(RLE,
            "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
            "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91");

    /** What only GDCM decodes here: JPEG-LS and the 12-bit lossy JPEG processes. */
    private static final java.util.Set<String> GDCM_ONLY = java.util.Set.of("1.2.840.10008.1.2.4.53",
            "1.2.840.10008.1.2.4.55", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81");

    private PixelDecoding() {
    }

    /** A readable name of a transfer syntax for messages. */
    public static String name(String transferSyntax) {
        return NAMES.getOrDefault(transferSyntax, transferSyntax);
    }

    /**
     * Decodes the pixel data of a list read with PixelMed's own decompression switched off.
     *
     * @param file the file the list came from (GDCM reads it again itself)
     */
    public static StoredPixels decode(AttributeList list, Path file) throws DicomReadException {
        Attribute pixelData = list.getPixelData();
        if (pixelData == null) {
            throw new DicomReadException("no Pixel Data element");
        }
        String syntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
        int columns = positive(list, TagFromName.Columns, "Columns");
        int rows = positive(list, TagFromName.Rows, "Rows");
        int frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1));
        int samples = Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1));
        int bitsAllocated = positive(list, TagFromName.BitsAllocated, "BitsAllocated");
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new DicomReadException("BitsAllocated " + bitsAllocated + " is not 1, 8, 16 or 32");
        }
        long values = (long) columns * rows * frames * samples;
        long bytes = values * Math.max(1, bitsAllocated / 8);
        // what the header asks for is allocated before any data is read: bound it first
        if (values > Integer.MAX_VALUE - 8 || bytes > Runtime.getRuntime().maxMemory() / 8) {
            throw new DicomReadException(String.format(java.util.Locale.ROOT, "%d x %d pixels x %d frame(s) x %d"
                    + " sample(s) of %d bits is %d MB, more than this process can decode at once (%d MB heap)",
                    columns, rows, frames, samples, bitsAllocated, bytes >> 20, Runtime.getRuntime().maxMemory() >> 20));
        }
        int pixels = Math.multiplyExact(columns, rows);
        Geometry g = new Geometry(columns, rows, frames, samples, bitsAllocated);
        if (GDCM_ONLY.contains(syntax) || "1.2.840.10008.1.2.4.51".equals(syntax) && bitsStored > 8) {
            if (pixelData instanceof OtherByteAttributeMultipleCompressedFrames c && c.getFrames() != null
                    && c.getFrames().length > 0) {
                // GDCM decodes what the header says: a stream of another size would come out cut or padded
                int[] size = JpegFrameSize.of(c.getFrames()[0]);
                if (size != null && (size[0] != columns || size[1] != rows)) {
                    throw new DicomReadException.SizeMismatch(name(syntax) + " stream is " + size[0] + "x" + size[1]
                            + "; the DICOM header says " + columns + "x" + rows);
                }
            }
            return GdcmFrames.decode(file, g, syntax); // GDCM reads the frames from the file itself
        }
        if (!(pixelData instanceof OtherByteAttributeMultipleCompressedFrames compressed)) {
            return NativePixels.decode(list, pixelData, g, BIG_ENDIAN.equals(syntax));
        }
        if (!ENCAPSULATED.contains(syntax)) {
            throw new DicomReadException("unsupported transfer syntax " + name(syntax)
                    + (name(syntax).equals(syntax) ? "" : " (" + syntax + ")"));
        }
        byte[][] data = compressed.getFrames();
        if (data == null || data.length == 0) {
            throw new DicomReadException(name(syntax) + " pixel data holds no frames");
        }
        if (data.length < frames) {
            throw new DicomReadException(name(syntax) + " pixel data holds " + data.length + " frame(s), "
                    + frames + " expected: the file is truncated or its fragments are not split into frames");
        }
        switch (syntax) {
            case RLE -> {
                if (bitsAllocated == 1) {
                    return NativePixels.fromFrames(RleDecoder.decodeBitFrames(data, g), g);
                }
                short[] words = bitsAllocated <= 16 ? new short[pixels * samples * frames] : null;
                int[] longWords = bitsAllocated == 32 ? new int[pixels * samples * frames] : null;
                for (int f = 0; f < frames; f++) {
                    RleDecoder.decodeFrame(data[f], pixels, samples, Math.max(8, bitsAllocated), words, longWords,
                            f * pixels * samples);
                }
                return new StoredPixels(columns, rows, frames, samples, bitsAllocated, words, longWords);
            }
            case "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70" -> {
                short[] words = new short[pixels * samples * frames];
                for (int f = 0; f < frames; f++) {
                    JpegLosslessDecoder.decode(data[f], words, f * pixels * samples, samples, pixels);
                }
                return new StoredPixels(columns, rows, frames, samples, bitsAllocated, words, null);
            }
            case "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51" -> {
                return ImageIoFrames.decode(data, g, "jpeg");
            }
            case "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91" -> {
                try {
                    return ImageIoFrames.decode(data, g, "jpeg2000");
                } catch (DicomReadException.SizeMismatch e) {
                    throw e; // the header and the stream disagree: no decoder makes that right
                } catch (DicomReadException e) {
                    try {
                        return GdcmFrames.decode(file, g, syntax); // streams jai-imageio refuses, GDCM may read
                    } catch (DicomReadException gdcm) {
                        throw new DicomReadException(e.getMessage() + "; GDCM: " + gdcm.getMessage());
                    }
                }
            }

            default -> throw new DicomReadException("unsupported transfer syntax " + name(syntax)
                    + (name(syntax).equals(syntax) ? "" : " (" + syntax + ")"));
        }
    }

    /** The size of the pixel data as the header describes it. */
    record Geometry(int columns, int rows, int frames, int samples, int bitsAllocated) {

        int values() {
            return Math.multiplyExact(Math.multiplyExact(columns, rows), Math.multiplyExact(frames, samples));
        }
    }

    private static int positive(AttributeList list, com.pixelmed.dicom.AttributeTag tag, String name)
            throws DicomReadException {
        int v = Attribute.getSingleIntegerValueOrDefault(list, tag, -1);
        if (v <= 0) {
            throw new DicomReadException("missing or invalid " + name);
        }
        return v;
    }

    /** The pixel data as bytes, whichever VR PixelMed gave it. */
    static byte[] bytes(Attribute pixelData) throws DicomReadException {
        try {
            if (pixelData instanceof OtherByteAttribute) {
                return pixelData.getByteValues();
            }
            // 8-bit data in OW: pixels fill each word from its low byte (PS3.5 D), in either byte order;
            // PixelMed hands back the word values, so a big-endian file needs no extra care here
            short[] words = pixelData.getShortValues();
            byte[] b = new byte[2 * words.length];
            for (int i = 0; i < words.length; i++) {
                b[2 * i] = (byte) words[i];
                b[2 * i + 1] = (byte) (words[i] >> 8);
            }
            return b;
        } catch (DicomException e) {
            throw new DicomReadException("pixel data cannot be read (" + e.getMessage() + ")");
        }
    }
}
