package org.twinprint.casefile.core.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates what is written to it on all cores, as pigz does: the bytes are cut into chunks, each
 * chunk is compressed on its own and ends on a byte boundary (a sync flush), and the pieces, put
 * one after the other and closed by an empty final block, are one raw deflate stream. A chunk
 * starts without the previous one's window, which costs a little compression.
 */
final class ChunkedDeflate extends OutputStream {

    /** A raw deflate stream in pieces, with its length and CRC-32. */
    record Packed(List<byte[]> pieces, long length, long crc) {
    }

    private static final int CHUNK = 4 << 20;

    private final ExecutorService pool;
    private final Semaphore inFlight; // bounds the chunks held in memory while the cores catch up
    private final List<Future<byte[]>> pieces = new ArrayList<>();
    private byte[] chunk = new byte[CHUNK];
    private int filled;

    ChunkedDeflate(ExecutorService pool, int threads) {
        this.pool = pool;
        this.inFlight = new Semaphore(2 * threads);
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == chunk.length) {
            submit();
        }
        chunk[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == chunk.length) {
                submit();
            }
            int n = Math.min(len, chunk.length - filled);
            System.arraycopy(b, off, chunk, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void submit() throws IOException {
        byte[] full = chunk;
        int length = filled;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("saving was interrupted");
        }
        pieces.add(pool.submit(() -> {
            try {
                return compress(full, length);
            } finally {
                inFlight.release();
            }
        }));
        chunk = new byte[CHUNK];
        filled = 0;
    }

    /** Waits for every chunk and returns the stream (with one spare byte after it, which zlib asks for). */
    Packed finish() throws IOException {
        if (filled > 0) {
            submit();
        }
        List<byte[]> out = new ArrayList<>();
        CRC32 crc = new CRC32();
        long length = 0;
        try {
            for (Future<byte[]> f : pieces) {
                byte[] piece = f.get();
                out.add(piece);
                crc.update(piece);
                length += piece.length;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("saving was interrupted");
        } catch (ExecutionException e) {
            throw new IOException("compressing failed: " + e.getCause(), e.getCause());
        }
        byte[] last = finalBlock();
        out.add(last);
        crc.update(last);
        length += last.length;
        return new Packed(out, length, crc.getValue());
    }

    private static byte[] compress(byte[] data, int length) {
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        try {
            d.setInput(data, 0, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
            byte[] buffer = new byte[1 << 16];
            while (!d.needsInput()) {
                out.write(buffer, 0, d.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
            }
            int n;
            do { // a sync flush ends the chunk on a byte boundary, the stream still open
                n = d.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** An empty final block, and the spare byte. */
    private static byte[] finalBlock() {
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        try {
            d.finish();
            byte[] buffer = new byte[64];
            int n = d.deflate(buffer);
            byte[] out = java.util.Arrays.copyOf(buffer, n + 1);
            return out;
        } finally {
            d.end();
        }
    }
}
