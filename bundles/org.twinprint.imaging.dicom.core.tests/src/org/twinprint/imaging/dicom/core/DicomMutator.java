package org.twinprint.imaging.dicom.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes a malformed DICOM file from a good one, deterministically from a seed: byte flips,
 * truncation, lying length fields, another transfer syntax, extreme image sizes and bit depths,
 * absurd calibration and geometry, inserted garbage. Each mutant says what was done to it.
 */
final class DicomMutator {

    /** A mutated file and what was done to it. */
    record Mutant(byte[] bytes, String what) {
    }

    private static final List<String> SYNTAXES = List.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1",
            "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",
            "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.1.99");

    /** (group, element) of the US attributes that size an image. */
    private static final int[][] SIZES = { { 0x0028, 0x0010 }, { 0x0028, 0x0011 }, { 0x0028, 0x0100 },
            { 0x0028, 0x0101 }, { 0x0028, 0x0102 }, { 0x0028, 0x0002 }, { 0x0028, 0x0103 } };
    private static final int[] EXTREME_US = { 0, 1, 3, 7, 9, 17, 33, 0x7fff, 0x8000, 0xffff };

    /** (group, element) of text attributes whose values place or calibrate an image. */
    private static final int[][] TEXTS = { { 0x0028, 0x1053 }, { 0x0028, 0x1052 }, { 0x0028, 0x0030 },
            { 0x0020, 0x0032 }, { 0x0020, 0x0037 }, { 0x0028, 0x0008 }, { 0x0018, 0x0050 } };
    private static final String[] ABSURD = { "0", "NaN", "1e308", "-1e300", "inf", "", "\\\\", "x", "1e-300",
            "99999999", "-1" };

    private DicomMutator() {
    }

    static Mutant mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int kind = random.nextInt(9);
        return switch (kind) {
        case 0 -> flip(b, random);
        case 1 -> truncate(b, random);
        case 2 -> lieAboutLength(b, random);
        case 3 -> swapSyntax(b, random);
        case 4 -> extremeSize(b, random);
        case 5 -> absurdText(b, random);
        case 6 -> insert(b, random);
        case 7 -> flip(truncate(b, random).bytes(), random);
        default -> extremeSize(absurdText(b, random).bytes(), random);
        };
    }

    private static Mutant flip(byte[] b, Random r) {
        int n = 1 + r.nextInt(8);
        // most flips land in the header, where the structure is
        int limit = Math.min(b.length, r.nextBoolean() ? 2048 : b.length);
        StringBuilder what = new StringBuilder("flipped bytes at");
        for (int i = 0; i < n && limit > 0; i++) {
            int at = r.nextInt(limit);
            b[at] ^= (byte) (1 + r.nextInt(255));
            what.append(' ').append(at);
        }
        return new Mutant(b, what.toString());
    }

    private static Mutant truncate(byte[] b, Random r) {
        int at = r.nextInt(Math.max(1, b.length));
        return new Mutant(Arrays.copyOf(b, at), "cut at " + at + " of " + b.length);
    }

    /** A 16- or 32-bit length after a tag is set to a huge, odd or random value. */
    private static Mutant lieAboutLength(byte[] b, Random r) {
        int from = b.length > 140 ? 132 : 0;
        int at = from + r.nextInt(Math.max(1, Math.min(b.length, 4096) - from));
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long[] values = { 0xFFFFFFF0L, 0x7FFFFFFFL, 0xFFFFFFFFL, 1, 3, r.nextInt() & 0xffffffffL };
        long v = values[r.nextInt(values.length)];
        if (at + 4 <= b.length && r.nextBoolean()) {
            bb.putInt(at, (int) v);
            return new Mutant(b, "32-bit length " + v + " at " + at);
        }
        if (at + 2 <= b.length) {
            bb.putShort(at, (short) v);
        }
        return new Mutant(b, "16-bit length " + (v & 0xffff) + " at " + at);
    }

    private static Mutant swapSyntax(byte[] b, Random r) {
        String text = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1);
        for (String from : SYNTAXES.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList()) { // longest first, so that a prefix does not match
            int at = text.indexOf(from);
            if (at > 128) {
                String to = SYNTAXES.get(r.nextInt(SYNTAXES.size()));
                if (to.length() <= from.length() + 1) {
                    byte[] value = Arrays.copyOf(to.getBytes(StandardCharsets.US_ASCII), from.length());
                    System.arraycopy(value, 0, b, at, value.length);
                    return new Mutant(b, "transfer syntax " + from + " -> " + to);
                }
            }
        }
        return flip(b, r);
    }

    /** Finds an attribute's value by its tag (little endian, explicit or implicit VR); -1 if absent. */
    static int[] valueOf(byte[] b, int group, int element) {
        for (int i = 132; i + 8 <= b.length; i++) {
            if ((b[i] & 0xff) == (group & 0xff) && (b[i + 1] & 0xff) == group >> 8 && (b[i + 2] & 0xff) == (element
                    & 0xff) && (b[i + 3] & 0xff) == element >> 8) {
                boolean explicit = Character.isUpperCase(b[i + 4]) && Character.isUpperCase(b[i + 5]);
                int length = explicit ? (b[i + 6] & 0xff) | (b[i + 7] & 0xff) << 8
                        : (b[i + 4] & 0xff) | (b[i + 5] & 0xff) << 8;
                int at = i + 8;
                if (length > 0 && at + length <= b.length && length < 256) {
                    return new int[] { at, length };
                }
            }
        }
        return new int[] { -1, 0 };
    }

    private static Mutant extremeSize(byte[] b, Random r) {
        if (r.nextInt(4) == 0) { // NumberOfFrames, an IS
            int[] v = valueOf(b, 0x0028, 0x0008);
            if (v[0] >= 0) {
                String n = List.of("0", "-1", "99999999", "65536", "2").get(r.nextInt(5));
                byte[] s = Arrays.copyOf(n.getBytes(StandardCharsets.US_ASCII), v[1]);
                Arrays.fill(s, Math.min(n.length(), v[1]), v[1], (byte) ' ');
                System.arraycopy(s, 0, b, v[0], v[1]);
                return new Mutant(b, "NumberOfFrames " + n);
            }
        }
        int[] tag = SIZES[r.nextInt(SIZES.length)];
        int[] v = valueOf(b, tag[0], tag[1]);
        if (v[0] < 0 || v[1] != 2) {
            return flip(b, r);
        }
        int value = EXTREME_US[r.nextInt(EXTREME_US.length)];
        b[v[0]] = (byte) value;
        b[v[0] + 1] = (byte) (value >> 8);
        return new Mutant(b, String.format("(%04x,%04x) = %d", tag[0], tag[1], value));
    }

    private static Mutant absurdText(byte[] b, Random r) {
        int[] tag = TEXTS[r.nextInt(TEXTS.length)];
        int[] v = valueOf(b, tag[0], tag[1]);
        if (v[0] < 0) {
            return flip(b, r);
        }
        String value = ABSURD[r.nextInt(ABSURD.length)];
        if (tag[0] == 0x0020 || tag[1] == 0x0030) { // a multi-valued one: one of its values becomes absurd
            value = value + "\\" + value + "\\" + value;
        }
        byte[] s = Arrays.copyOf(value.getBytes(StandardCharsets.US_ASCII), v[1]);
        Arrays.fill(s, Math.min(value.length(), v[1]), v[1], (byte) ' ');
        System.arraycopy(s, 0, b, v[0], v[1]);
        return new Mutant(b, String.format("(%04x,%04x) = '%s'", tag[0], tag[1], value));
    }

    private static Mutant insert(byte[] b, Random r) {
        int at = r.nextInt(Math.max(1, Math.min(b.length, 4096)));
        byte[] junk = new byte[1 + r.nextInt(64)];
        r.nextBytes(junk);
        byte[] out = new byte[b.length + junk.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        System.arraycopy(b, at, out, at + junk.length, b.length - at);
        return new Mutant(out, junk.length + " random bytes inserted at " + at);
    }
}
