package org.twinprint.meshing.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Buffered little-endian writing of floats, ints and shorts, for binary STL and PLY. */
final class LittleEndianOutput {

    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    LittleEndianOutput(OutputStream out) {
        this.out = out;
    }

    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    void putFloat(float v) throws IOException {
        room(4);
        buffer.putFloat(v);
    }

    void putInt(int v) throws IOException {
        room(4);
        buffer.putInt(v);
    }

    void putShort(short v) throws IOException {
        room(2);
        buffer.putShort(v);
    }

    void putByte(byte v) throws IOException {
        room(1);
        buffer.put(v);
    }

    void putBytes(byte[] bytes) throws IOException {
        flush();
        out.write(bytes);
    }

    void flush() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
