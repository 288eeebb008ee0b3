package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Checks, before a DICOM toolkit reads a file, that no element's length reaches far beyond what is
 * left of the file (at every depth: sequences, items, encapsulated fragments). A toolkit allocates
 * what a length says, so a lying length (0xFFFFFFF0 in a 500 kB file) would otherwise become an
 * OutOfMemoryError or an endless read instead of a message naming the element. A length a little
 * past the end (a file cut short) costs no more memory than the file: the toolkit reads what is
 * there, as before.
 */
final class ElementLengths {

    static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 32;
    /** How far past its end an element may reach before its length counts as a lie. */
    static final long SLACK = 1 << 20;
    private static final int ITEM = 0xFFFEE000, ITEM_END = 0xFFFEE00D, SEQUENCE_END = 0xFFFEE0DD;
    private static final String LONG_VRS = "OB OD OF OL OV OW SQ SV UC UN UR UT UV";

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer head = ByteBuffer.allocate(12);
    private boolean explicit = true;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    private ElementLengths(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** Throws with the element and its length when one claims more than the file holds. */
    static void check(Path file) throws DicomReadException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            new ElementLengths(channel).walkFile();
        } catch (IOException e) {
            throw new DicomReadException("cannot be read (" + e.getMessage() + ")");
        }
    }

    private void walkFile() throws IOException, DicomReadException {
        long pos = 132;
        // the meta group: explicit VR little endian, as long as the group is 0002
        String syntax = PixelDecoding.IMPLICIT_LE;
        while (pos + 8 <= size) {
            Element e = element(pos, true, ByteOrder.LITTLE_ENDIAN);
            if (e.tag >>> 16 != 0x0002) {
                break;
            }
            fits(e, pos, size, 0);
            if (e.tag == 0x00020010 && e.length < 128) {
                syntax = text(e.valueAt, (int) e.length);
            }
            pos = e.valueAt + e.length;
        }
        if (syntax.equals("1.2.840.10008.1.2.1.99")) {
            return; // deflated: the data set is a zlib stream, whose lengths are checked as PixelMed inflates it
        }
        explicit = !syntax.equals(PixelDecoding.IMPLICIT_LE);
        order = syntax.equals(PixelDecoding.BIG_ENDIAN) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        walk(pos, size, 0, false);
    }

    /** Walks elements from {@code pos} to {@code end}; returns where the walk stopped. */
    private long walk(long pos, long end, int depth, boolean untilItemEnd) throws IOException, DicomReadException {
        if (depth > MAX_DEPTH) {
            throw new DicomReadException("sequences nested more than " + MAX_DEPTH + " deep");
        }
        while (pos + 8 <= end) {
            Element e = element(pos, explicit, order);
            if (e.tag == ITEM_END || e.tag == SEQUENCE_END) {
                return untilItemEnd ? e.valueAt : pos; // the caller's delimiter
            }
            if (e.length == UNDEFINED && e.implicitInside) {
                return end; // UN of undefined length is implicit VR inside: left to the toolkit
            }
            if (e.length == UNDEFINED) {
                if (!e.sequenceLike) {
                    throw new DicomReadException(String.format(Locale.ROOT,
                            "element (%04x,%04x) has an undefined length but is no sequence", e.tag >>> 16,
                            e.tag & 0xffff));
                }
                pos = items(e.valueAt, end, depth + 1, UNDEFINED);
                continue;
            }
            fits(e, pos, end, depth);
            if (e.sequenceLike && e.isSequence && e.length > 0) {
                items(e.valueAt, Math.min(end, e.valueAt + e.length), depth + 1, e.length);
            }
            pos = e.valueAt + e.length;
        }
        return end;
    }

    /** The items of a sequence or of encapsulated pixel data; returns the position after it. */
    private long items(long pos, long end, int depth, long length) throws IOException, DicomReadException {
        while (pos + 8 <= end) {
            Element item = element(pos, false, order); // item tags have no VR
            if (item.tag == SEQUENCE_END) {
                return item.valueAt;
            }
            if (item.tag != ITEM) {
                throw new DicomReadException(String.format(Locale.ROOT,
                        "expected an item at byte %d, found (%04x,%04x): the file is damaged", pos, item.tag >>> 16,
                        item.tag & 0xffff));
            }
            if (item.length == UNDEFINED) {
                pos = walk(item.valueAt, end, depth, true);
                continue;
            }
            fits(item, pos, end, depth);
            if (depth < MAX_DEPTH && looksLikeElements(item)) {
                walk(item.valueAt, Math.min(end, item.valueAt + item.length), depth, false);
            }
            pos = item.valueAt + item.length;
        }
        if (length == UNDEFINED && pos + 8 > end) {
            throw new DicomReadException("a sequence of undefined length has no end: the file is truncated");
        }
        return end;
    }

    /** Encapsulated fragments hold compressed bytes, not elements; a sequence's items hold elements. */
    private boolean looksLikeElements(Element item) {
        return !item.inPixelData;
    }

    private void fits(Element e, long pos, long end, int depth) throws DicomReadException {
        if (e.valueAt + e.length > end + SLACK) {
            String where = end == size ? "the file has " + Math.max(0, size - e.valueAt) + " bytes left"
                    : "its enclosing item ends " + (end - e.valueAt) + " bytes on";
            throw new DicomReadException(String.format(Locale.ROOT,
                    "element (%04x,%04x) at byte %d says it holds %d bytes, but %s: damaged or truncated",
                    e.tag >>> 16, e.tag & 0xffff, pos, e.length, where));
        }
    }

    private static final class Element {
        int tag;
        long length;
        long valueAt;
        boolean sequenceLike;
        boolean isSequence;
        boolean inPixelData;
        boolean implicitInside;
    }

    private boolean inPixelData;

    private Element element(long pos, boolean explicitVr, ByteOrder byteOrder) throws IOException,
            DicomReadException {
        head.clear().limit((int) Math.min(12, size - pos));
        int n = channel.read(head, pos);
        if (n < 8) {
            throw new DicomReadException("an element at byte " + pos + " is cut short: the file is truncated");
        }
        head.flip().order(byteOrder);
        Element e = new Element();
        int group = head.getShort(0) & 0xffff, element = head.getShort(2) & 0xffff;
        e.tag = group << 16 | element;
        boolean delimiter = group == 0xFFFE;
        if (!explicitVr || delimiter) {
            e.length = head.getInt(4) & 0xffffffffL;
            e.valueAt = pos + 8;
            e.isSequence = !delimiter && e.length == UNDEFINED;
            e.sequenceLike = e.isSequence;
        } else {
            String vr = new String(new byte[] { head.get(4), head.get(5) }, StandardCharsets.US_ASCII);
            if (LONG_VRS.contains(vr) && Character.isUpperCase(vr.charAt(0))) {
                if (n < 12) {
                    throw new DicomReadException("an element at byte " + pos + " is cut short: the file is truncated");
                }
                e.length = head.getInt(8) & 0xffffffffL;
                e.valueAt = pos + 12;
            } else {
                e.length = head.getShort(6) & 0xffff;
                e.valueAt = pos + 8;
            }
            e.isSequence = vr.equals("SQ");
            e.implicitInside = vr.equals("UN");
            e.sequenceLike = e.isSequence || e.length == UNDEFINED && (vr.equals("OB") || vr.equals("OW")
                    || vr.equals("UN"));
        }
        e.inPixelData = inPixelData;
        if (e.tag == 0x7FE00010 && e.length == UNDEFINED) {
            inPixelData = true; // its items are fragments of compressed data
        }
        return e;
    }

    private String text(long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        channel.read(b, at);
        return new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).replace("\0", "").strip();
    }
}
