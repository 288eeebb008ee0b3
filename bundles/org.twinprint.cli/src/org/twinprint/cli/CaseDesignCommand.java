package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.report.Json;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.Progress;
import org.twinprint.implant.core.CuttingGuide;
import org.twinprint.implant.core.ImplantServices;
import org.twinprint.implant.core.PartFit;
import org.twinprint.implant.core.PostOpDeviation;
import org.twinprint.meshing.core.MeshFormat;
import org.twinprint.meshing.core.PrintabilityReport;

/**
 * {@code releng/run implant guide|fit|move|compare --case FILE ...}: the implant services run on a
 * case, the same way the workbench's Implant view runs them. The service's own parameters are the
 * flags (its meshes and markups by name); the part can be written out and the case saved.
 */
final class CaseDesignCommand {

    static final String USAGE = "implant guide|fit|move|compare --case FILE [--<parameter> VALUE ...] [--out F.stl]"
            + " [--report F.json] [--save-case FILE]   run an implant service on a case, as the Implant view does:"
            + " its parameters name the case's meshes and markups ('releng/run tools' lists them)";

    private final CaseInputs cases;
    private final CaseOperations operations;
    private final PrintStream out;
    private final PrintStream err;

    CaseDesignCommand(CaseInputs cases, CaseOperations operations, PrintStream out, PrintStream err) {
        this.cases = cases;
        this.operations = operations;
        this.out = out;
        this.err = err;
    }

    /** Exit 0 when the guide is printable or the fit or comparison converged; else 1. */
    int run(String job, List<String> args) throws IOException {
        String id = switch (job) {
        case "guide" -> ImplantServices.GUIDE;
        case "fit" -> ImplantServices.FIT;
        case "move" -> ImplantServices.MOVE;
        case "compare" -> ImplantServices.COMPARE;
        default -> throw new BadParameterException(USAGE);
        };
        ImplantDesigner designer = operations.catalog().require(ServiceKind.IMPLANT_DESIGNER, ImplantDesigner.class,
                id);
        Flags flags = Flags.parse(args, designer.parameters().stream().filter(p -> p.type()
                == org.twinprint.core.spi.ParameterSpec.Type.BOOLEAN).toList());
        String caseFile = flags.take("case"), outFile = flags.take("out"), reportFile = flags.take("report"),
                save = flags.take("save-case");
        if (caseFile == null || !flags.positional().isEmpty()) {
            throw new BadParameterException(USAGE);
        }
        Progress progress = new ConsoleProgress(err);
        Case c = cases.input(caseFile, progress);
        Map<String, String> raw = new LinkedHashMap<>(flags.values());
        Mesh part;
        try {
            part = operations.design(c, designer, raw, progress);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(e.getMessage());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("service", id);
        report.put("part", part.name());
        Object result = c.results().get(switch (job) {
        case "guide" -> CuttingGuide.RESULT_PREFIX + part.name();
        case "fit" -> PartFit.RESULT_PREFIX + part.name();
        case "move" -> PartFit.RESULT_PREFIX + part.name() + " (by hand)";
        default -> PostOpDeviation.RESULT_PREFIX + raw.get("planned");
        });
        report.put("result", result);
        boolean ok = true;
        if (job.equals("guide")) {
            PrintabilityReport check = PrintabilityReport.of(part, null);
            report.put("printability", check.toMap());
            ok = check.printable();
        } else if (result instanceof Map<?, ?> m && m.containsKey("converged")) {
            ok = Boolean.TRUE.equals(m.get("converged"));
        }
        if (outFile != null) {
            Case only = new Case(c.name());
            only.addMesh(part);
            Exporter exporter = operations.catalog().require(ServiceKind.EXPORTER, Exporter.class, "export."
                    + MeshFormat.of(Path.of(outFile)).extension());
            operations.export(only, exporter, Path.of(outFile), Map.of(), progress);
            report.put("file", Path.of(outFile).toAbsolutePath().toString());
        }
        if (save != null) {
            cases.saveCase(c, save, progress);
        }
        String json = Json.write(report);
        if (reportFile != null) {
            AtomicFiles.writeString(Path.of(reportFile), json);
        }
        out.print(json);
        if (!ok) {
            err.println("twinprint implant " + job + ": " + (job.equals("guide") ? "the guide is NOT printable"
                    : "it did not converge"));
        }
        return ok ? 0 : 1;
    }
}
