package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;

/**
 * The usual CT and MR file, read the quick way: one sample of 16 bits per pixel, stored native
 * little-endian. The header is read by {@link PlainHeader} (a single-frame image) or else by
 * PixelMed, stopping at Pixel Data; the values are later copied from the file in bulk, where
 * PixelMed would build them value by value. Anything else gives null, and the caller reads the
 * file with PixelMed as a whole.
 */
final class DirectPixels {

    /** The header (everything before Pixel Data) and where the stored values begin in the file. */
    record Located(SliceHeader header, int columns, int rows, int frames, long pixelStart) {

        /** Frame f's values, still in the file, with the frame's calibration. */
        SlicePixels.InFile frame(Path file, int f, Calibration calibration) {
            int perFrame = columns * rows;
            return new SlicePixels.InFile(file, pixelStart + 2L * f * perFrame, perFrame, calibration);
        }
    }

    /** What the bulk copy needs to know, from either header reader. */
    private record Layout(SliceHeader header, boolean explicit, int columns, int rows, int frames, int bitsAllocated,
            int samplesPerPixel, long pixelDataTagAt) {
    }

    private static final int CHUNK_BYTES = 64 << 10;

    private DirectPixels() {
    }

    /**
     * The file's header and where its values are, or null when it is not the plain case (or
     * anything looks odd). The file is checked to hold all the values the header promises.
     */
    static Located locate(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            PlainHeader.Reading reading = PlainHeader.read(channel);
            Layout layout = reading.header() != null ? plain(reading.header())
                    : reading.littleEndian() ? parsedByPixelMed(file) : null;
            return layout == null ? null : located(channel, layout);
        } catch (IOException | DicomException | RuntimeException e) {
            return null;
        }
    }

    private static Layout plain(PlainHeader h) {
        return new Layout(h, h.explicit(), h.columns(), h.rows(), 1, h.bitsAllocated(), h.samplesPerPixel(),
                h.pixelDataTagAt());
    }

    /** Little-endian headers the plain reader leaves alone (several frames, say): PixelMed reads up to Pixel Data. */
    private static Layout parsedByPixelMed(Path file) throws IOException, DicomException {
        if (!DicomSliceReader.looksLikeDicom(file)) {
            return null;
        }
        AttributeList header = new AttributeList();
        header.setDecompressPixelData(false);
        long afterTag;
        try (DicomInputStream in = new DicomInputStream(file.toFile())) {
            afterTag = header.read(in, TagFromName.PixelData); // stops just past the Pixel Data tag
        }
        String syntax = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.TransferSyntaxUID);
        boolean explicit = PlainHeader.EXPLICIT_LE.equals(syntax);
        if (!explicit && !PixelDecoding.IMPLICIT_LE.equals(syntax) || afterTag < 4) {
            return null;
        }
        int frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(header, TagFromName.NumberOfFrames, 1));
        return new Layout(new AttributeListHeader(header, frames), explicit,
                Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Columns, 0),
                Attribute.getSingleIntegerValueOrDefault(header, TagFromName.Rows, 0), frames,
                Attribute.getSingleIntegerValueOrDefault(header, TagFromName.BitsAllocated, 0),
                Attribute.getSingleIntegerValueOrDefault(header, TagFromName.SamplesPerPixel, 1), afterTag - 4);
    }

    private static Located located(FileChannel channel, Layout l) throws IOException {
        long values = (long) l.columns() * l.rows() * l.frames();
        if (l.bitsAllocated() != 16 || l.samplesPerPixel() != 1 || l.columns() <= 0 || l.rows() <= 0
                || 2 * values > Integer.MAX_VALUE) {
            return null;
        }
        // the element as it is in the file: the tag (7FE0,0010), then "OW"/"OB", two reserved bytes
        // and a 4-byte length (explicit VR), or the length alone (implicit VR)
        ByteBuffer element = ByteBuffer.allocate(l.explicit() ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        if (readFully(channel, element, l.pixelDataTagAt()) < element.capacity()
                || element.getShort(0) != (short) 0x7FE0 || element.getShort(2) != 0x0010) {
            return null;
        }
        if (l.explicit() && !(element.get(4) == 'O' && (element.get(5) == 'W' || element.get(5) == 'B'))) {
            return null;
        }
        long length = element.getInt(element.capacity() - 4) & 0xFFFFFFFFL;
        long start = l.pixelDataTagAt() + element.capacity();
        if (length == PlainHeader.UNDEFINED_LENGTH || length < 2 * values || channel.size() < start + 2 * values) {
            return null; // encapsulated, or fewer values than the header promises: PixelMed's path explains
        }
        return new Located(l.header(), l.columns(), l.rows(), l.frames(), start);
    }

    /**
     * Copies {@code count} little-endian 16-bit values from byte {@code start} of the file into
     * {@code dest} from {@code offset}, through a small buffer a piece at a time (a buffer as large
     * as the image would be fresh memory for every file, and the kernel's zeroing of it costs more
     * than the extra reads). False if the file ends first.
     */
    static boolean copy(FileChannel channel, long start, short[] dest, int offset, int count) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < count;) {
            int n = Math.min(CHUNK_BYTES / 2, count - done);
            chunk.clear().limit(2 * n);
            if (readFully(channel, chunk, start + 2L * done) < 2 * n) {
                return false;
            }
            chunk.flip();
            chunk.asShortBuffer().get(dest, offset + done, n);
            done += n;
        }
        return true;
    }

    static int readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        int total = 0;
        while (into.hasRemaining()) {
            int n = channel.read(into, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
