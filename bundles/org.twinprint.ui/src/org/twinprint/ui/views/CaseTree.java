package org.twinprint.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;

/** The case as a tree of labelled nodes: series, segments, meshes and provenance. */
record CaseTree(String label, List<CaseTree> children) {

    static CaseTree leaf(String label) {
        return new CaseTree(label, List.of());
    }

    static CaseTree of(Case c) {
        List<CaseTree> series = new ArrayList<>();
        for (Series s : c.series()) {
            Geometry g = s.volume().geometry();
            List<CaseTree> details = new ArrayList<>();
            details.add(leaf(String.format(Locale.ROOT, "%d x %d x %d voxels", g.nx(), g.ny(), g.nz())));
            details.add(leaf(String.format(Locale.ROOT, "spacing %.4f x %.4f x %.4f mm", g.spacing().x(),
                    g.spacing().y(), g.spacing().z())));
            details.add(leaf(String.format(Locale.ROOT, "origin (%.2f, %.2f, %.2f) mm LPS", g.origin().x(),
                    g.origin().y(), g.origin().z())));
            s.warnings().forEach(w -> details.add(leaf("warning: " + w)));
            series.add(new CaseTree(s.modality() + " " + s.description(), details));
        }
        List<CaseTree> segments = new ArrayList<>();
        LabelMap map = c.labelMap();
        if (map != null) {
            for (Segment s : map.segments()) {
                segments.add(leaf(String.format(Locale.ROOT, "%s  %.1f ml", s.name(), map.volumeMm3(s) / 1000)));
            }
        }
        List<CaseTree> steps = new ArrayList<>();
        for (ProvenanceEntry e : c.provenance()) {
            steps.add(leaf(e.serviceId() + " (" + e.pluginId() + " " + e.pluginVersion() + "): " + e.summary()));
        }
        List<CaseTree> meshes = c.meshes().stream()
                .map(m -> leaf(m.name() + "  " + m.triangleCount() + " triangles")).toList();
        return new CaseTree(c.name(), List.of(new CaseTree("Series", series), new CaseTree("Segments", segments),
                new CaseTree("Meshes", meshes), new CaseTree("Provenance", steps)));
    }
}
