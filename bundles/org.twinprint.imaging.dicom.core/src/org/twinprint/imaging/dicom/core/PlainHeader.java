package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.twinprint.core.model.Vec3;

/**
 * The header of the usual single-frame CT or MR file, read without a DICOM toolkit: little-endian,
 * explicit or implicit VR. Elements are stepped over by their lengths (private groups and
 * sequences included) and only the attributes that place and calibrate a slice are decoded, where
 * PixelMed builds every one of a CT header's ~150 elements, which costs most of a series' first
 * load. Anything else (another transfer syntax, several frames, functional groups, a value it
 * cannot decode, a header cut short) gives null, and the file goes to PixelMed.
 */
final class PlainHeader implements SliceHeader {

    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    /** The file's start is read in these sizes: a CT header fits in the first, large private blocks need the second. */
    private static final int[] READS = { 16 << 10, 1 << 20 };
    private static final int MAX_NESTING = 16;

    // tags as group << 16 | element, in ascending order (a binary search finds the wanted ones)
    private static final int CHARACTER_SET = 0x00080005, MODALITY = 0x00080060, DESCRIPTION = 0x0008103E,
            SERIES_UID = 0x0020000E, POSITION = 0x00200032, ORIENTATION = 0x00200037, SAMPLES = 0x00280002,
            PHOTOMETRIC = 0x00280004, FRAMES = 0x00280008, ROWS = 0x00280010, COLUMNS = 0x00280011,
            SPACING = 0x00280030, BITS_ALLOCATED = 0x00280100, BITS_STORED = 0x00280101,
            REPRESENTATION = 0x00280103, INTERCEPT = 0x00281052, SLOPE = 0x00281053, SHARED_GROUPS = 0x52009229,
            PER_FRAME_GROUPS = 0x52009230;
    private static final int[] WANTED = { CHARACTER_SET, MODALITY, DESCRIPTION, SERIES_UID, POSITION, ORIENTATION,
            SAMPLES, PHOTOMETRIC, FRAMES, ROWS, COLUMNS, SPACING, BITS_ALLOCATED, BITS_STORED, REPRESENTATION,
            INTERCEPT, SLOPE, SHARED_GROUPS, PER_FRAME_GROUPS };
    /** Their value representations: an explicit file that says otherwise is left to PixelMed. */
    private static final String[] WANTED_VRS = { "CS", "CS", "LO", "UI", "DS", "DS", "US", "CS", "IS", "US", "US",
            "DS", "US", "US", "US", "DS", "DS", "SQ", "SQ" };
    private static final int TRANSFER_SYNTAX = 0x00020010, PIXEL_DATA = 0x7FE00010, ITEM = 0xFFFEE000,
            ITEM_END = 0xFFFEE00D, SEQUENCE_END = 0xFFFEE0DD;
    /** Value representations whose length takes 4 bytes (after 2 reserved ones) in explicit VR. */
    private static final String LONG_VRS = "OB OD OF OL OV OW SQ SV UC UN UR UT UV";
    private static final String VRS = LONG_VRS + " AE AS AT CS DA DS DT FD FL IS LO LT PN SH SL SS ST TM UI UL US";

    /** The header ran past what was read: read more of the file and start again. */
    private static final class ShortRead extends Exception {
        private static final long serialVersionUID = 1L;

        ShortRead() {
            super(null, null, false, false);
        }
    }

    /** Not the plain case, or not well formed: PixelMed decides. */
    private static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final ShortRead SHORT = new ShortRead();
    private static final NotPlain NOT_PLAIN = new NotPlain();

    // what the walk found
    private final ByteBuffer b;
    private int pos;
    private int tag;
    private int vr;
    private long length;
    private boolean explicit;
    private final int[] valueAt = new int[WANTED.length];
    private final int[] valueLength = new int[WANTED.length];
    private long pixelDataTagAt = -1;
    /** The meta group names a transfer syntax other than the two little-endian ones read here. */
    private boolean otherSyntax;

    // what it means
    private String seriesUid, description, modality;
    private int bitsStored = -1, representation, samples = 1, rows, columns, bitsAllocated;
    private boolean monochrome1;
    private FrameGroups.Plane plane;
    private double slope = 1, intercept;

    private PlainHeader(ByteBuffer b) {
        this.b = b;
        Arrays.fill(valueAt, -1);
    }

    /**
     * What reading a file's header gave: the header when it is the plain case, else null; and
     * whether its values may still be stored native little-endian (false once the file names
     * another transfer syntax, so nobody need parse its header again to find that out).
     */
    record Reading(PlainHeader header, boolean littleEndian) {
    }

    /** The header of the file open in {@code channel}, if it is the plain case. */
    static Reading read(FileChannel channel) throws IOException {
        long size = channel.size();
        boolean littleEndian = true;
        for (int want : READS) {
            int n = (int) Math.min(size, want);
            ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
            if (DirectPixels.readFully(channel, b, 0) < n) {
                break;
            }
            PlainHeader h = new PlainHeader(b);
            try {
                h.walk();
                h.decode();
                return new Reading(h, true);
            } catch (NotPlain e) {
                littleEndian = !h.otherSyntax;
                break;
            } catch (ShortRead e) {
                if (n == size) {
                    break; // the file ends inside its header
                }
            } catch (RuntimeException e) {
                break; // numbers that do not parse, and the like
            }
        }
        return new Reading(null, littleEndian);
    }

    boolean explicit() {
        return explicit;
    }

    int rows() {
        return rows;
    }

    int columns() {
        return columns;
    }

    int bitsAllocated() {
        return bitsAllocated;
    }

    int samplesPerPixel() {
        return samples;
    }

    /** Where the Pixel Data element (its tag) begins in the file. */
    long pixelDataTagAt() {
        return pixelDataTagAt;
    }

    private void walk() throws ShortRead, NotPlain {
        need(132);
        if (b.get(128) != 'D' || b.get(129) != 'I' || b.get(130) != 'C' || b.get(131) != 'M') {
            throw NOT_PLAIN;
        }
        pos = 132;
        String syntax = null;
        explicit = true; // the meta group always is
        while (need(8) && b.getShort(pos) == 0x0002) {
            header();
            skip();
            if (tag == TRANSFER_SYNTAX) {
                syntax = ascii(pos - (int) length, (int) length).trim();
            }
        }
        if (EXPLICIT_LE.equals(syntax)) {
            explicit = true;
        } else if (PixelDecoding.IMPLICIT_LE.equals(syntax)) {
            explicit = false;
        } else {
            otherSyntax = syntax != null;
            throw NOT_PLAIN;
        }
        while (true) {
            int at = pos;
            header();
            if (tag == PIXEL_DATA) {
                pixelDataTagAt = at;
                return;
            }
            if (length == UNDEFINED_LENGTH) {
                skipSequence(1);
                continue;
            }
            int k = Arrays.binarySearch(WANTED, tag);
            if (k >= 0) {
                need(length);
                if (explicit && vr != vr(WANTED_VRS[k])) {
                    throw NOT_PLAIN;
                }
                valueAt[k] = pos;
                valueLength[k] = (int) length;
            }
            skip();
        }
    }

    /** True when n more bytes are there; the exception when they are not (yet). */
    private boolean need(long n) throws ShortRead {
        if (pos + n > b.limit()) {
            throw SHORT;
        }
        return true;
    }

    /** Reads an element's tag, VR (explicit files) and length; leaves {@code pos} at its value. */
    private void header() throws ShortRead, NotPlain {
        need(8);
        tag = (b.getShort(pos) & 0xFFFF) << 16 | b.getShort(pos + 2) & 0xFFFF;
        if (!explicit || (tag >>> 16) == 0xFFFE) { // items and delimiters never carry a VR
            vr = 0;
            length = b.getInt(pos + 4) & 0xFFFFFFFFL;
            pos += 8;
            return;
        }
        vr = (b.get(pos + 4) & 0xFF) << 8 | b.get(pos + 5) & 0xFF;
        String name = new String(new char[] { (char) (vr >> 8), (char) (vr & 0xFF) });
        int at = VRS.indexOf(name);
        if (at < 0 || at % 3 != 0) {
            throw NOT_PLAIN; // not a VR: not what the transfer syntax promised
        }
        if (LONG_VRS.contains(name)) {
            need(12);
            length = b.getInt(pos + 8) & 0xFFFFFFFFL;
            pos += 12;
        } else {
            length = b.getShort(pos + 6) & 0xFFFF;
            pos += 8;
        }
    }

    private void skip() throws ShortRead {
        need(length);
        pos += (int) length;
    }

    /**
     * Steps over a sequence of undefined length, just past its header: items up to the sequence's
     * end, each either skipped by its length or walked element by element up to its own end.
     * Undefined length on anything else (UN holding implicit VR, say) is left to PixelMed.
     */
    private void skipSequence(int depth) throws ShortRead, NotPlain {
        if (depth > MAX_NESTING || explicit && vr != vr("SQ")) {
            throw NOT_PLAIN;
        }
        while (true) {
            header();
            if (tag == SEQUENCE_END) {
                break;
            }
            if (tag != ITEM) {
                throw NOT_PLAIN;
            }
            if (length != UNDEFINED_LENGTH) {
                skip();
                continue;
            }
            while (true) {
                header();
                if (tag == ITEM_END) {
                    break;
                }
                if (length == UNDEFINED_LENGTH) {
                    skipSequence(depth + 1);
                } else {
                    skip();
                }
            }
        }
    }

    private static int vr(String name) {
        return name.charAt(0) << 8 | name.charAt(1);
    }

    /** The walk's findings as values, the way PixelMed's accessors give them. */
    private void decode() throws NotPlain {
        if (found(SHARED_GROUPS) || found(PER_FRAME_GROUPS) || integerString(FRAMES, 1) != 1) {
            throw NOT_PLAIN; // enhanced or multi-frame: the frames' values are in functional groups
        }
        Charset charset = charset(text(CHARACTER_SET, null));
        seriesUid = text(SERIES_UID, charset);
        description = text(DESCRIPTION, charset);
        modality = text(MODALITY, charset);
        monochrome1 = "MONOCHROME1".equals(text(PHOTOMETRIC, charset));
        samples = unsigned16(SAMPLES, 1);
        rows = unsigned16(ROWS, 0);
        columns = unsigned16(COLUMNS, 0);
        bitsAllocated = unsigned16(BITS_ALLOCATED, 0);
        bitsStored = unsigned16(BITS_STORED, -1);
        representation = unsigned16(REPRESENTATION, 0);
        double[] position = numbers(POSITION, 3), orientation = numbers(ORIENTATION, 6),
                spacing = numbers(SPACING, 2);
        plane = new FrameGroups.Plane(new Vec3(position[0], position[1], position[2]),
                new Vec3(orientation[0], orientation[1], orientation[2]),
                new Vec3(orientation[3], orientation[4], orientation[5]), spacing[0], spacing[1]);
        slope = number(SLOPE, 1.0);
        intercept = number(INTERCEPT, 0.0);
    }

    private boolean found(int tag) {
        return valueAt[Arrays.binarySearch(WANTED, tag)] >= 0;
    }

    /** The values' bytes, or null when the element is not there. */
    private int[] range(int tag) {
        int k = Arrays.binarySearch(WANTED, tag);
        return valueAt[k] < 0 ? null : new int[] { valueAt[k], valueLength[k] };
    }

    private String ascii(int at, int n) {
        byte[] bytes = new byte[n];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The first value of a text element, trimmed; empty when absent. */
    private String text(int tag, Charset charset) throws NotPlain {
        int[] r = range(tag);
        if (r == null) {
            return "";
        }
        byte[] bytes = new byte[r[1]];
        b.get(r[0], bytes);
        for (byte x : bytes) {
            if (x < 0) { // beyond ASCII: only Latin-1 and UTF-8 are decoded here
                if (charset == null) {
                    throw NOT_PLAIN;
                }
                break;
            }
        }
        String s = new String(bytes, charset == null ? StandardCharsets.US_ASCII : charset);
        int end = s.indexOf('\\');
        return (end < 0 ? s : s.substring(0, end)).trim();
    }

    /** ISO_IR 100 and ISO_IR 192 (UTF-8); null for the rest, where only ASCII text is read here. */
    private static Charset charset(String term) {
        return switch (term) {
            case "ISO_IR 100" -> StandardCharsets.ISO_8859_1;
            case "ISO_IR 192" -> StandardCharsets.UTF_8;
            default -> null;
        };
    }

    /** A US value: the first of them, or {@code otherwise} when there is none. */
    private int unsigned16(int tag, int otherwise) throws NotPlain {
        int[] r = range(tag);
        if (r == null || r[1] == 0) {
            return otherwise;
        }
        if (r[1] % 2 != 0) {
            throw NOT_PLAIN;
        }
        return b.getShort(r[0]) & 0xFFFF;
    }

    /** At least n decimal values; not the plain case when fewer are there (PixelMed's path names what is missing). */
    private double[] numbers(int tag, int n) throws NotPlain {
        String[] parts = strings(tag);
        if (parts.length < n) {
            throw NOT_PLAIN;
        }
        double[] v = new double[parts.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = Double.parseDouble(parts[k]);
        }
        return v;
    }

    private double number(int tag, double otherwise) {
        String[] parts = strings(tag);
        return parts.length == 0 ? otherwise : Double.parseDouble(parts[0]);
    }

    private int integerString(int tag, int otherwise) {
        String[] parts = strings(tag);
        return parts.length == 0 ? otherwise : Integer.parseInt(parts[0]);
    }

    /** The backslash-separated values of a numeric string (DS, IS), trimmed; none when absent or empty. */
    private String[] strings(int tag) {
        int[] r = range(tag);
        String s = r == null ? "" : ascii(r[0], r[1]).trim();
        if (s.isEmpty()) {
            return new String[0];
        }
        String[] parts = s.split("\\\\", -1);
        for (int k = 0; k < parts.length; k++) {
            parts[k] = parts[k].trim();
        }
        return parts;
    }

    @Override
    public String seriesUid() {
        return seriesUid;
    }

    @Override
    public String seriesDescription() {
        return description;
    }

    @Override
    public String modality() {
        return modality;
    }

    @Override
    public int bitsStored(int otherwise) {
        return bitsStored < 0 ? otherwise : bitsStored;
    }

    @Override
    public boolean signed() {
        return representation == 1;
    }

    @Override
    public boolean monochrome1() {
        return monochrome1;
    }

    @Override
    public FrameGroups.Plane plane(int frame) {
        return plane;
    }

    @Override
    public double rescaleSlope(int frame) {
        return slope;
    }

    @Override
    public double rescaleIntercept(int frame) {
        return intercept;
    }
}
