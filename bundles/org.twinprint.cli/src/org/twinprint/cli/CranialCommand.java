package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Volume;
import org.twinprint.core.report.CaseReport;
import org.twinprint.core.report.Json;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.implant.core.CranialImplant;
import org.twinprint.implant.core.ImplantServices;
import org.twinprint.meshing.core.ModelPipeline;

/**
 * {@code releng/run implant cranial}: a skull (a scan, a skull mask or label file, or a case with
 * a skull segment) to a mirrored cranial implant, meshed through the one model recipe (repaired,
 * checked), with its design measures and printability in one report.
 */
final class CranialCommand {

    static final String USAGE = "implant cranial <scan, mask or case> [--segment NAME | --threshold LO:HI]"
            + " [--thickness MM] [--flange MM] [--flange-thickness MM] [--gap MM] [--rounding MM] [--keep-plane]"
            + " [--out implant.stl] [--report implant.json] [--save-case FILE]   mirror the skull's healthy side"
            + " across its mid-sagittal plane into the defect (a mask or label file: voxels above 0 are bone; a CT:"
            + " the bone preset)";

    private static final String SKULL = "Skull";
    private static final String IMPLANT = "Implant";

    private final CaseInputs cases;
    private final CaseOperations operations;
    private final PrintStream out;
    private final PrintStream err;

    CranialCommand(CaseInputs cases, CaseOperations operations, PrintStream out, PrintStream err) {
        this.cases = cases;
        this.operations = operations;
        this.out = out;
        this.err = err;
    }

    /** The exit code: 0 when the implant's model is printable, 1 when not. */
    int run(List<String> args) throws IOException {
        SegmentationTool tool = operations.catalog().require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                ImplantServices.CRANIAL);
        Flags flags = Flags.parse(args, List.of(ParameterSpec.flag("keep-plane", "", false, "")));
        String segment = flags.take("segment"), threshold = flags.take("threshold");
        String outFile = flags.take("out"), reportFile = flags.take("report"), caseOut = flags.take("save-case");
        if (flags.positional().size() != 1 || (segment != null && threshold != null)) {
            throw new BadParameterException(USAGE);
        }
        Map<String, String> design = new LinkedHashMap<>(flags.values());
        Progress progress = new ConsoleProgress(err);
        long start = System.nanoTime();
        Case c = cases.input(flags.positional().get(0), progress);
        c.keepUndoHistory(false);
        if (c.series().isEmpty()) {
            throw new BadParameterException(flags.positional().get(0) + ": holds no scan or mask to find a skull in");
        }
        long loaded = System.nanoTime();
        String skull = segment != null ? segment : thresholdSkull(c, threshold, progress);
        design.put("segment", skull);
        design.put("implant", IMPLANT);
        err.println("[twinprint] " + operations.segment(c, tool, design, progress));
        long designed = System.nanoTime();
        ModelPipeline.Result model = new ModelPipeline(operations).run(c, new ModelPipeline.Options(List.of(), null,
                List.of(IMPLANT), false, 10, "0.5", outFile == null ? null : Path.of(outFile), null), progress);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("input", Path.of(flags.positional().get(0)).toAbsolutePath().toString());
        report.put("skullSegment", skull);
        ((Map<?, ?>) c.results().get(CranialImplant.RESULT_PREFIX + IMPLANT)).forEach((k, v) -> report.put(
                String.valueOf(k), v));
        Map<String, Object> mesh = new LinkedHashMap<>(model.report().toMap());
        mesh.put("repairs", model.repairs().toMap());
        if (outFile != null) {
            mesh.put("file", Path.of(outFile).toAbsolutePath().toString());
        }
        report.put("model", mesh);
        Map<String, Object> millis = new LinkedHashMap<>();
        millis.put("load", (loaded - start) / 1_000_000);
        millis.put("design", (designed - loaded) / 1_000_000);
        millis.putAll(model.stageMillis());
        report.put("stageMillis", millis);
        report.put("provenance", CaseReport.provenance(c));
        report.put("notice", "research tool, not a medical device");
        if (caseOut != null) {
            cases.saveCase(c, caseOut, progress);
        }
        String json = Json.write(report);
        if (reportFile != null) {
            AtomicFiles.writeString(Path.of(reportFile), json);
        }
        out.print(json);
        err.printf("[twinprint] total after start-up: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        if (!model.printable()) {
            err.println("twinprint implant cranial: the implant's model is NOT printable: "
                    + String.join("; ", model.report().failures()));
        }
        return model.printable() ? 0 : 1;
    }

    /** The skull thresholded: a mask or label file's voxels above 0, or a CT's bone. */
    private String thresholdSkull(Case c, String range, Progress progress) {
        Volume v = c.series().get(0).volume();
        Volume.Statistics s = v.statistics();
        String spec = range != null ? range : s.min() < -100 ? "bone" : "1:" + Math.max(1, s.max());
        Map<String, String> p = new LinkedHashMap<>(ModelPipeline.thresholdParameters(SKULL + "=" + spec));
        SegmentationTool threshold = operations.catalog().require(ServiceKind.SEGMENTATION_TOOL,
                SegmentationTool.class, "segment.threshold");
        err.println("[twinprint] " + operations.segment(c, threshold, p, progress));
        return SKULL;
    }
}
