package org.twinprint.imaging.pacs.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.twinprint.core.report.JsonReader;
import org.twinprint.core.spi.Progress;

/**
 * DICOMweb (PS3.18): QIDO-RS to search studies and series, WADO-RS to retrieve a series as
 * DICOM Part 10 files. {@code base} is the service root, e.g. http://localhost:8042/dicom-web.
 * A server that answers nothing for the timeout is given up; answers are read as a stream with a
 * size limit (a search's JSON in memory, a series straight to its files), so a server cannot
 * exhaust the memory, and the command always ends.
 */
public final class DicomWebClient {

    /** A search's answer is JSON held in memory: this much at most. */
    private static final long MAX_SEARCH_BYTES = 64L << 20;
    /** A retrieval stops beyond this many bytes unless set otherwise. */
    public static final long DEFAULT_MAX_BYTES = 8L << 30;
    /** The silence is counted again after each such run of bytes: a trickle is silence. */
    private static final long SIGN_OF_LIFE_BYTES = 64 << 10;

    private final URI base;
    private final int timeoutSeconds;
    private final long maxBytes;
    private final HttpClient http;

    public DicomWebClient(URI base) {
        this(base, Watchdog.DEFAULT_SECONDS, DEFAULT_MAX_BYTES);
    }

    /** A client that gives a silent server up after {@code timeoutSeconds} and reads at most {@code maxBytes}. */
    public DicomWebClient(URI base, int timeoutSeconds, long maxBytes) {
        if (timeoutSeconds < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a DICOMweb timeout is 1 s or more and a size limit 1 byte or more");
        }
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.timeoutSeconds = timeoutSeconds;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
    }

    /** QIDO-RS studies; {@code matching} maps DICOM keywords to values (* wildcards allowed). */
    public List<StudyRecord> studies(Map<String, String> matching) throws PacsException {
        List<StudyRecord> out = new ArrayList<>();
        for (Map<?, ?> s : search("/studies", matching)) {
            out.add(new StudyRecord(text(s, "0020000D"), text(s, "00100020"), text(s, "00100010"), text(s, "00080020"),
                    text(s, "00081030"), text(s, "00080061"), number(s, "00201208")));
        }
        return out;
    }

    /** QIDO-RS series of a study. */
    public List<SeriesRecord> series(String studyUid) throws PacsException {
        List<SeriesRecord> out = new ArrayList<>();
        for (Map<?, ?> s : search("/studies/" + studyUid + "/series", Map.of())) {
            out.add(new SeriesRecord(studyUid, text(s, "0020000E"), text(s, "00080060"), text(s, "00200011"),
                    text(s, "0008103E"), number(s, "00201209")));
        }
        return out;
    }

    /** WADO-RS of one series into {@code folder}: one file per instance, streamed from the answer. */
    public List<Path> retrieve(String studyUid, String seriesUid, Path folder, Progress progress)
            throws PacsException {
        URI uri = URI.create(base + "/studies/" + studyUid + "/series/" + seriesUid);
        progress.begin("Retrieving series " + seriesUid + " from " + base, 2);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PacsException(folder + ": cannot be written (" + e.getMessage() + ")", e);
        }
        String token = Long.toHexString(System.nanoTime());
        List<Path> parts = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<InputStream> open = new java.util.concurrent.atomic.AtomicReference<>();
        List<Path> files = Watchdog.run(uri + ": WADO-RS", timeoutSeconds, progress, dog -> {
            HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(
                    timeoutSeconds)).header("Accept", "multipart/related; type=\"application/dicom\"").GET().build());
            open.set(response.body());
            dog.alive();
            String type = response.headers().firstValue("Content-Type").orElse("");
            long[] sign = { 0 };
            try (InputStream in = response.body()) {
                Multipart.split(in, type, maxBytes, i -> { // each part file noted as it is made, to go if given up
                    Path part = folder.resolve(String.format(".wado-%s-%05d.twinprint-part", token, i));
                    parts.add(part);
                    return part;
                }, read -> {
                    if (read - sign[0] >= SIGN_OF_LIFE_BYTES) {
                        sign[0] = read;
                        dog.alive();
                    }
                });
            } catch (PacsException e) {
                throw new PacsException(uri + ": " + e.getMessage(), e);
            }
            List<Path> named = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Path target = folder.resolve(String.format("%s-%05d.dcm", seriesUid, i + 1));
                Files.move(parts.get(i), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                named.add(target);
            }
            return named;
        }, () -> { // given up: the transfer stops and what it wrote goes
            closeQuietly(open.get());
            List.copyOf(parts).forEach(DicomWebClient::deleteQuietly);
        });
        progress.worked(2);
        if (files.isEmpty()) {
            throw new PacsException(uri + ": the answer holds no DICOM instances");
        }
        return files;
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // closing is all that was wanted
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a partial file of ours is deleted at the next start
        }
    }

    private List<Map<?, ?>> search(String path, Map<String, String> matching) throws PacsException {
        String query = matching.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        URI uri = URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
        byte[] body = Watchdog.run(uri + ": QIDO-RS", timeoutSeconds, Progress.NONE, dog -> {
            HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(
                    timeoutSeconds)).header("Accept", "application/dicom+json").GET().build());
            dog.alive();
            try (InputStream in = response.body()) {
                byte[] b = in.readNBytes((int) MAX_SEARCH_BYTES + 1);
                if (b.length > MAX_SEARCH_BYTES) {
                    throw new PacsException(uri + ": the answer is larger than " + (MAX_SEARCH_BYTES >> 20)
                            + " MB of search results; narrow the search");
                }
                return response.statusCode() == 204 ? new byte[0] : b;
            }
        }, () -> { });
        if (body.length == 0) {
            return List.of();
        }
        Object json;
        try {
            json = JsonReader.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new PacsException(uri + ": answer is not JSON (" + e.getMessage() + ")");
        }
        if (!(json instanceof List<?> list)) {
            throw new PacsException(uri + ": answer is not a JSON array of datasets");
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
                out.add(m);
            }
        }
        return out;
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws PacsException, InterruptedException {
        try {
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() >= 300) {
                r.body().close();
                throw new PacsException(request.uri() + ": HTTP " + r.statusCode());
            }
            return r;
        } catch (java.net.http.HttpTimeoutException e) {
            throw new PacsException(request.uri() + ": no answer within " + timeoutSeconds + " s; given up (the"
                    + " timeout is set with --timeout)", e);
        } catch (IOException e) {
            if (e instanceof PacsException p) {
                throw p;
            }
            throw new PacsException(request.uri() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The first value of a DICOM JSON attribute as text (person names by their alphabetic form). */
    private static String text(Map<?, ?> dataset, String tag) {
        if (!(dataset.get(tag) instanceof Map<?, ?> attribute) || !(attribute.get("Value") instanceof List<?> v)
                || v.isEmpty()) {
            return "";
        }
        List<String> values = new ArrayList<>();
        for (Object o : v) {
            if (o instanceof Map<?, ?> name) {
                values.add(String.valueOf(name.get("Alphabetic")));
            } else if (o instanceof Double d && d == Math.rint(d)) {
                values.add(Long.toString(d.longValue()));
            } else {
                values.add(String.valueOf(o));
            }
        }
        return String.join("\\", values);
    }

    private static int number(Map<?, ?> dataset, String tag) {
        String t = text(dataset, tag);
        try {
            return t.isEmpty() ? 0 : Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
