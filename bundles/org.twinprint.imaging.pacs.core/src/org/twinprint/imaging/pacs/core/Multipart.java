package org.twinprint.imaging.pacs.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bodies of a multipart/related message (RFC 2387), as WADO-RS sends DICOM instances. */
final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|([^;\\s]+))");

    private Multipart() {
    }

    static List<byte[]> parts(byte[] body, String contentType) throws PacsException {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new PacsException("answer is not multipart (Content-Type: " + contentType + ")");
        }
        byte[] delimiter = ("--" + (m.group(2) != null ? m.group(2) : m.group(3))).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            int next = indexOf(body, delimiter, start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw new PacsException("multipart answer is cut short");
            }
            int end = next - 2; // the CRLF before the delimiter belongs to it
            parts.add(Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, end)));
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
