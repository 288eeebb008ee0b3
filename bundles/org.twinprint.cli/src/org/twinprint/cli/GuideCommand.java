package org.twinprint.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.casefile.core.SlicerMarkups;
import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.report.Json;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.core.spi.Progress;
import org.twinprint.implant.core.CuttingGuide;
import org.twinprint.meshing.core.PrintabilityReport;
import org.twinprint.meshing.core.StlFormat;

/**
 * {@code releng/run implant guide}: a cutting guide for osteotomy planes on a bone mesh, with its
 * slots and clearance measured on the guide that was made.
 */
final class GuideCommand {

    static final String USAGE = "implant guide <bone mesh or FILE.gltf#NAME> --plane x,y,z:nx,ny,nz [--plane ...]"
            + " | --planes F.mrk.json [--screw x,y,z[:dx,dy,dz] ...] [--sleeve x,y,z[:dx,dy,dz] ...] [--hole-diameter MM]"
            + " [--sleeve-height MM] [--print sla|fdm] [--blade MM] [--side x,y,z] [--out guide.stl]"
            + " [--report guide.json]   a cutting guide: a base on the bone at the printer's clearance, one saw slot per"
            + " plane (blade + 2 x clearance), screw holes and drill sleeves along a line (through a point; drilling"
            + " square to the bone unless a direction is given); the report gives each slot's and bore's width and the"
            + " nearest approach to the bone measured on the guide";

    private GuideCommand() {
    }

    /** The report; {@code printable} in it says whether the exit is 0. */
    static Map<String, Object> run(Flags flags, Progress progress) throws IOException {
        List<String> planeArgs = flags.takeAll("plane"), screws = flags.takeAll("screw"), sleeves = flags.takeAll("sleeve");
        String diameter = flags.take("hole-diameter"), height = flags.take("sleeve-height");
        String planesFile = flags.take("planes"), print = flags.take("print"), blade = flags.take("blade"),
                side = flags.take("side"), out = flags.take("out"), report = flags.take("report");
        if (flags.positional().size() != 1 || !flags.values().isEmpty() || (planeArgs.isEmpty() == (planesFile == null))) {
            throw new BadParameterException(USAGE);
        }
        Mesh bone = ImplantCommand.mesh(flags.positional().get(0));
        List<CuttingGuide.Plane> planes = new ArrayList<>();
        try {
            for (String p : planeArgs) {
                String[] halves = p.split(":");
                if (halves.length != 2) {
                    throw new IllegalArgumentException("write x,y,z:nx,ny,nz (a point and a normal, LPS mm)");
                }
                planes.add(new CuttingGuide.Plane(CutCommand.vector(halves[0]), CutCommand.vector(halves[1])));
            }
            if (planesFile != null) {
                for (Markup m : SlicerMarkups.read(Path.of(planesFile))) {
                    if (m.type() == Markup.Type.PLANE) {
                        planes.add(new CuttingGuide.Plane(m.points().get(0).position(), m.unitNormal()));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("--plane: " + e.getMessage());
        }
        CuttingGuide.Options base = "fdm".equals(print) ? CuttingGuide.Options.fdm() : CuttingGuide.Options.sla();
        if (print != null && !print.equals("sla") && !print.equals("fdm")) {
            throw new BadParameterException("--print is sla or fdm, not " + print);
        }
        CuttingGuide.Options o;
        Vec3 toward;
        try {
            o = blade == null ? base : new CuttingGuide.Options(base.clearanceMm(), base.baseMm(),
                    Double.parseDouble(blade), base.wallMm(), base.boxLengthMm(), base.boxHeightMm(), base.marginMm(),
                    base.sectorDegrees(), base.voxelMm());
            toward = side == null ? null : CutCommand.vector(side);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("--blade takes mm (above 0, at most 3) and --side x,y,z: " + e.getMessage());
        }
        List<CuttingGuide.Hole> holes = new ArrayList<>();
        try {
            double d = diameter == null ? 3 : Double.parseDouble(diameter);
            double h = height == null ? 6 : Double.parseDouble(height);
            for (String screw : screws) {
                holes.add(hole(screw, d, 0));
            }
            for (String sleeve : sleeves) {
                holes.add(hole(sleeve, d, h));
            }
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("--screw and --sleeve take x,y,z or x,y,z:dx,dy,dz (LPS mm), --hole-diameter"
                    + " and --sleeve-height mm: " + e.getMessage());
        }
        long start = System.nanoTime();
        CuttingGuide.Result r = CuttingGuide.design(bone, planes, holes, toward, o, progress);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bone", bone.name());
        json.put("print", print == null ? "sla" : print);
        json.putAll(r.report());
        PrintabilityReport check = PrintabilityReport.of(r.guide(), null);
        json.put("printable", check.printable());
        json.put("printability", check.toMap());
        json.put("millis", (System.nanoTime() - start) / 1_000_000);
        json.put("notice", "research tool, not a medical device");
        if (out != null) {
            StlFormat.writeBinary(Path.of(out), List.of(r.guide()));
            json.put("file", Path.of(out).toAbsolutePath().toString());
        }
        if (report != null) {
            AtomicFiles.writeString(Path.of(report), Json.write(json));
        }
        return json;
    }

    /** A hole through x,y,z, drilling along dx,dy,dz if given. */
    private static CuttingGuide.Hole hole(String arg, double diameterMm, double sleeveMm) {
        String[] halves = arg.split(":");
        if (halves.length > 2) {
            throw new IllegalArgumentException(arg);
        }
        return new CuttingGuide.Hole(CutCommand.vector(halves[0]), halves.length == 2 ? CutCommand.vector(halves[1])
                : null, diameterMm, sleeveMm);
    }
}
