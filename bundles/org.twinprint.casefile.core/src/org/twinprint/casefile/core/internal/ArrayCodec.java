package org.twinprint.casefile.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Arrays as little-endian bytes. CT voxels are written a slice at a time with their low bytes
 * first and their high bytes after ("shuffled"): the high bytes of a CT are nearly constant, so
 * the deflater packs them to almost nothing.
 */
final class ArrayCodec {

    private ArrayCodec() {
    }

    static void writeShorts(short[] values, int slice, OutputStream out) throws IOException {
        byte[] buffer = new byte[2 * slice];
        for (int from = 0; from < values.length; from += slice) {
            int n = Math.min(slice, values.length - from);
            for (int i = 0; i < n; i++) {
                short v = values[from + i];
                buffer[i] = (byte) v;
                buffer[n + i] = (byte) (v >> 8);
            }
            out.write(buffer, 0, 2 * n);
        }
    }

    static void readShorts(InputStream in, short[] values, int slice) throws IOException {
        byte[] buffer = new byte[2 * slice];
        for (int from = 0; from < values.length; from += slice) {
            int n = Math.min(slice, values.length - from);
            readFully(in, buffer, 2 * n);
            for (int i = 0; i < n; i++) {
                values[from + i] = (short) (buffer[i] & 0xff | buffer[n + i] << 8);
            }
        }
    }

    static void writeFloats(float[] values, OutputStream out) throws IOException {
        byte[] buffer = new byte[4 * Math.min(values.length, 1 << 16)];
        for (int from = 0; from < values.length; from += buffer.length / 4) {
            int n = Math.min(buffer.length / 4, values.length - from);
            for (int i = 0; i < n; i++) {
                putInt(buffer, 4 * i, Float.floatToRawIntBits(values[from + i]));
            }
            out.write(buffer, 0, 4 * n);
        }
    }

    static void readFloats(InputStream in, float[] values) throws IOException {
        byte[] buffer = new byte[4 * Math.min(values.length, 1 << 16)];
        for (int from = 0; from < values.length; from += buffer.length / 4) {
            int n = Math.min(buffer.length / 4, values.length - from);
            readFully(in, buffer, 4 * n);
            for (int i = 0; i < n; i++) {
                values[from + i] = Float.intBitsToFloat(getInt(buffer, 4 * i));
            }
        }
    }

    static void writeInts(int[] values, OutputStream out) throws IOException {
        byte[] buffer = new byte[4 * Math.min(values.length, 1 << 16)];
        for (int from = 0; from < values.length; from += buffer.length / 4) {
            int n = Math.min(buffer.length / 4, values.length - from);
            for (int i = 0; i < n; i++) {
                putInt(buffer, 4 * i, values[from + i]);
            }
            out.write(buffer, 0, 4 * n);
        }
    }

    static void readInts(InputStream in, int[] values) throws IOException {
        byte[] buffer = new byte[4 * Math.min(values.length, 1 << 16)];
        for (int from = 0; from < values.length; from += buffer.length / 4) {
            int n = Math.min(buffer.length / 4, values.length - from);
            readFully(in, buffer, 4 * n);
            for (int i = 0; i < n; i++) {
                values[from + i] = getInt(buffer, 4 * i);
            }
        }
    }

    /** Reads exactly n bytes; a shorter entry is damage. */
    static void readFully(InputStream in, byte[] buffer, int n) throws IOException {
        int got = in.readNBytes(buffer, 0, n);
        if (got < n) {
            throw new java.io.EOFException("ends " + (n - got) + " bytes early");
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
        b[at + 3] = (byte) (v >> 24);
    }

    private static int getInt(byte[] b, int at) {
        return b[at] & 0xff | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | b[at + 3] << 24;
    }
}
