package org.twinprint.imaging.pacs.core;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bodies of a multipart/related message (RFC 2387), as WADO-RS sends DICOM instances,
 * streamed from the connection into one file each: nothing of the answer is held in memory, and
 * it stops at a size limit. The delimiter is found with a Knuth-Morris-Pratt automaton, so bytes
 * that only begin to look like one are written out as soon as they turn out not to be.
 */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final int MAX_HEADERS = 64 << 10;

    /** What the stream reports as it goes: bytes read so far, for progress and the watchdog. */
    interface Reading {
        void read(long bytes);
    }

    private final byte[] delimiter;
    private final int[] fail;
    private final InputStream in;
    private final long maxBytes;
    private final Reading reading;
    private long count;

    private Multipart(byte[] delimiter, InputStream in, long maxBytes, Reading reading) {
        this.delimiter = delimiter;
        this.in = new BufferedInputStream(in, 1 << 16);
        this.maxBytes = maxBytes;
        this.reading = reading;
        fail = new int[delimiter.length];
        for (int i = 1, k = 0; i < delimiter.length; i++) {
            while (k > 0 && delimiter[i] != delimiter[k]) {
                k = fail[k - 1];
            }
            if (delimiter[i] == delimiter[k]) {
                k++;
            }
            fail[i] = k;
        }
    }

    /**
     * Writes each part's body to the file {@code name} gives for its index (0, 1, ...); returns
     * the files. Stops with a PacsException beyond {@code maxBytes} or if the message is cut short.
     */
    static List<Path> split(InputStream in, String contentType, long maxBytes, IntFunction<Path> name,
            Reading reading) throws IOException {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new PacsException("answer is not multipart (Content-Type: " + contentType + ")");
        }
        String boundary = m.group(2) != null ? m.group(2) : m.group(3);
        Multipart parts = new Multipart(("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), in, maxBytes,
                reading);
        return parts.split(name);
    }

    private List<Path> split(IntFunction<Path> name) throws IOException {
        List<Path> files = new ArrayList<>();
        // the first delimiter may open the message without the CRLF before it
        if (!body(OutputStream.nullOutputStream(), 2)) {
            throw new PacsException("multipart answer holds no part");
        }
        while (true) {
            int a = next(), b = next();
            if (a == '-' && b == '-') {
                return files; // the closing delimiter
            }
            headers(a == '\r' && b == '\n' ? 2 : 0);
            Path file = name.apply(files.size());
            boolean delimited;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                delimited = body(out, 0);
            }
            files.add(file);
            if (!delimited) {
                throw new PacsException("multipart answer is cut short in part " + files.size());
            }
        }
    }

    /** Reads up to and including the next delimiter, writing what comes before it; false at the end. */
    private boolean body(OutputStream out, int alreadyMatched) throws IOException {
        byte[] d = delimiter;
        int s = alreadyMatched; // bytes of the delimiter matched and held back (a virtual CRLF at the start)
        for (int c; (c = read()) >= 0;) {
            byte b = (byte) c;
            while (s > 0 && d[s] != b) {
                int t = fail[s - 1];
                out.write(d, 0, s - t); // what was held back but turned out not to begin a delimiter
                s = t;
            }
            if (d[s] == b) {
                if (++s == d.length) {
                    return true;
                }
            } else {
                out.write(b);
            }
        }
        return false;
    }

    /** The part's header lines, up to the blank line; only their size is checked. */
    private void headers(int matchedAlready) throws IOException {
        int matched = matchedAlready; // the delimiter line's CRLF may be the first half of the blank line
        byte[] end = { '\r', '\n', '\r', '\n' };
        for (int size = 1; matched < 4; size++) {
            int c = read();
            if (c < 0) {
                throw new PacsException("multipart answer is cut short in a part's headers");
            }
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
            if (size > MAX_HEADERS) {
                throw new PacsException("a part's headers run past " + MAX_HEADERS + " bytes");
            }
        }
    }

    private int next() throws IOException {
        int c = read();
        if (c < 0) {
            throw new PacsException("multipart answer is cut short after a delimiter");
        }
        return c;
    }

    private int read() throws IOException {
        int c = in.read();
        if (c >= 0 && (++count & 0xffff) == 0) {
            if (count > maxBytes) {
                throw new PacsException("the answer is larger than the limit of " + (maxBytes >> 20)
                        + " MB; given up (the limit is set with --max-mb)");
            }
            reading.read(count);
        }
        return c;
    }
}
