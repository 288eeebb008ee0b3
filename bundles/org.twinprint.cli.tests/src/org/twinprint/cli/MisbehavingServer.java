package org.twinprint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server on loopback that misbehaves in one way, for tests of the PACS clients' limits: it
 * accepts one connection at a time and answers as its behaviour says, for at most a minute.
 */
final class MisbehavingServer implements AutoCloseable {

    /** What the server does with a connection. */
    enum Behaviour {
        /** Accepts and never answers. */
        SILENT,
        /** Sends one byte every half second. */
        SLOW_DRIP,
        /** Answers an association request with a PDU whose length is 0xFFFFFFF0. */
        HUGE_PDU,
        /** An HTTP 200 multipart answer that runs on with zeros, gigabytes of them. */
        ENDLESS_HTTP,
        /** An HTTP 200 multipart answer that sends a byte every half second. */
        DRIPPING_HTTP
    }

    private final ServerSocket server;
    private final Thread thread;
    private volatile boolean closed;

    MisbehavingServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            long end = System.nanoTime() + 60_000_000_000L; // bounded in time whatever the client does
            while (!closed && System.nanoTime() < end) {
                try (Socket s = server.accept()) {
                    serve(behaviour, s, end);
                } catch (IOException e) {
                    // the client gave up or the test ended
                }
            }
        }, "misbehaving server " + behaviour);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Behaviour behaviour, Socket s, long end) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        switch (behaviour) {
        case SILENT -> sleepUntilClosed(end);
        case SLOW_DRIP -> {
            for (int i = 0; !closed && System.nanoTime() < end && i < 120; i++) {
                out.write(i == 0 ? 0x02 : 0);
                out.flush();
                pause(500);
            }
        }
        case HUGE_PDU -> {
            in.readNBytes(6); // the request's PDU header is enough
            out.write(new byte[] { 0x02, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 0, 1 });
            out.flush();
            sleepUntilClosed(end);
        }
        case ENDLESS_HTTP, DRIPPING_HTTP -> {
            readHttpRequest(in);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: multipart/related; type=\"application/dicom\";"
                    + " boundary=b\r\nConnection: close\r\n\r\n--b\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[1 << 16];
            long sent = 0;
            while (!closed && System.nanoTime() < end && sent < (5L << 30)) {
                if (behaviour == Behaviour.ENDLESS_HTTP) {
                    out.write(zeros);
                    sent += zeros.length;
                } else {
                    out.write(0);
                    out.flush();
                    pause(500);
                }
            }
        }
        }
    }

    private static void readHttpRequest(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        for (int c; matched < 4 && (c = in.read()) >= 0;) {
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
    }

    private void sleepUntilClosed(long end) {
        while (!closed && System.nanoTime() < end) {
            pause(100);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
