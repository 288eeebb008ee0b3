package org.twinprint.casefile.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.twinprint.casefile.core.CaseFileException;
import org.twinprint.casefile.core.CaseFileFormat;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.report.JsonReader;
import org.twinprint.core.spi.Progress;

/**
 * Reads a {@code .twinprint} file into a new case. Everything is checked before the case is
 * handed out: the manifest's format and schema, every entry's presence, length and SHA-256, and
 * the geometry; any problem is a {@link CaseFileException} naming the file and what is wrong.
 */
final class CaseReader {

    private final Path file;
    private final ZipFile zip;
    private final Progress progress;

    private CaseReader(Path file, ZipFile zip, Progress progress) {
        this.file = file;
        this.zip = zip;
        this.progress = progress;
    }

    static Case read(Path file, String readBy, Progress progress) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new CaseFileException(file, "not a TwinPrint case file, or a damaged one (not a readable zip: "
                    + e.getMessage() + ")");
        }
        try (zip) {
            return new CaseReader(file, zip, progress).read(readBy);
        } catch (CaseFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CaseFileException(file, "damaged (" + describe(e) + ")", e);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private Case read(String readBy) throws IOException {
        Map<String, Object> manifest = manifest(readBy);
        List<?> series = list(manifest, "series");
        List<?> meshes = list(manifest, "meshes");
        progress.begin("Opening " + file.getFileName(), series.size() + meshes.size() + 1);
        Case c = new Case(string(manifest, "name"));
        c.keepUndoHistory(false); // nothing to take back while it is filled
        // the series and meshes inflate on all cores at once; the labels follow the series they lie on
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "case file inflate");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<Series>> seriesRead = new ArrayList<>();
            for (Object s : series) {
                seriesRead.add(pool.submit(() -> series(map(s))));
            }
            List<Future<Mesh>> meshesRead = new ArrayList<>();
            for (Object m : meshes) {
                meshesRead.add(pool.submit(() -> mesh(map(m))));
            }
            for (Future<Series> s : seriesRead) {
                c.addSeries(done(s));
                progress.worked(1);
            }
            if (manifest.get("labelMap") instanceof Map<?, ?> labels) {
                labels(c, map(labels));
            }
            for (Future<Mesh> m : meshesRead) {
                c.addMesh(done(m));
                progress.worked(1);
            }
        } finally {
            pool.shutdownNow();
        }
        if ((int) number(manifest, "schemaVersion") >= 2) { // schema 1 had no markups
            try {
                org.twinprint.casefile.core.SlicerMarkups.fromJson(list(manifest, "markups")).forEach(c::putMarkup);
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                throw new CaseFileException(file, "its markups are damaged (" + describe(e) + ")");
            }
        }
        for (Object p : list(manifest, "provenance")) {
            Map<String, Object> e = map(p);
            Map<String, String> parameters = new LinkedHashMap<>();
            map(e.get("parameters")).forEach((k, v) -> parameters.put(k, String.valueOf(v)));
            c.record(new ProvenanceEntry(Instant.parse(string(e, "time")), string(e, "serviceId"), text(e, "pluginId"),
                    text(e, "pluginVersion"), parameters, text(e, "summary")));
        }
        if (manifest.get("results") instanceof Map<?, ?> results) {
            results.forEach((k, v) -> c.putResult(String.valueOf(k), v));
        }
        c.keepUndoHistory(true);
        return c;
    }

    /** What a task read, or what went wrong reading it. */
    private static <T> T done(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("opening was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    private Map<String, Object> manifest(String readBy) throws IOException {
        ZipEntry entry = zip.getEntry(CaseFileFormat.MANIFEST);
        if (entry == null) {
            throw new CaseFileException(file, "not a TwinPrint case file (no " + CaseFileFormat.MANIFEST + ")");
        }
        String text;
        try (InputStream in = zip.getInputStream(entry)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Object parsed;
        try {
            parsed = JsonReader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CaseFileException(file, CaseFileFormat.MANIFEST + " is damaged (" + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> m) || !CaseFileFormat.FORMAT.equals(m.get("format"))) {
            throw new CaseFileException(file, "not a TwinPrint case file (" + CaseFileFormat.MANIFEST
                    + " does not say format \"" + CaseFileFormat.FORMAT + "\")");
        }
        Map<String, Object> manifest = map(m);
        int schema = (int) number(manifest, "schemaVersion");
        if (schema > CaseFileFormat.SCHEMA_VERSION) {
            throw new CaseFileException(file, "written by " + manifest.get("writtenBy") + " in case schema " + schema
                    + "; " + readBy + " reads case schemas up to " + CaseFileFormat.SCHEMA_VERSION
                    + ": open it with a newer TwinPrint");
        }
        if (schema < 1) {
            throw new CaseFileException(file, "case schema " + schema + " does not exist");
        }
        return manifest;
    }

    private Series series(Map<String, Object> s) throws IOException {
        progress.checkCanceled();
        Geometry g = geometry(map(s.get("geometry")));
        short[] voxels = new short[Math.toIntExact(g.voxelCount())];
        Map<String, Object> data = map(s.get("data"));
        expectBytes(data, 2L * voxels.length);
        try (InputStream in = open(data)) {
            ArrayCodec.readShorts(in, voxels, g.nx() * g.ny());
            verify(data, in);
        } catch (IOException e) {
            throw damaged(data, e);
        }
        List<String> warnings = new ArrayList<>();
        list(s, "warnings").forEach(w -> warnings.add(String.valueOf(w)));
        return new Series(string(s, "uid"), string(s, "description"), string(s, "modality"),
                new Volume(g, voxels, text(s, "unit")), text(s, "source"), warnings);
    }

    private void labels(Case c, Map<String, Object> m) throws IOException {
        progress.checkCanceled();
        Geometry g = geometry(map(m.get("geometry")));
        if (c.series().isEmpty() || !c.series().get(0).volume().geometry().equals(g)) {
            throw new CaseFileException(file, "the label map's grid is not the first series' grid");
        }
        LabelMap labels = c.labelMapForEditing();
        Map<String, Object> data = map(m.get("data"));
        expectBytes(data, labels.labels().length);
        try (InputStream in = open(data)) {
            ArrayCodec.readFully(in, labels.labels(), labels.labels().length);
            verify(data, in);
        } catch (IOException e) {
            throw damaged(data, e);
        }
        List<?> more = m.containsKey("moreLayers") ? list(m, "moreLayers") : List.of(); // schema 3
        labels.setLayerCount(1 + more.size());
        for (int n = 1; n <= more.size(); n++) {
            Map<String, Object> layer = map(more.get(n - 1));
            expectBytes(layer, labels.layer(n).length);
            try (InputStream in = open(layer)) {
                ArrayCodec.readFully(in, labels.layer(n), labels.layer(n).length);
                verify(layer, in);
            } catch (IOException e) {
                throw damaged(layer, e);
            }
        }
        for (Object o : list(m, "segments")) {
            Map<String, Object> s = map(o);
            int layer = s.containsKey("layer") ? (int) number(s, "layer") : 0;
            if (layer < 0 || layer >= labels.layerCount()) {
                throw new CaseFileException(file, "segment '" + s.get("name") + "' lies in layer " + layer + " of "
                        + labels.layerCount());
            }
            labels.addSegment(layer, (int) number(s, "label"), string(s, "name"),
                    Integer.parseInt(string(s, "color").substring(1), 16));
        }
        progress.worked(1);
    }

    private Mesh mesh(Map<String, Object> m) throws IOException {
        progress.checkCanceled();
        int vertices = (int) number(m, "vertices"), triangles = (int) number(m, "triangles");
        Map<String, Object> data = map(m.get("data"));
        expectBytes(data, 12L * vertices + 12L * triangles);
        float[] v = new float[3 * vertices];
        int[] t = new int[3 * triangles];
        try (InputStream in = open(data)) {
            ArrayCodec.readFloats(in, v);
            ArrayCodec.readInts(in, t);
            verify(data, in);
        } catch (IOException e) {
            throw damaged(data, e);
        }
        for (int corner : t) {
            if (corner < 0 || corner >= vertices) {
                throw new CaseFileException(file, data.get("entry") + ": a triangle names vertex " + corner + " of "
                        + vertices);
            }
        }
        return new Mesh(string(m, "name"), Integer.parseInt(string(m, "color").substring(1), 16), v, t);
    }

    /** A read that failed inside an entry, named with the entry (a checked failure passes as it is). */
    private CaseFileException damaged(Map<String, Object> data, IOException e) {
        return e instanceof CaseFileException c ? c
                : new CaseFileException(file, data.get("entry") + " is damaged (" + describe(e) + ")", e);
    }

    private void expectBytes(Map<String, Object> data, long bytes) throws CaseFileException {
        if ((long) number(data, "bytes") != bytes) {
            throw new CaseFileException(file, data.get("entry") + " should hold " + bytes + " bytes, the manifest says "
                    + (long) number(data, "bytes"));
        }
    }

    private InputStream open(Map<String, Object> data) throws IOException {
        String name = string(data, "entry");
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new CaseFileException(file, "entry " + name + " is missing");
        }
        InputStream raw = zip.getInputStream(entry);
        if ("deflate".equals(data.get("compression"))) { // deflated by the writer, stored in the zip as it is
            raw = new java.util.zip.InflaterInputStream(raw, new java.util.zip.Inflater(true), 1 << 16);
        }
        return new DigestInputStream(new java.io.BufferedInputStream(raw, 1 << 16), CaseWriter.sha256());
    }

    /** The entry must end here and have the digest the manifest gives. */
    private void verify(Map<String, Object> data, InputStream in) throws IOException {
        if (in.read() != -1) {
            throw new CaseFileException(file, data.get("entry") + " is damaged (longer than the manifest says)");
        }
        String digest = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        if (!digest.equals(data.get("sha256"))) {
            throw new CaseFileException(file, data.get("entry") + " is damaged (its SHA-256 is not the one saved)");
        }
    }

    private Geometry geometry(Map<String, Object> g) throws CaseFileException {
        List<?> dims = list(g, "dimensions");
        try {
            return new Geometry(((Number) dims.get(0)).intValue(), ((Number) dims.get(1)).intValue(),
                    ((Number) dims.get(2)).intValue(), vec(g, "spacing"), vec(g, "origin"), vec(g, "directionI"),
                    vec(g, "directionJ"), vec(g, "directionK"));
        } catch (IllegalArgumentException e) {
            throw new CaseFileException(file, "a geometry is impossible (" + e.getMessage() + ")");
        }
    }

    private Vec3 vec(Map<String, Object> g, String key) throws CaseFileException {
        List<?> v = list(g, key);
        if (v.size() != 3) {
            throw new CaseFileException(file, key + " has " + v.size() + " coordinates, not 3");
        }
        return new Vec3(((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue(),
                ((Number) v.get(2)).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object o) throws CaseFileException {
        if (!(o instanceof Map<?, ?>)) {
            throw new CaseFileException(file, CaseFileFormat.MANIFEST + " is damaged (an object is missing)");
        }
        return (Map<String, Object>) o;
    }

    private List<?> list(Map<String, Object> m, String key) throws CaseFileException {
        if (!(m.get(key) instanceof List<?> l)) {
            throw new CaseFileException(file, CaseFileFormat.MANIFEST + " is damaged (no list '" + key + "')");
        }
        return l;
    }

    private String string(Map<String, Object> m, String key) throws CaseFileException {
        if (!(m.get(key) instanceof String s)) {
            throw new CaseFileException(file, CaseFileFormat.MANIFEST + " is damaged (no text '" + key + "')");
        }
        return s;
    }

    /** A text that may be null (written as null, or left out). */
    private String text(Map<String, Object> m, String key) throws CaseFileException {
        Object v = m.get(key);
        if (v != null && !(v instanceof String)) {
            throw new CaseFileException(file, CaseFileFormat.MANIFEST + " is damaged ('" + key + "' is not text)");
        }
        return (String) v;
    }

    private double number(Map<String, Object> m, String key) throws CaseFileException {
        if (!(m.get(key) instanceof Number n)) {
            throw new CaseFileException(file, CaseFileFormat.MANIFEST + " is damaged (no number '" + key + "')");
        }
        return n.doubleValue();
    }
}
