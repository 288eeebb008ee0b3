package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.casefile.core.SlicerMarkups;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.report.CaseReport;
import org.twinprint.core.report.Json;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Progress;

/**
 * The subcommands that plan on a case: {@code case}, {@code markups}, {@code cut},
 * {@code distance} and {@code implant}. Wrong usage is a {@link BadParameterException}, exit 2.
 */
final class PlanCommands {

    private final CaseInputs cases;
    private final PrintStream out;
    private final PrintStream err;

    PlanCommands(CaseInputs cases, PrintStream out, PrintStream err) {
        this.cases = cases;
        this.out = out;
        this.err = err;
    }

    int showCase(List<String> args) throws IOException {
        if (args.size() != 1) {
            throw new BadParameterException("case takes one case file");
        }
        Path file = Path.of(args.get(0));
        long start = System.nanoTime();
        Case c = cases.caseStore().open(file, new ConsoleProgress(err));
        err.printf("[twinprint] stage open case: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        Map<String, Object> json = new LinkedHashMap<>(CaseReport.of(c));
        json.put("file", file.toAbsolutePath().toString());
        json.put("provenanceSteps", c.provenance().size());
        json.put("sha256", CaseDigests.of(c));
        out.print(Json.write(json));
        return 0;
    }

    int markups(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of(), java.util.Set.of("add"));
        List<String> added = flags.takeAll("add");
        String outFile = flags.take("out");
        String caseOut = flags.take("save-case");
        if (flags.positional().size() != 1 || !flags.values().isEmpty()) {
            throw new BadParameterException("markups takes one case (or a file to make one of), and --add, --out or --save-case");
        }
        Progress progress = new ConsoleProgress(err);
        Case c = cases.input(flags.positional().get(0), progress); // a case, or a file's meshes or scan
        for (String file : added) {
            List<Markup> read = SlicerMarkups.read(Path.of(file));
            read.forEach(c::putMarkup);
            err.println("[twinprint] " + file + ": " + read.size() + " markups");
        }
        if (outFile != null) {
            SlicerMarkups.write(Path.of(outFile), c.markups());
            out.println("Markups: " + Path.of(outFile).toAbsolutePath());
        }
        if (caseOut != null) {
            cases.saveCase(c, caseOut, progress);
        }
        out.print(Json.write(Map.of("markups", c.markups().stream().map(CaseReport::markup).toList())));
        return 0;
    }

    int cut(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of(), java.util.Set.of("plane", "mesh"));
        List<String> planes = flags.takeAll("plane");
        List<String> meshes = flags.takeAll("mesh");
        String caseIn = flags.take("case");
        String outDir = flags.take("out");
        String caseOut = flags.take("save-case");
        List<String> inputs = new ArrayList<>(flags.positional());
        if (caseIn != null) {
            inputs.add(caseIn);
        }
        if (inputs.size() != 1 || !flags.values().isEmpty() || planes.isEmpty()) {
            throw new BadParameterException(CutCommand.USAGE);
        }
        Progress progress = new ConsoleProgress(err);
        Case c = cases.input(inputs.get(0), progress);
        Map<String, Object> report = new CutCommand(err).run(c, planes, meshes, outDir == null ? null : Path.of(outDir));
        if (caseOut != null) {
            cases.saveCase(c, caseOut, progress);
        }
        out.print(Json.write(report));
        return 0;
    }

    int distance(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of());
        String caseIn = flags.take("case");
        String fromName = flags.take("mesh");
        String toName = flags.take("to");
        String outFile = flags.take("out");
        String range = flags.take("range");
        Mesh from, to;
        if (caseIn != null) {
            if (fromName == null || toName == null || !flags.positional().isEmpty() || !flags.values().isEmpty()) {
                throw new BadParameterException(DistanceCommand.USAGE);
            }
            Case c = cases.input(caseIn, new ConsoleProgress(err));
            from = CaseInputs.namedMesh(c, fromName, "--mesh");
            to = CaseInputs.namedMesh(c, toName, "--to");
        } else {
            if (flags.positional().size() != 2 || !flags.values().isEmpty()) {
                throw new BadParameterException(DistanceCommand.USAGE);
            }
            from = cases.importMesh(flags.positional().get(0)).meshes().get(0);
            to = cases.importMesh(flags.positional().get(1)).meshes().get(0);
        }
        Double rangeMm = null;
        if (range != null) {
            try {
                rangeMm = Double.parseDouble(range);
            } catch (NumberFormatException e) {
                throw new BadParameterException("--range takes millimetres: " + range);
            }
        }
        out.print(Json.write(DistanceCommand.run(from, to, outFile == null ? null : Path.of(outFile), rangeMm)));
        return 0;
    }

    int implant(List<String> args) throws IOException {
        boolean onCase = args.contains("--case") || args.stream().anyMatch(a -> a.startsWith("--case="));
        if (!args.isEmpty() && (onCase && List.of("guide", "fit", "compare").contains(args.get(0))
                || args.get(0).equals("move"))) {
            return new CaseDesignCommand(cases, cases.operations(), out, err).run(args.get(0),
                    args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equals("cranial")) {
            return new CranialCommand(cases, cases.operations(), out, err).run(args.subList(1, args.size()));
        }
        if (!args.isEmpty() && args.get(0).equals("compare")) {
            Map<String, Object> json = CompareCommand.run(Flags.parse(args.subList(1, args.size()), List.of()));
            out.print(Json.write(json));
            if (!Boolean.TRUE.equals(json.get("converged"))) {
                err.println("twinprint implant compare: " + json.get("message"));
                return 1;
            }
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("guide")) {
            Map<String, Object> json = GuideCommand.run(Flags.parse(args.subList(1, args.size()), List.of(),
                    java.util.Set.of("plane", "screw", "sleeve")), new ConsoleProgress(err));
            out.print(Json.write(json));
            if (!Boolean.TRUE.equals(json.get("printable"))) {
                err.println("twinprint implant guide: the guide is NOT printable: " + json.get("printability"));
                return 1;
            }
            return 0;
        }
        if (args.isEmpty() || !args.get(0).equals("fit")) {
            throw new BadParameterException(ImplantCommand.USAGE + "\n  " + CranialCommand.USAGE + "\n  "
                    + GuideCommand.USAGE + "\n  " + CompareCommand.USAGE + "\n  " + CaseDesignCommand.USAGE);
        }
        Flags flags = Flags.parse(args.subList(1, args.size()),
                List.of(ParameterSpec.flag("scale", "Scale", false, "")));
        Map<String, Object> json = ImplantCommand.fit(flags);
        out.print(Json.write(json));
        if (!Boolean.TRUE.equals(json.get("converged"))) {
            err.println("twinprint implant fit: " + json.get("message"));
            return 1;
        }
        return 0;
    }
}
