package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Segment;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.Mesher;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * From a loaded CT to a printable file: threshold, optionally keep the largest piece, surface,
 * smooth, reduce, check and export. Every step is a catalog service called through
 * {@link CaseOperations}, so the workbench and {@code releng/run model} do exactly the same, and
 * the provenance records each step.
 */
public final class ModelPipeline {

    /** What to build; {@code range} is a preset name or "LO:HI" in HU. */
    public record Options(String range, boolean largest, int smoothIterations, String reduceTarget, Path out,
            Printer printer) {
    }

    /** The outcome: the final mesh, its repairs and printability report, and each stage's time (ms). */
    public record Result(Mesh mesh, MeshRepair.Result repairs, PrintabilityReport report, Map<String, Long> stageMillis) {
    }

    private final CaseOperations operations;
    private final Map<String, Long> times = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    public ModelPipeline(CaseOperations operations) {
        this.operations = operations;
    }

    /**
     * Lets the surface service get ready (e.g. load native libraries) on a background thread while
     * the caller still loads the scan, and has the mesh stages compiled on an otherwise idle core
     * (switched off with {@code -Dtwinprint.warmUp=false}); {@link #run} works and gives the same
     * with or without it.
     */
    public void prepareInBackground() {
        Mesher mesher = operations.catalog().require(ServiceKind.MESHER, Mesher.class, "mesh.surface");
        Thread t = new Thread(mesher::prepare, "TwinPrint prepare surface");
        t.setDaemon(true);
        t.start();
        if (Boolean.parseBoolean(System.getProperty("twinprint.warmUp", "true"))) {
            JitWarmUp.startOnIdleCore();
        }
    }

    public Result run(Case c, Options o, Progress progress) throws IOException {
        ServiceCatalog catalog = operations.catalog();
        Map<String, String> threshold = thresholdParameters(o.range());
        String name = threshold.get("segment");
        long t0 = System.nanoTime();
        operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.threshold"), threshold, progress);
        lap("threshold", t0);
        if (o.largest()) {
            long t = System.nanoTime();
            operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                    "segment.largest-island"), Map.of("segment", name, "connectivity", "26"), progress);
            lap("largest island", t);
        }
        Segment segment = c.labelMap().segment(name).orElseThrow();
        long t = System.nanoTime();
        Mesh mesh = operations.mesh(c, catalog.require(ServiceKind.MESHER, Mesher.class, "mesh.surface"), segment,
                Map.of(), progress);
        lap("surface", t);
        if (o.smoothIterations() > 0) {
            t = System.nanoTime();
            mesh = operations.filter(c, catalog.require(ServiceKind.MESH_FILTER, MeshFilter.class, "mesh.smooth"),
                    mesh, Map.of("iterations", Integer.toString(o.smoothIterations())), progress);
            lap("smooth", t);
        }
        if (o.reduceTarget() != null) {
            t = System.nanoTime();
            mesh = operations.filter(c, catalog.require(ServiceKind.MESH_FILTER, MeshFilter.class, "mesh.reduce"),
                    mesh, Map.of("target", o.reduceTarget()), progress);
            lap("reduce", t);
        }
        t = System.nanoTime();
        MeshRepair.Result repairs = MeshRepair.repair(mesh, 1, 30);
        c.replaceMesh(mesh, repairs.mesh());
        mesh = repairs.mesh();
        operations.recordStep(c, catalog.require(ServiceKind.MESH_FILTER, MeshFilter.class, "mesh.repair"),
                Map.of("min-shell-volume", "1", "max-hole-edges", "30"), repairs.summary());
        lap("repair", t);
        // the file is written while the (CPU-bound) check runs: the two need nothing from each other
        Mesh finished = mesh;
        Case only = new Case(c.name());
        java.util.concurrent.CompletableFuture<Void> export = null;
        if (o.out() != null) {
            MeshFormat format = MeshFormat.of(o.out());
            Exporter exporter = catalog.require(ServiceKind.EXPORTER, Exporter.class, "export." + format.extension());
            only.addMesh(finished);
            export = java.util.concurrent.CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                try {
                    operations.export(only, exporter, o.out(), Map.of(), progress);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                lap("export", start);
            }, runnable -> new Thread(runnable, "TwinPrint export").start());
        }
        t = System.nanoTime();
        PrintabilityReport report = PrintabilityReport.of(mesh, o.printer(), repairs.topology());
        lap("check", t);
        if (export != null) {
            try {
                export.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            c.record(only.provenance().get(0));
        }
        return new Result(mesh, repairs, report, new LinkedHashMap<>(times));
    }

    private void lap(String stage, long start) {
        times.put(stage, (System.nanoTime() - start) / 1_000_000);
    }

    /** "bone" or "700:3071" as parameters of the threshold tool. */
    static Map<String, String> thresholdParameters(String range) {
        if (range.contains(":")) {
            String[] lohi = range.split(":", 2);
            if (lohi[0].isBlank() || lohi[1].isBlank()) {
                throw new IllegalArgumentException("--segment " + range + ": write the range as LO:HI, e.g. 700:3071");
            }
            return Map.of("preset", "custom", "lower", lohi[0].strip(), "upper", lohi[1].strip(), "segment",
                    "Model " + range.strip());
        }
        return Map.of("preset", range, "segment", Character.toUpperCase(range.charAt(0)) + range.substring(1));
    }

    /** Stage names in pipeline order, for reports; the export overlaps the check. */
    public static List<String> stages() {
        return List.of("threshold", "largest island", "surface", "smooth", "reduce", "repair", "check", "export");
    }
}
