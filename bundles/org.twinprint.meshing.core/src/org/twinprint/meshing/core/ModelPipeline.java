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
 * smooth, reduce, fit to the voxel volume, repair, check and export. The one recipe for a model:
 * {@code releng/run model}, the demo and the workbench's Make model all run it. Every step is a
 * catalog service called through {@link CaseOperations}, and the provenance records each step.
 */
public final class ModelPipeline {

    /**
     * What to build: {@code segments} are "NAME=LO:HI", "LO:HI" or a preset name (HU), each
     * thresholded into a segment of its own; {@code segmentsFrom}, if not null, is a DICOM SEG or
     * RTSTRUCT whose segments are taken as they are; {@code existing} names segments the case
     * has already (painted, say), taken as they are. Every segment becomes one model in the file.
     */
    public record Options(List<String> segments, Path segmentsFrom, List<String> existing, boolean largest,
            int smoothIterations, String reduceTarget, Path out, Printer printer) {

        public Options {
            segments = List.copyOf(segments);
            existing = List.copyOf(existing);
            if (segments.isEmpty() && segmentsFrom == null && existing.isEmpty()) {
                throw new org.twinprint.core.spi.BadParameterException("a model needs at least one --segment or --segments-from");
            }
        }

        public Options(List<String> segments, Path segmentsFrom, boolean largest, int smoothIterations,
                String reduceTarget, Path out, Printer printer) {
            this(segments, segmentsFrom, List.of(), largest, smoothIterations, reduceTarget, out, printer);
        }

        /**
         * The workbench's and the demo's model of a segment the case has: 10 smoothing steps, half
         * the triangles, fitted, repaired and checked, kept in the case and written nowhere.
         */
        public static Options ofSegment(String name) {
            return new Options(List.of(), null, List.of(name), false, 10, "0.5", null, null);
        }

        /** One thresholded segment, as before several could be asked for. */
        public Options(String range, boolean largest, int smoothIterations, String reduceTarget, Path out,
                Printer printer) {
            this(List.of(range), null, largest, smoothIterations, reduceTarget, out, printer);
        }
    }

    /** One segment's model: the final mesh, its repairs and printability report. */
    public record Model(String segment, Mesh mesh, MeshRepair.Result repairs, PrintabilityReport report) {
    }

    /**
     * The outcome: one model per segment, warnings about the segments (overlapping ranges), and
     * each stage's time (ms, summed over the segments).
     */
    public record Result(List<Model> models, List<String> warnings, Map<String, Long> stageMillis) {

        /** The first model's mesh: the only one when one segment was asked for. */
        public Mesh mesh() {
            return models.get(0).mesh();
        }

        public MeshRepair.Result repairs() {
            return models.get(0).repairs();
        }

        public PrintabilityReport report() {
            return models.get(0).report();
        }

        public boolean printable() {
            return models.stream().allMatch(m -> m.report().printable());
        }
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
        List<String> warnings = new java.util.ArrayList<>();
        List<String> names = segment(c, o, warnings, progress);
        List<Mesh> meshes = new java.util.ArrayList<>();
        List<MeshRepair.Result> repaired = new java.util.ArrayList<>();
        for (String name : names) {
            MeshRepair.Result r = build(c, name, o, progress);
            repaired.add(r);
            meshes.add(r.mesh());
        }
        // the file is written while the (CPU-bound) checks run: they need nothing from each other
        Case only = new Case(c.name());
        java.util.concurrent.CompletableFuture<Void> export = null;
        if (o.out() != null) {
            MeshFormat format = MeshFormat.of(o.out());
            Exporter exporter = catalog.require(ServiceKind.EXPORTER, Exporter.class, "export." + format.extension());
            meshes.forEach(only::addMesh);
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
        List<Model> models = new java.util.ArrayList<>();
        long t = System.nanoTime();
        for (int i = 0; i < names.size(); i++) {
            PrintabilityReport report = PrintabilityReport.of(meshes.get(i), o.printer(), repaired.get(i).topology());
            models.add(new Model(names.get(i), meshes.get(i), repaired.get(i), report));
        }
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
        return new Result(models, warnings, new LinkedHashMap<>(times));
    }

    /** Makes the segments asked for; returns their names, in order. */
    private List<String> segment(Case c, Options o, List<String> warnings, Progress progress) {
        ServiceCatalog catalog = operations.catalog();
        List<String> names = new java.util.ArrayList<>();
        List<double[]> ranges = new java.util.ArrayList<>();
        long t0 = System.nanoTime();
        for (String spec : o.segments()) {
            Map<String, String> threshold = thresholdParameters(spec);
            String name = threshold.get("segment");
            if (names.contains(name)) {
                throw new org.twinprint.core.spi.BadParameterException("--segment " + spec + ": a segment named '" + name
                        + "' is asked for twice");
            }
            SegmentationTool tool = catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                    "segment.threshold");
            org.twinprint.core.spi.Parameters ran = org.twinprint.core.spi.Parameters.of(tool, threshold);
            double[] range = { ran.number("lower"), ran.number("upper") };
            for (int i = 0; i < ranges.size(); i++) {
                if (range[0] <= ranges.get(i)[1] && ranges.get(i)[0] <= range[1]) {
                    warnings.add("segments '" + names.get(i) + "' and '" + name + "' share the values from "
                            + (long) Math.max(range[0], ranges.get(i)[0]) + " to " + (long) Math.min(range[1],
                                    ranges.get(i)[1]) + ": a voxel holds one segment, '" + name + "' keeps them");
                }
            }
            operations.segment(c, tool, threshold, progress);
            names.add(name);
            ranges.add(range);
        }
        for (String name : o.existing()) {
            if (c.labelMap() == null || c.labelMap().segment(name).isEmpty() || names.contains(name)) {
                throw new IllegalArgumentException("no segment '" + name + "' to make a model of");
            }
            names.add(name);
        }
        if (o.segmentsFrom() != null) {
            String summary = fromFile(c, o.segmentsFrom(), progress);
            if (summary.contains("WARNING")) {
                warnings.add(summary.substring(summary.indexOf("WARNING")));
            }
            // every segment the file brought (the case holds no others but the thresholded ones)
            c.labelMap().segments().stream().map(Segment::name).filter(n -> !names.contains(n)).forEach(names::add);
        }
        lap("threshold", t0);
        if (names.isEmpty()) {
            throw new IllegalArgumentException(o.segmentsFrom() + ": holds no segment");
        }
        return names;
    }

    /** Segments from a DICOM SEG or RTSTRUCT: whichever of the two tools reads the file. */
    private String fromFile(Case c, Path file, Progress progress) {
        IllegalArgumentException first = null;
        for (String id : List.of("segment.from-seg", "segment.from-rtstruct")) {
            try {
                return operations.segment(c, operations.catalog().require(ServiceKind.SEGMENTATION_TOOL,
                        SegmentationTool.class, id), Map.of("file", file.toString()), progress);
            } catch (IllegalArgumentException e) {
                first = first == null ? e : first;
            }
        }
        throw new IllegalArgumentException(file + ": neither a DICOM SEG nor an RTSTRUCT of this series ("
                + first.getMessage() + ")");
    }

    /** One segment to a repaired mesh in the case: largest piece, surface, smoothing, reduction, repair. */
    private MeshRepair.Result build(Case c, String name, Options o, Progress progress) {
        ServiceCatalog catalog = operations.catalog();
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
        // the model holds the segment's voxels: what the surface cut off at voxel corners and the reduction took
        t = System.nanoTime();
        mesh = operations.filter(c, catalog.require(ServiceKind.MESH_FILTER, MeshFilter.class, "mesh.fit-volume"),
                mesh, Map.of("volume", Double.toString(c.labelMap().volumeMm3(segment))), progress);
        lap("fit volume", t);
        t = System.nanoTime();
        MeshRepair.Result repairs = MeshRepair.repair(mesh, 1, 30);
        c.replaceMesh(mesh, repairs.mesh());
        operations.recordStep(c, catalog.require(ServiceKind.MESH_FILTER, MeshFilter.class, "mesh.repair"),
                Map.of("min-shell-volume", "1", "max-hole-edges", "30"), repairs.summary());
        lap("repair", t);
        return repairs;
    }

    private void lap(String stage, long start) {
        times.merge(stage, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }

    /** "bone", "700:3071" or "Skull=700:3071" as parameters of the threshold tool. */
    public static Map<String, String> thresholdParameters(String spec) {
        int eq = spec.indexOf('=');
        if (eq > 0) {
            String name = spec.substring(0, eq).strip();
            Map<String, String> p = new LinkedHashMap<>(thresholdParameters(spec.substring(eq + 1)));
            p.put("segment", name);
            return p;
        }
        String range = spec;
        if (range.contains(":")) {
            String[] lohi = range.split(":", 2);
            if (lohi[0].isBlank() || lohi[1].isBlank()) {
                throw new org.twinprint.core.spi.BadParameterException("--segment " + range + ": write the range as LO:HI, e.g. 700:3071");
            }
            return Map.of("preset", "custom", "lower", lohi[0].strip(), "upper", lohi[1].strip(), "segment",
                    "Model " + range.strip());
        }
        return Map.of("preset", range, "segment", Character.toUpperCase(range.charAt(0)) + range.substring(1));
    }

    /** Stage names in pipeline order, for reports; the export overlaps the check. */
    public static List<String> stages() {
        return List.of("threshold", "largest island", "surface", "smooth", "reduce", "fit volume", "repair", "check",
                "export");
    }
}
