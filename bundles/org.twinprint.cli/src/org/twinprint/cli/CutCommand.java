package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.meshing.core.MeshTopology;
import org.twinprint.meshing.core.PlaneCuts;
import org.twinprint.meshing.core.StlFormat;

/**
 * {@code releng/run cut}: the case's meshes cut by plane markups, each part closed, with its
 * volume; a plane may also be defined on the command line and then joins the case's markups.
 */
final class CutCommand {

    static final String USAGE = "cut <case.twinprint> --plane NAME|NAME=x,y,z:nx,ny,nz [--plane ...] [--mesh NAME]..."
            + " [--out DIR] [--save-case FILE]   cut meshes (default: all) by plane markups (LPS mm; a plane given as"
            + " point:normal is added to the case) into closed parts with their volumes; --out writes each part as STL";

    private final PrintStream err;

    CutCommand(PrintStream err) {
        this.err = err;
    }

    Map<String, Object> run(Case c, List<String> planeArgs, List<String> meshNames, Path outDir) throws IOException {
        List<Markup> planes = new ArrayList<>();
        for (String arg : planeArgs) {
            planes.add(plane(c, arg));
        }
        List<Mesh> meshes = new ArrayList<>();
        if (meshNames.isEmpty()) {
            meshes.addAll(c.meshes());
        }
        for (String name : meshNames) {
            meshes.add(CaseInputs.namedMesh(c, name, "--mesh"));
        }
        if (meshes.isEmpty()) {
            throw new BadParameterException("the case has no mesh to cut; make a model first");
        }
        List<Object> cuts = new ArrayList<>();
        for (Mesh mesh : meshes) {
            List<Mesh> parts;
            try {
                parts = PlaneCuts.cut(c, mesh, planes);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new BadParameterException("cannot cut " + e.getMessage());
            }
            double sum = 0;
            List<Object> described = new ArrayList<>();
            for (Mesh part : parts) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", part.name());
                p.put("volumeMm3", part.volumeMm3());
                p.put("triangles", part.triangleCount());
                p.put("closed", MeshTopology.of(part).watertight());
                if (outDir != null) {
                    Files.createDirectories(outDir);
                    Path file = outDir.resolve(part.name().replaceAll("[^A-Za-z0-9._-]+", "_") + ".stl");
                    StlFormat.writeBinary(file, List.of(part));
                    p.put("file", file.toAbsolutePath().toString());
                }
                sum += part.volumeMm3();
                described.add(p);
            }
            Map<String, Object> cut = new LinkedHashMap<>();
            cut.put("mesh", mesh.name());
            cut.put("volumeMm3", mesh.volumeMm3());
            cut.put("partsVolumeMm3", sum);
            cut.put("parts", described);
            cuts.add(cut);
            err.printf("[twinprint] %s: %d parts%n", mesh.name(), parts.size());
        }
        return Map.of("units", "mm, patient LPS", "cuts", cuts);
    }

    /** A plane markup of the case, or one defined as NAME=x,y,z:nx,ny,nz (then added to the case). */
    private static Markup plane(Case c, String arg) {
        int eq = arg.indexOf('=');
        if (eq < 0) {
            Markup m = c.markups().stream().filter(k -> k.name().equals(arg)).findFirst().orElseThrow(
                    () -> new BadParameterException("--plane " + arg + ": the case has no markup of that name; it has "
                            + c.markups().stream().map(Markup::name).toList()));
            if (m.type() != Markup.Type.PLANE) {
                throw new BadParameterException("--plane " + arg + ": that markup is a " + m.type() + ", not a plane");
            }
            return m;
        }
        String[] halves = arg.substring(eq + 1).split(":");
        if (halves.length != 2) {
            throw new BadParameterException("--plane " + arg + ": write NAME=x,y,z:nx,ny,nz (a point and a normal, LPS mm)");
        }
        try {
            Markup m = new Markup(arg.substring(0, eq), Markup.Type.PLANE,
                    List.of(new Markup.Point("", vector(halves[0]))), vector(halves[1]));
            c.putMarkup(m);
            return m;
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("--plane " + arg + ": " + e.getMessage());
        }
    }

    static Vec3 vector(String text) {
        String[] xyz = text.split(",");
        if (xyz.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not three numbers x,y,z");
        }
        return new Vec3(Double.parseDouble(xyz[0].strip()), Double.parseDouble(xyz[1].strip()),
                Double.parseDouble(xyz[2].strip()));
    }
}
