package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.report.CaseReport;
import org.twinprint.core.report.Json;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.PluginProblem;
import org.twinprint.core.service.ServiceEntry;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.demo.DemoCase;
import org.twinprint.imaging.dicom.core.DicomIndex;
import org.twinprint.meshing.core.MeshFormat;
import org.twinprint.meshing.core.ModelPipeline;
import org.twinprint.meshing.core.PrintabilityReport;
import org.twinprint.meshing.core.Printer;
import org.twinprint.meshing.core.Printers;

/**
 * The subcommands of {@code releng/run}. Each one calls the same services the workbench calls,
 * through {@link CaseOperations}. Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
public final class Commands {

    private static final Map<String, String> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("help", "help                       list the subcommands");
        SUBCOMMANDS.put("demo", "demo [--out DIR]           main job on the demo case: load the CT head phantom,"
                + " segment the skull (>= 700 HU, largest piece), write DIR/skull.stl and DIR/report.json");
        SUBCOMMANDS.put("info", "info <path>                print every series found under <path> as JSON"
                + " (dimensions, spacing, origin, direction in LPS mm, value range, warnings)");
        SUBCOMMANDS.put("tools", "tools                      list every service with its plugin, version and"
                + " parameters");
        SUBCOMMANDS.put("model", "model [<path>|--case FILE] --segment [NAME=]<preset|LO:HI> [--segment ...]"
                + " [--segments-from SEG|RTSTRUCT] [--largest] [--smooth N] [--reduce TRIANGLES|RATIO]"
                + " --out <file.stl|.obj|.ply|.3mf|.glb> [--report report.json] [--printer NAME] [--save-case FILE]   CT"
                + " to printable models, one per segment (one object each in 3MF; no <path>: the demo case); a"
                + " <path> ending .twinprint is a saved case");
        SUBCOMMANDS.put("convert", "convert <path> --out <vol.nrrd|.nii|.nii.gz|.mha|.mhd> [--labels <labels.nrrd|...>"
                + " --segment [NAME=]<preset|LO:HI> ...]   the volume as loaded (resampled grid, LPS mm) in a"
                + " research format; --labels also writes segments as a label volume");
        SUBCOMMANDS.put("check", "check <mesh.stl> [--printer NAME] [--out FILE]   printability report of a mesh"
                + " as JSON; --out also exports it (.stl, .obj, .ply, .3mf, .glb)");
        SUBCOMMANDS.put("filter", "filter <mesh.stl> <filter-id> [--flag value]... --out FILE   run a mesh filter"
                + " (mesh.smooth, mesh.reduce, ...) and export the result");
        SUBCOMMANDS.put("install-plugin", "install-plugin <feature-id> [--repository DIR|URL]   install a lab"
                + " plugin from a p2 repository (default: the one this build made) into the product");
        SUBCOMMANDS.put("studies", "studies <folder>           patients, studies and series under a folder as JSON,"
                + " from the headers only (what the study browser lists); load one with 'info'");
        SUBCOMMANDS.put("deidentify", "deidentify <folder> --out DIR --patient-id ID [--patient-name NAME]"
                + " [--series UID] [--keep-dates-shifted-by DAYS] [--allow-burned-in]   de-identified copies (PS3.15 basic profile,"
                + " new UIDs consistent across the export; dates and times removed unless kept, shifted back)"
                + " of every image under <folder>, or of one series");
        SUBCOMMANDS.put("pacs", PacsCommand.USAGE);
        SUBCOMMANDS.put("segment", "segment <path|demo|case.twinprint> <tool> [--flag value]... [+ <tool> [--flag"
                + " value]...] [--out report.json] [--seg segments.dcm] [--save-case FILE]   run segmentation tools in"
                + " order and print the case report; --seg also writes the segments as a DICOM SEG of the series,"
                + " --save-case the whole case");
        SUBCOMMANDS.put("case", "case <case.twinprint>   what a saved case holds, as JSON: series, segments with"
                + " volumes, meshes, markups, provenance, and a SHA-256 of each part's data");
        SUBCOMMANDS.put("cut", CutCommand.USAGE);
        SUBCOMMANDS.put("distance", DistanceCommand.USAGE);
        SUBCOMMANDS.put("implant", ImplantCommand.USAGE + "\n  " + CranialCommand.USAGE + "\n  " + GuideCommand.USAGE
                + "\n  " + CompareCommand.USAGE + "\n  " + CaseDesignCommand.USAGE);
        SUBCOMMANDS.put("predict", PredictCommand.USAGE);
        SUBCOMMANDS.put("explain", ExplainCommand.USAGE);
        SUBCOMMANDS.put("markups", "markups <case.twinprint or file> [--add plan.mrk.json]... [--out plan.mrk.json]"
                + " [--save-case FILE]   add 3D Slicer markups (landmarks, lines, angles, planes, closed curves)"
                + " to a case, write the case's markups as Slicer markups JSON, and save the case");
    }

    private final CaseOperations operations;
    private final PrintStream out;
    private final PrintStream err;
    private final CaseInputs cases;
    private final PlanCommands plan;

    public Commands(CaseOperations operations, PrintStream out, PrintStream err) {
        this.operations = operations;
        this.out = out;
        this.err = err;
        this.cases = new CaseInputs(operations, out, err);
        this.plan = new PlanCommands(cases, out, err);
    }

    public int run(List<String> args) {
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            return switch (command) {
            case "help", "--help", "-h" -> help();
            case "tools" -> tools();
            case "info" -> info(rest);
            case "demo" -> demo(rest);
            case "segment" -> segment(rest);
            case "model" -> model(rest);
            case "convert" -> convert(rest);
            case "check" -> check(rest);
            case "filter" -> filter(rest);
            case "pacs" -> new PacsCommand(out, new ConsoleProgress(err)).run(rest);
            case "studies" -> studies(rest);
            case "deidentify" -> deidentify(rest);
            case "case" -> plan.showCase(rest);
            case "markups" -> plan.markups(rest);
            case "cut" -> plan.cut(rest);
            case "distance" -> plan.distance(rest);
            case "implant" -> plan.implant(rest);
            case "predict" -> new PredictCommand(cases, operations, out, err).run(rest);
            case "explain" -> new ExplainCommand(cases, err).run(rest);
            case "install-plugin" -> usage("install-plugin changes the installation: run it as 'releng/run install-plugin'");
            default -> usage("unknown subcommand '" + command + "'");
            };
        } catch (org.twinprint.core.spi.BadParameterException e) {
            return usage(e.getMessage()); // exit 2 is for wrong usage only; bad data is exit 1 below
        } catch (IOException | RuntimeException | LinkageError e) {
            // a plugin's failure ends this command with its name, never with a stack trace
            err.println("twinprint " + command + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        } catch (OutOfMemoryError e) {
            // the heap is sized from the input (releng/lib/launch.sh): say which input did not fit
            err.println("twinprint " + command + ": " + inputOf(rest) + ": out of memory (" + e.getMessage()
                    + "); the data needs a larger heap than " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB: set TWINPRINT_VMARGS=-Xmx<size>");
            return 1;
        }
    }

    /** The first argument that is not a flag: the file or folder a command reads. */
    private static String inputOf(List<String> args) {
        return args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("the input");
    }

    private int help() {
        out.println("TwinPrint command line. Usage: releng/run <subcommand> [arguments]");
        out.println("Positions and sizes are millimetres in patient LPS coordinates.");
        out.println();
        SUBCOMMANDS.values().forEach(line -> out.println("  " + line));
        out.println();
        out.println("Segmentation tools (releng/run tools shows their flags): "
                + String.join(", ", operations.catalog().ids(ServiceKind.SEGMENTATION_TOOL)));
        return 0;
    }

    private int usage(String problem) {
        err.println("twinprint: " + problem);
        err.println("run 'releng/run help' for the list of subcommands");
        return 2;
    }

    private int tools() {
        out.printf("%-20s %-26s %s%n", "KIND", "ID", "PLUGIN VERSION");
        for (ServiceEntry e : operations.catalog().entries()) {
            out.printf("%-20s %-26s %s %s%n", e.kind().label(), e.service().id(), e.pluginId(), e.pluginVersion());
            out.printf("%-20s %-26s %s%n", "", "", e.service().label()
                    + (e.service().description().isEmpty() ? "" : ": " + e.service().description()));
            for (ParameterSpec p : e.service().parameters()) {
                out.printf("%-20s %-26s --%s %s%s%s%n", "", "", p.key(), p.type().name().toLowerCase(),
                        p.required() ? " (required)" : " (default " + p.defaultValue() + ")",
                        p.unit().isEmpty() ? "" : " [" + p.unit() + "]");
            }
        }
        for (PluginProblem p : operations.catalog().problems()) {
            out.println("problem              " + p);
        }
        return 0;
    }

    private int info(List<String> args) throws IOException {
        if (args.size() != 1) {
            return usage("info takes one path");
        }
        Path path = Path.of(args.get(0));
        Importer importer = operations.catalog().services(Importer.class).stream().filter(i -> i.canImport(path))
                .findFirst().orElseThrow(() -> new IOException(path + ": no importer recognises this file or folder"));
        long start = System.nanoTime();
        ImportResult result = importer.importFrom(path, Parameters.defaults(importer.parameters()),
                new ConsoleProgress(err));
        err.printf("[twinprint] stage load: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        out.print(Json.write(CaseReport.ofImport(path.toString(), result.series(), result.problems())));
        cases.reportProblems(result.problems());
        return result.series().isEmpty() ? 1 : 0;
    }

    private int studies(List<String> args) throws IOException {
        if (args.size() != 1) {
            return usage("studies takes one folder");
        }
        DicomIndex.Result index = DicomIndex.scan(Path.of(args.get(0)), new ConsoleProgress(err));
        List<Object> series = new ArrayList<>();
        for (DicomIndex.IndexedSeries s : index.series()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("patientId", s.patientId());
            m.put("patientName", s.patientName());
            m.put("studyInstanceUid", s.studyUid());
            m.put("studyDate", s.studyDate());
            m.put("studyDescription", s.studyDescription());
            m.put("seriesInstanceUid", s.seriesUid());
            m.put("seriesNumber", s.seriesNumber());
            m.put("modality", s.modality());
            m.put("description", s.description());
            m.put("files", s.files().size());
            m.put("objects", s.objects().stream().map(Commands::object).toList());
            series.add(m);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", args.get(0));
        json.put("series", series);
        json.put("otherObjects", index.others().stream().map(Commands::object).toList());
        json.put("problems", index.problems().stream().map(p -> Map.of("file", p.file().toString(), "problem",
                p.message())).toList());
        out.print(Json.write(json));
        return index.series().isEmpty() ? 1 : 0;
    }

    private static Map<String, Object> object(DicomIndex.RelatedObject o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", o.file().toString());
        m.put("modality", o.modality());
        m.put("description", o.description());
        m.put("referencedSeriesInstanceUid", o.referencedSeriesUid());
        return m;
    }

    private int deidentify(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of(ParameterSpec.flag("allow-burned-in", "", false, "")));
        String outDir = flags.take("out");
        String id = flags.take("patient-id");
        String name = flags.take("patient-name");
        String series = flags.take("series");
        String shift = flags.take("keep-dates-shifted-by");
        boolean burnedIn = Boolean.parseBoolean(flags.take("allow-burned-in"));
        if (flags.positional().size() != 1 || outDir == null || id == null) {
            return usage("deidentify needs <folder>, --out DIR and --patient-id ID");
        }
        Path folder = Path.of(flags.positional().get(0));
        Progress progress = new ConsoleProgress(err);
        List<Path> files = new ArrayList<>();
        DicomIndex.Result index = DicomIndex.scan(folder, progress);
        for (DicomIndex.IndexedSeries s : index.series()) {
            if (series == null || s.seriesUid().equals(series)) {
                files.addAll(s.files());
                s.objects().forEach(o -> files.add(o.file())); // structure sets and SEGs go with their images
            }
        }
        if (files.isEmpty()) {
            throw new IOException(folder + ": no image" + (series == null ? "s" : " of series " + series));
        }
        var deidentifier = new org.twinprint.imaging.dicom.core.Deidentifier(name, id);
        if (shift != null) {
            try {
                deidentifier = deidentifier.retainingDatesShiftedBy(Integer.parseInt(shift.strip()));
            } catch (NumberFormatException e) {
                return usage("--keep-dates-shifted-by takes a whole number of days, not '" + shift + "'");
            }
        }
        if (burnedIn) {
            deidentifier = deidentifier.includingBurnedInAnnotation();
        }
        var report = deidentifier.export(files, Path.of(outDir), progress);
        index.problems().forEach(p -> err.println("[twinprint] left out " + p));
        report.leftOut().forEach(p -> err.println("[twinprint] left out " + p));
        out.println("De-identified " + report.written().size() + " files into " + Path.of(outDir).toAbsolutePath()
                + (report.leftOut().isEmpty() ? "" : "; " + report.leftOut().size() + " left out (named above)"));
        return report.written().isEmpty() ? 1 : 0;
    }

    private int demo(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of());
        Path outDir = Path.of(flags.values().getOrDefault("out", "twinprint-demo-out")).toAbsolutePath();
        Progress progress = new ConsoleProgress(err);
        Case c = DemoCase.load(operations, progress);
        c.keepUndoHistory(false); // a run that ends with its files: nothing takes an edit back
        String summary = DemoCase.segmentSkull(c, operations, progress);
        ModelPipeline.Result built = DemoCase.buildSkullModel(c, operations, progress);
        Mesh skull = built.mesh();
        Path stl = outDir.resolve("skull.stl");
        Case model = new Case(c.name());
        model.addMesh(skull);
        operations.export(model, operations.catalog().require(ServiceKind.EXPORTER, Exporter.class, "export.stl"), stl,
                Map.of(), progress);
        c.record(model.provenance().get(0));
        Path report = outDir.resolve("report.json");
        Map<String, Object> json = new LinkedHashMap<>(CaseReport.of(c));
        json.put("printability", built.report().toMap());
        AtomicFiles.writeString(report, Json.write(json));
        out.println(summary);
        out.println("Skull model: " + skull.triangleCount() + " triangles, " + String.format(java.util.Locale.ROOT,
                "%.1f ml", skull.volumeMm3() / 1000));
        out.println("Results: " + stl + " and " + report);
        return 0;
    }

    private int segment(List<String> args) throws IOException {
        if (args.size() < 2) {
            return usage("segment takes a path (or 'demo') and at least one tool id");
        }
        Progress progress = new ConsoleProgress(err);
        if (args.get(0).equals("--case")) {
            args = args.subList(1, args.size()); // --case FILE: the file is the input, as a path ending .twinprint is
        }
        Case c = args.get(0).equals("demo") ? DemoCase.load(operations, progress) : cases.input(args.get(0), progress);
        c.keepUndoHistory(false); // a run that ends with its files: nothing takes an edit back
        String reportFile = null;
        String segFile = null;
        String caseFile = null;
        for (List<String> step : splitSteps(args.subList(1, args.size()))) {
            SegmentationTool tool = operations.catalog().require(ServiceKind.SEGMENTATION_TOOL,
                    SegmentationTool.class, step.get(0));
            Flags flags = Flags.parse(step.subList(1, step.size()), tool.parameters());
            String out = flags.take("out");
            reportFile = out != null ? out : reportFile;
            String seg = flags.take("seg");
            segFile = seg != null ? seg : segFile;
            String save = flags.take("save-case");
            caseFile = save != null ? save : caseFile;
            err.println("[twinprint] " + operations.segment(c, tool, flags.values(), progress));
        }
        // what can be written is written: a SEG that cannot be made does not take the report with it
        String segProblem = null;
        if (segFile != null) {
            try {
                operations.export(c, operations.catalog().require(ServiceKind.EXPORTER, Exporter.class,
                        "export.dicom-seg"), Path.of(segFile), Map.of(), progress);
                out.println("DICOM SEG: " + Path.of(segFile).toAbsolutePath());
            } catch (IOException | RuntimeException e) {
                segProblem = Path.of(segFile) + ": not written: " + e.getMessage();
            }
        }
        if (caseFile != null) {
            cases.saveCase(c, caseFile, progress);
        }
        Map<String, Object> report = new LinkedHashMap<>(CaseReport.of(c));
        if (segProblem != null) {
            report.put("notWritten", List.of(segProblem));
        }
        String json = Json.write(report);
        if (reportFile != null) {
            AtomicFiles.writeString(Path.of(reportFile), json);
            out.println("Results: " + Path.of(reportFile).toAbsolutePath());
        } else {
            out.print(json);
        }
        if (segProblem != null) {
            err.println("twinprint segment: " + segProblem);
            return 1;
        }
        return 0;
    }

    /** The exporter of a research format, chosen by the file's name. */
    private Exporter volumeExporter(String file) {
        String name = file.toLowerCase(java.util.Locale.ROOT);
        String id = name.endsWith(".nrrd") ? "export.nrrd" : name.endsWith(".nii") || name.endsWith(".nii.gz")
                ? "export.nifti" : name.endsWith(".mha") || name.endsWith(".mhd") ? "export.mha" : null;
        if (id == null) {
            throw new org.twinprint.core.spi.BadParameterException(file + ": write .nrrd, .nii, .nii.gz, .mha or .mhd");
        }
        return operations.catalog().require(ServiceKind.EXPORTER, Exporter.class, id);
    }

    private int convert(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of(), java.util.Set.of("segment"));
        String outFile = flags.take("out");
        String labelsFile = flags.take("labels");
        List<String> segments = flags.takeAll("segment");
        if (flags.positional().size() != 1 || outFile == null) {
            return usage("convert needs <path> and --out <file>");
        }
        if (!flags.values().isEmpty()) {
            return usage("convert: unknown flag --" + flags.values().keySet().iterator().next());
        }
        if (labelsFile != null && segments.isEmpty()) {
            return usage("convert --labels needs the segments: --segment [NAME=]<preset|LO:HI>, repeated");
        }
        Exporter image = volumeExporter(outFile);
        Exporter labels = labelsFile == null ? null : volumeExporter(labelsFile);
        Progress progress = new ConsoleProgress(err);
        Path path = Path.of(flags.positional().get(0));
        Case c = new Case(path.getFileName().toString());
        cases.reportProblems(operations.importInto(c, path, Map.of(), progress).problems());
        if (c.series().isEmpty()) {
            throw new IOException(path + ": no volume could be loaded");
        }
        c.keepUndoHistory(false);
        c.series().get(0).warnings().forEach(w -> err.println("[twinprint] " + c.series().get(0).uid() + ": " + w));
        operations.export(c, image, Path.of(outFile), Map.of("what", "image"), progress);
        out.println("Volume: " + Path.of(outFile).toAbsolutePath());
        if (labels != null) {
            SegmentationTool threshold = operations.catalog().require(ServiceKind.SEGMENTATION_TOOL,
                    SegmentationTool.class, "segment.threshold");
            for (String spec : segments) {
                err.println("[twinprint] " + operations.segment(c, threshold, ModelPipeline.thresholdParameters(spec),
                        progress));
            }
            operations.export(c, labels, Path.of(labelsFile), Map.of("what", "labels"), progress);
            out.println("Labels: " + Path.of(labelsFile).toAbsolutePath() + " (" + String.join(", ",
                    c.labelMap().segments().stream().map(s -> s.label() + " = " + s.name()).toList()) + ")");
        }
        return 0;
    }

    private int model(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of(ParameterSpec.flag("largest", "", false, "")),
                java.util.Set.of("segment"));
        List<String> ranges = flags.takeAll("segment");
        String from = flags.take("segments-from");
        String outFile = flags.take("out");
        if (ranges.isEmpty() && from == null || outFile == null) {
            return usage("model needs --segment [NAME=]<preset|LO:HI> (repeated for several) or --segments-from"
                    + " <SEG|RTSTRUCT>, and --out <file>");
        }
        boolean largest = Boolean.parseBoolean(flags.take("largest"));
        String smooth = flags.take("smooth");
        String reduce = flags.take("reduce");
        String reportFile = flags.take("report");
        String printerName = flags.take("printer");
        String caseIn = flags.take("case");
        String caseOut = flags.take("save-case");
        if (!flags.values().isEmpty()) {
            return usage("model: unknown flag --" + flags.values().keySet().iterator().next());
        }
        if (flags.positional().size() + (caseIn == null ? 0 : 1) > 1) {
            return usage("model takes at most one input path");
        }
        // no printer asked: the report takes the first listed one that holds the model
        Printer printer = printerName == null ? null : Printers.find(Printers.defaults(), printerName);
        int iterations;
        try {
            iterations = smooth == null ? 0 : Integer.parseInt(smooth);
        } catch (NumberFormatException e) {
            return usage("--smooth takes a whole number of iterations, not '" + smooth + "'");
        }
        Progress progress = new ConsoleProgress(err);
        long start = System.nanoTime();
        ModelPipeline pipeline = new ModelPipeline(operations);
        pipeline.prepareInBackground(); // the surface's native libraries load while the scan does
        Case c = caseIn != null ? cases.input(caseIn, progress) : flags.positional().isEmpty()
                ? DemoCase.load(operations, progress) : cases.input(flags.positional().get(0), progress);
        c.keepUndoHistory(false); // a run that ends with its files: nothing takes an edit back
        long loaded = System.nanoTime();
        ModelPipeline.Result result = pipeline.run(c, new ModelPipeline.Options(ranges,
                from == null ? null : Path.of(from), largest, iterations, reduce, Path.of(outFile), printer), progress);
        // one model: its report at the top, as before; several: each in "models", with the overall verdict
        Map<String, Object> report = new LinkedHashMap<>();
        List<Object> models = new ArrayList<>();
        for (ModelPipeline.Model m : result.models()) {
            Map<String, Object> one = new LinkedHashMap<>(m.report().toMap());
            one.put("segment", m.segment());
            one.put("repairs", m.repairs().toMap());
            models.add(one);
        }
        if (models.size() == 1) {
            @SuppressWarnings("unchecked")
            Map<String, Object> only = (Map<String, Object>) models.get(0);
            report.putAll(only);
        } else {
            report.put("printable", result.printable());
            report.put("units", "mm");
            report.put("coordinateSystem", "LPS");
            report.put("models", models);
        }
        report.put("segmentWarnings", result.warnings());
        report.put("stageMillis", result.stageMillis());
        report.put("provenance", CaseReport.provenance(c));
        if (caseOut != null) {
            cases.saveCase(c, caseOut, progress);
        }
        String json = Json.write(report);
        if (reportFile != null) {
            AtomicFiles.writeString(Path.of(reportFile), json);
        } else {
            out.print(json);
        }
        err.printf("[twinprint] stage load: %d ms%n", (loaded - start) / 1_000_000);
        result.stageMillis().forEach((stage, ms) -> err.printf("[twinprint] stage %s: %d ms%n", stage, ms));
        err.printf("[twinprint] total after start-up: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        result.warnings().forEach(w -> err.println("[twinprint] warning: " + w));
        for (ModelPipeline.Model m : result.models()) {
            List<String> summary = m.report().summary();
            out.println("Model " + m.segment() + ": " + Path.of(outFile).toAbsolutePath() + " (" + summary.get(0)
                    + ")");
            summary.subList(1, summary.size()).forEach(line -> out.println("  " + line));
        }
        return result.printable() ? 0 : 1;
    }

    private void exportMeshes(Case c, String file) throws IOException {
        Path target = Path.of(file);
        MeshFormat format = MeshFormat.of(target);
        operations.export(c, operations.catalog().require(ServiceKind.EXPORTER, Exporter.class,
                "export." + format.extension()), target, Map.of(), new ConsoleProgress(err));
        out.println("Wrote " + target.toAbsolutePath());
    }

    private int check(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of());
        if (flags.positional().size() != 1) {
            return usage("check takes one mesh file");
        }
        String printerName = flags.take("printer");
        String outFile = flags.take("out");
        // no printer asked: the report takes the first listed one that holds the model
        Printer printer = printerName == null ? null : Printers.find(Printers.defaults(), printerName);
        Case c = cases.importMesh(flags.positional().get(0));
        PrintabilityReport report = PrintabilityReport.of(c.meshes().get(0), printer);
        out.print(Json.write(report.toMap()));
        if (!report.printable()) {
            err.println("twinprint check: " + flags.positional().get(0) + ": NOT printable: "
                    + String.join("; ", report.failures()));
        }
        if (outFile != null) {
            exportMeshes(c, outFile);
        }
        return report.printable() ? 0 : 1;
    }

    private int filter(List<String> args) throws IOException {
        if (args.size() < 2) {
            return usage("filter takes a mesh file and a filter id");
        }
        MeshFilter meshFilter = operations.catalog().require(ServiceKind.MESH_FILTER, MeshFilter.class, args.get(1));
        Flags flags = Flags.parse(args.subList(2, args.size()), meshFilter.parameters());
        String outFile = flags.take("out");
        if (outFile == null) {
            return usage("filter needs --out FILE");
        }
        Case c = cases.importMesh(args.get(0));
        long start = System.nanoTime();
        Mesh result = operations.filter(c, meshFilter, c.meshes().get(0), flags.values(), new ConsoleProgress(err));
        err.printf("[twinprint] stage %s: %d ms%n", meshFilter.id(), (System.nanoTime() - start) / 1_000_000);
        out.println(meshFilter.id() + ": " + result.triangleCount() + " triangles");
        exportMeshes(c, outFile);
        return 0;
    }

    private static List<List<String>> splitSteps(List<String> words) {
        List<List<String>> steps = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String w : words) {
            if (w.equals("+")) {
                steps.add(current);
                current = new ArrayList<>();
            } else {
                current.add(w);
            }
        }
        steps.add(current);
        steps.removeIf(List::isEmpty);
        return steps;
    }
}
