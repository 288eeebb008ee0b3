package org.twinprint.casefile.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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

    /** Floats and ints go through a little-endian buffer a block at a time. */
    private static final int BLOCK = 1 << 16;

    static void writeFloats(float[] values, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += BLOCK) {
            int n = Math.min(BLOCK, values.length - from);
            buffer.asFloatBuffer().put(values, from, n);
            out.write(buffer.array(), 0, 4 * n);
        }
    }

    static void readFloats(InputStream in, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += BLOCK) {
            int n = Math.min(BLOCK, values.length - from);
            readFully(in, buffer.array(), 4 * n);
            buffer.asFloatBuffer().get(values, from, n);
        }
    }

    static void writeInts(int[] values, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += BLOCK) {
            int n = Math.min(BLOCK, values.length - from);
            buffer.asIntBuffer().put(values, from, n);
            out.write(buffer.array(), 0, 4 * n);
        }
    }

    static void readInts(InputStream in, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * BLOCK).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.length; from += BLOCK) {
            int n = Math.min(BLOCK, values.length - from);
            readFully(in, buffer.array(), 4 * n);
            buffer.asIntBuffer().get(values, from, n);
        }
    }

    /** Reads exactly n bytes; a shorter entry is damage. */
    static void readFully(InputStream in, byte[] buffer, int n) throws IOException {
        int got = in.readNBytes(buffer, 0, n);
        if (got < n) {
            throw new java.io.EOFException("ends " + (n - got) + " bytes early");
        }
    }
}
