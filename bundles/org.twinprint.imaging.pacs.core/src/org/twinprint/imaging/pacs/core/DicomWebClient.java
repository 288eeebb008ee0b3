package org.twinprint.imaging.pacs.core;

import java.io.IOException;
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
 */
public final class DicomWebClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public DicomWebClient(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
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

    /** WADO-RS of one series into {@code folder}: one file per instance, each written atomically. */
    public List<Path> retrieve(String studyUid, String seriesUid, Path folder, Progress progress)
            throws PacsException {
        URI uri = URI.create(base + "/studies/" + studyUid + "/series/" + seriesUid);
        progress.begin("Retrieving series " + seriesUid + " from " + base, 2);
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri)
                .header("Accept", "multipart/related; type=\"application/dicom\"").GET().build());
        progress.worked(1);
        String type = response.headers().firstValue("Content-Type").orElse("");
        List<byte[]> parts = Multipart.parts(response.body(), type);
        if (parts.isEmpty()) {
            throw new PacsException(uri + ": the answer holds no DICOM instances");
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < parts.size(); i++) {
                progress.checkCanceled();
                Path target = folder.resolve(String.format("%s-%05d.dcm", seriesUid, i + 1));
                Path part = Files.createTempFile(folder, ".wado-", ".part");
                Files.write(part, parts.get(i));
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                files.add(target);
            }
        } catch (IOException e) {
            throw new PacsException(folder + ": cannot write the retrieved series (" + e.getMessage() + ")", e);
        }
        progress.worked(1);
        return files;
    }

    private List<Map<?, ?>> search(String path, Map<String, String> matching) throws PacsException {
        String query = matching.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        URI uri = URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri).header("Accept", "application/dicom+json")
                .GET().build());
        if (response.statusCode() == 204 || response.body().length == 0) {
            return List.of();
        }
        Object json;
        try {
            json = JsonReader.parse(new String(response.body(), StandardCharsets.UTF_8));
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

    private HttpResponse<byte[]> send(HttpRequest request) throws PacsException {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() >= 300) {
                throw new PacsException(request.uri() + ": HTTP " + r.statusCode());
            }
            return r;
        } catch (IOException e) {
            throw new PacsException(request.uri() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PacsException(request.uri() + ": interrupted", e);
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
