package org.twinprint.core.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.spi.CanceledException;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.Mesher;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Prediction;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.core.spi.TwinPrintService;

/**
 * The one way services change a case, shared by the workbench and the command line: it checks
 * the parameters, runs the service, and records in the provenance which plugin did what.
 */
public final class CaseOperations {

    private final ServiceCatalog catalog;

    public CaseOperations(ServiceCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public ServiceCatalog catalog() {
        return catalog;
    }

    /** Finds an importer that accepts the path and adds what it loads to the case. */
    public ImportResult importInto(Case target, Path path, Map<String, String> raw, Progress progress)
            throws IOException {
        Importer importer = catalog.services(Importer.class).stream().filter(i -> i.canImport(path)).findFirst()
                .orElseThrow(() -> new IOException(path + ": no importer recognises this file or folder"));
        return importInto(target, importer, path, raw, progress);
    }

    public ImportResult importInto(Case target, Importer importer, Path path, Map<String, String> raw,
            Progress progress) throws IOException {
        Parameters parameters = Parameters.of(importer, raw);
        ImportResult result;
        try {
            result = importer.importFrom(path, parameters, progress);
        } catch (CanceledException | IOException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(importer, e);
        }
        for (Series s : result.series()) {
            target.addSeries(s);
        }
        for (Mesh m : result.meshes()) {
            target.addMesh(m);
        }
        Map<String, String> recorded = new LinkedHashMap<>(parameters.asMap());
        recorded.put("path", path.toString());
        record(target, importer, recorded, result.series().size() + " series and " + result.meshes().size()
                + " meshes loaded, " + result.problems().size() + " files with problems");
        return result;
    }

    public String segment(Case target, SegmentationTool tool, Map<String, String> raw, Progress progress) {
        Parameters parameters = Parameters.of(tool, raw);
        // without undo history (a one-shot run) there is nothing to put back: a failure ends the run
        LabelSnapshot before = target.keepsUndoHistory() ? LabelSnapshot.of(target) : null;
        String summary;
        try {
            summary = tool.apply(target, parameters, progress);
        } catch (RuntimeException | LinkageError e) {
            if (before != null) {
                before.restore(target); // a failed or cancelled tool leaves no half-edited segments
            }
            if (e instanceof CanceledException c) {
                throw c;
            }
            throw failure(tool, e);
        }
        if (before != null) {
            target.pushEdit(before.editTo(target, tool.label()));
        }
        record(target, tool, parameters.asMap(), summary);
        target.fireChanged();
        return summary;
    }

    /**
     * Records a step that a caller ran itself (to read more of its result than a mesh), so the
     * provenance stays complete.
     */
    public void recordStep(Case target, TwinPrintService service, Map<String, String> parameters, String summary) {
        record(target, service, parameters, summary);
    }

    /** Takes back the last segment edit, and says so in the provenance. */
    public java.util.Optional<String> undo(Case target) {
        java.util.Optional<String> what = target.undo();
        what.ifPresent(w -> target.record(new ProvenanceEntry(Instant.now(), "edit.undo", "org.twinprint.core", "",
                Map.of(), "undid " + w)));
        return what;
    }

    /** Does again the last segment edit taken back. */
    public java.util.Optional<String> redo(Case target) {
        java.util.Optional<String> what = target.redo();
        what.ifPresent(w -> target.record(new ProvenanceEntry(Instant.now(), "edit.redo", "org.twinprint.core", "",
                Map.of(), "redid " + w)));
        return what;
    }

    /** Surfaces one segment and adds the mesh to the case. */
    public Mesh mesh(Case target, Mesher mesher, Segment segment, Map<String, String> raw, Progress progress) {
        Parameters parameters = Parameters.of(mesher, raw);
        Mesh mesh;
        try {
            mesh = mesher.mesh(target, segment, parameters, progress);
        } catch (CanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(mesher, e);
        }
        target.addMesh(mesh);
        Map<String, String> recorded = new LinkedHashMap<>(parameters.asMap());
        recorded.put("segment", segment.name());
        record(target, mesher, recorded, mesh.name() + ": " + mesh.triangleCount() + " triangles");
        return mesh;
    }

    /** Runs a mesh filter; the result replaces the input mesh in the case. */
    public Mesh filter(Case target, MeshFilter filter, Mesh input, Map<String, String> raw, Progress progress) {
        Parameters parameters = Parameters.of(filter, raw);
        Mesh output;
        try {
            output = filter.apply(input, parameters, progress);
        } catch (CanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(filter, e);
        }
        int bad = firstNonFinite(output.vertices());
        if (bad >= 0) {
            // a filter's bug must not reach a file: the case keeps its input mesh
            throw failure(filter, new IllegalStateException("it gave vertex " + bad / 3 + " of " + input.name()
                    + " the coordinate " + output.vertices()[bad] + "; the mesh is left as it was"));
        }
        target.replaceMesh(input, output);
        Map<String, String> recorded = new LinkedHashMap<>(parameters.asMap());
        recorded.put("mesh", input.name());
        record(target, filter, recorded, input.triangleCount() + " -> " + output.triangleCount() + " triangles");
        return output;
    }

    /**
     * Designs a part on the case's anatomy (a guide, a fitted plate, a registered post-op model):
     * the part joins the case's meshes, replacing one of its name, and the step is recorded.
     */
    public Mesh design(Case target, ImplantDesigner designer, Map<String, String> raw, Progress progress) {
        Parameters parameters = Parameters.of(designer, raw);
        Mesh part;
        try {
            part = designer.design(target, parameters, progress);
        } catch (CanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(designer, e);
        }
        int bad = firstNonFinite(part.vertices());
        if (bad >= 0) {
            throw failure(designer, new IllegalStateException("it gave vertex " + bad / 3 + " of " + part.name()
                    + " the coordinate " + part.vertices()[bad] + "; the case is left as it was"));
        }
        target.removeMeshes(part.name());
        target.addMesh(part);
        record(target, designer, parameters.asMap(), part.name() + ": " + part.triangleCount() + " triangles");
        return part;
    }

    /** Writes the case (or its meshes) with an exporter; the file appears whole or not at all. */
    public void export(Case source, Exporter exporter, Path file, Map<String, String> raw, Progress progress)
            throws IOException {
        Parameters parameters = Parameters.of(exporter, raw);
        try {
            exporter.export(source, file, parameters, progress);
        } catch (CanceledException | IOException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(exporter, e);
        }
        Map<String, String> recorded = new LinkedHashMap<>(parameters.asMap());
        recorded.put("file", file.toString());
        record(source, exporter, recorded, "wrote " + file.getFileName());
    }

    public List<Prediction> predict(Case target, OutcomeModel model, Map<String, String> raw, Progress progress) {
        Parameters parameters = Parameters.of(model, raw);
        List<Prediction> predictions;
        try {
            predictions = List.copyOf(model.predict(target, parameters, progress));
        } catch (CanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw failure(model, e);
        }
        target.putResult("prediction:" + model.id(), predictions);
        record(target, model, parameters.asMap(), predictions.size() + " predictions");
        return predictions;
    }

    /** The index of the first coordinate that is not a finite number, or -1. */
    private static int firstNonFinite(float[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What a throwing service becomes: an IllegalArgumentException says the user's parameters or
     * data do not fit, and passes unchanged; anything else is a failure of the plugin, named.
     */
    private RuntimeException failure(TwinPrintService service, Throwable cause) {
        if (cause instanceof IllegalArgumentException bad) {
            return bad;
        }
        return new ServiceFailure(catalog.entryOf(service).orElse(null), service.id(), cause);
    }

    private void record(Case target, TwinPrintService service, Map<String, String> parameters, String summary) {
        ServiceEntry entry = catalog.entryOf(service).orElse(null);
        target.record(new ProvenanceEntry(Instant.now(), service.id(),
                entry == null ? "unregistered" : entry.pluginId(),
                entry == null ? "" : entry.pluginVersion(), parameters, summary));
    }
}
