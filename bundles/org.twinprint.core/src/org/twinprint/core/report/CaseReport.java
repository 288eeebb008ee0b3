package org.twinprint.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.Problem;

/**
 * A case as a JSON-ready tree: series geometry, segments, meshes and provenance. Every position
 * is in millimetres in patient LPS, and the document says so.
 */
public final class CaseReport {

    private CaseReport() {
    }

    public static Map<String, Object> of(Case c) {
        Map<String, Object> root = header();
        root.put("case", c.name());
        root.put("series", c.series().stream().map(CaseReport::series).toList());
        LabelMap map = c.labelMap();
        List<Object> segments = new ArrayList<>();
        if (map != null) {
            for (Segment s : map.segments()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", s.label());
                m.put("name", s.name());
                m.put("color", s.hexColor());
                m.put("voxels", map.voxelCount(s));
                m.put("volumeMl", map.volumeMm3(s) / 1000);
                segments.add(m);
            }
        }
        root.put("segments", segments);
        root.put("meshes", c.meshes().stream().map(CaseReport::mesh).toList());
        root.put("markups", c.markups().stream().map(CaseReport::markup).toList());
        root.put("provenance", provenance(c));
        return root;
    }

    /** A markup: its name, kind, points (LPS mm) and what it measures. */
    public static Map<String, Object> markup(org.twinprint.core.model.Markup m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", m.name());
        j.put("type", m.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        j.put("points", m.points().stream().map(p -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("label", p.label());
            point.put("lps", new double[] { p.position().x(), p.position().y(), p.position().z() });
            return point;
        }).toList());
        if (m.normal() != null) {
            org.twinprint.core.model.Vec3 n = m.unitNormal();
            j.put("normal", new double[] { n.x(), n.y(), n.z() });
        }
        if (!m.unit().isEmpty()) {
            j.put("measurement", m.measurement());
            j.put("unit", m.unit());
        }
        return j;
    }

    /** The case's steps, oldest first, as JSON-ready maps. */
    public static List<Map<String, Object>> provenance(Case c) {
        return c.provenance().stream().map(CaseReport::step).toList();
    }

    /** What {@code info} prints: every series found and every file that could not be read. */
    public static Map<String, Object> ofImport(String path, List<Series> series, List<Problem> problems) {
        Map<String, Object> root = header();
        root.put("path", path);
        root.put("series", series.stream().map(CaseReport::series).toList());
        root.put("problems", problems.stream().map(p -> Map.of("file", p.file().toString(), "problem", p.message()))
                .toList());
        return root;
    }

    private static Map<String, Object> header() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "twinprint-report/1");
        root.put("units", "mm");
        root.put("coordinateSystem", "LPS");
        return root;
    }

    public static Map<String, Object> series(Series s) {
        Volume v = s.volume();
        Geometry g = v.geometry();
        Volume.Statistics stats = v.statistics();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uid", s.uid());
        m.put("description", s.description());
        m.put("modality", s.modality());
        m.put("source", s.source());
        m.put("dimensions", new int[] { g.nx(), g.ny(), g.nz() });
        m.put("spacing", g.spacing().toArray());
        m.put("origin", g.origin().toArray());
        m.put("direction", List.of(g.dirI().toArray(), g.dirJ().toArray(), g.dirK().toArray()));
        m.put("unit", v.unit());
        m.put("min", stats.min());
        m.put("max", stats.max());
        m.put("mean", stats.mean());
        m.put("sum", stats.sum());
        m.put("warnings", s.warnings());
        return m;
    }

    private static Map<String, Object> mesh(Mesh mesh) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", mesh.name());
        m.put("vertices", mesh.vertexCount());
        m.put("triangles", mesh.triangleCount());
        Mesh.Measures measures = mesh.measures();
        m.put("volumeMm3", measures.volumeMm3());
        m.put("areaMm2", measures.areaMm2());
        return m;
    }

    private static Map<String, Object> step(ProvenanceEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("service", e.serviceId());
        m.put("plugin", e.pluginId());
        m.put("version", e.pluginVersion());
        m.put("parameters", e.parameters());
        m.put("summary", e.summary());
        return m;
    }

}
