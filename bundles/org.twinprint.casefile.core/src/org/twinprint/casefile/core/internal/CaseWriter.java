package org.twinprint.casefile.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.twinprint.casefile.core.CaseFileFormat;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.report.Json;
import org.twinprint.core.spi.Progress;

/**
 * Writes a case as a {@code .twinprint} zip: the voxel arrays and meshes first, each entry's
 * SHA-256 noted as it streams past, then {@code case.json}, which names them all.
 */
final class CaseWriter {

    static final String VOXELS = "int16le, each slice's low bytes then its high bytes";
    static final String LABELS = "uint8, one label per voxel of the first series' grid";
    static final String MESH = "float32le x y z per vertex, then int32le corners per triangle";

    private final ZipOutputStream zip;
    private final Progress progress;
    /** Deflates the arrays on every core (ChunkedDeflate); the zip then stores what they made. */
    private final ExecutorService pool;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    private CaseWriter(OutputStream out, Progress progress) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // the fastest deflate level: CT compresses nearly as well at it, several times as fast
        zip.setLevel(Deflater.BEST_SPEED);
        this.progress = progress;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "case file deflate");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes {@code c} to {@code out} (left open). */
    static void write(Case c, String writtenBy, OutputStream out, Progress progress) throws IOException {
        CaseWriter w = new CaseWriter(out, progress);
        try {
            w.write(c, writtenBy);
        } finally {
            w.pool.shutdownNow();
        }
    }

    private void write(Case c, String writtenBy) throws IOException {
        List<Series> series = c.series();
        List<Mesh> meshes = c.meshes();
        progress.begin("Saving " + c.name(), series.size() + meshes.size() + 2);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", CaseFileFormat.FORMAT);
        manifest.put("schemaVersion", CaseFileFormat.SCHEMA_VERSION);
        manifest.put("writtenBy", writtenBy);
        manifest.put("units", "mm");
        manifest.put("coordinateSystem", "LPS");
        manifest.put("name", c.name());
        List<Object> seriesOut = new ArrayList<>();
        for (int n = 0; n < series.size(); n++) {
            seriesOut.add(series(series.get(n), n));
        }
        manifest.put("series", seriesOut);
        LabelMap labels = c.labelMap();
        if (labels != null) {
            manifest.put("labelMap", labels(labels));
        }
        List<Object> meshesOut = new ArrayList<>();
        for (int n = 0; n < meshes.size(); n++) {
            meshesOut.add(mesh(meshes.get(n), n));
        }
        manifest.put("meshes", meshesOut);
        manifest.put("markups", org.twinprint.casefile.core.SlicerMarkups.toJson(c.markups()));
        List<Object> provenance = new ArrayList<>();
        for (ProvenanceEntry e : c.provenance()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("time", e.time().toString());
            p.put("serviceId", e.serviceId());
            p.put("pluginId", e.pluginId());
            p.put("pluginVersion", e.pluginVersion());
            p.put("parameters", new java.util.TreeMap<>(e.parameters()));
            p.put("summary", e.summary());
            provenance.add(p);
        }
        manifest.put("provenance", provenance);
        manifest.put("results", c.results());
        zip.putNextEntry(new ZipEntry(CaseFileFormat.MANIFEST));
        zip.write(Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        progress.worked(1);
    }

    private Map<String, Object> series(Series s, int n) throws IOException {
        progress.checkCanceled();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uid", s.uid());
        m.put("description", s.description());
        m.put("modality", s.modality());
        m.put("source", s.source());
        m.put("warnings", s.warnings());
        m.put("unit", s.volume().unit());
        Geometry g = s.volume().geometry();
        m.put("geometry", geometry(g));
        String entry = "series/" + n + "/voxels";
        m.put("data", entry(entry, VOXELS, out -> ArrayCodec.writeShorts(s.volume().voxels(), g.nx() * g.ny(), out)));
        progress.worked(1);
        return m;
    }

    private Map<String, Object> labels(LabelMap labels) throws IOException {
        progress.checkCanceled();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("geometry", geometry(labels.geometry()));
        List<Object> segments = new ArrayList<>();
        for (Segment s : labels.segments()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", s.label());
            one.put("name", s.name());
            one.put("color", s.hexColor());
            one.put("layer", s.layer());
            segments.add(one);
        }
        m.put("segments", segments);
        m.put("data", entry("labels/labels", LABELS, out -> out.write(labels.labels())));
        List<Object> more = new ArrayList<>(); // the layers of segments that overlap those of the first
        for (int n = 1; n < labels.layerCount(); n++) {
            byte[] layer = labels.layer(n);
            more.add(entry("labels/layer-" + n, LABELS, out -> out.write(layer)));
        }
        m.put("moreLayers", more);
        progress.worked(1);
        return m;
    }

    private Map<String, Object> mesh(Mesh mesh, int n) throws IOException {
        progress.checkCanceled();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", mesh.name());
        m.put("color", String.format("#%06x", mesh.rgb() & 0xffffff));
        m.put("vertices", mesh.vertexCount());
        m.put("triangles", mesh.triangleCount());
        m.put("data", entry("meshes/" + n, MESH, out -> {
            ArrayCodec.writeFloats(mesh.vertices(), out);
            ArrayCodec.writeInts(mesh.triangles(), out);
        }));
        progress.worked(1);
        return m;
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes one zip entry: the data deflated on every core into a raw deflate stream, stored as
     * it is. Returns its description for the manifest (name, encoding, compression, bytes and
     * SHA-256 of the data before compression).
     */
    private Map<String, Object> entry(String name, String encoding, Body body) throws IOException {
        MessageDigest sha = sha256();
        ChunkedDeflate deflate = new ChunkedDeflate(pool, threads);
        CountingStream counted = new CountingStream(new DigestOutputStream(deflate, sha));
        java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(counted, 1 << 16);
        body.write(buffered);
        buffered.flush();
        ChunkedDeflate.Packed packed = deflate.finish();
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(packed.length());
        entry.setCompressedSize(packed.length());
        entry.setCrc(packed.crc());
        zip.putNextEntry(entry);
        for (byte[] piece : packed.pieces()) {
            zip.write(piece);
        }
        zip.closeEntry();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry", name);
        m.put("encoding", encoding);
        m.put("compression", "deflate");
        m.put("bytes", counted.count);
        m.put("sha256", HexFormat.of().formatHex(sha.digest()));
        return m;
    }

    static Map<String, Object> geometry(Geometry g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimensions", List.of(g.nx(), g.ny(), g.nz()));
        m.put("spacing", exact(g.spacing()));
        m.put("origin", exact(g.origin()));
        m.put("directionI", exact(g.dirI()));
        m.put("directionJ", exact(g.dirJ()));
        m.put("directionK", exact(g.dirK()));
        return m;
    }

    /** Every digit of each coordinate: the geometry comes back to the bit. */
    private static List<Object> exact(Vec3 v) {
        return List.of(BigDecimal.valueOf(v.x()), BigDecimal.valueOf(v.y()), BigDecimal.valueOf(v.z()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes that pass. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
