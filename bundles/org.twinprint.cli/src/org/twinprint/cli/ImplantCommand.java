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
import org.twinprint.implant.core.PartFit;
import org.twinprint.meshing.core.DistanceColours;
import org.twinprint.meshing.core.MeshDistance;
import org.twinprint.meshing.core.MeshFileReader;
import org.twinprint.meshing.core.PlyFormat;
import org.twinprint.meshing.core.StlFormat;

/**
 * {@code releng/run implant fit}: a part (plate, template, post-op model) fitted onto the bone,
 * from landmark pairs or from the meshes' principal axes, refined by ICP, with how well it fits.
 */
final class ImplantCommand {

    static final String USAGE = "implant fit <part mesh> <bone mesh> [--part-landmarks F.mrk.json --bone-landmarks"
            + " F.mrk.json]"
            + " [--scale] [--keep FRACTION] [--out fitted.stl] [--map fit.ply] [--report fit.json]   fit a part onto"
            + " the bone (a glTF mesh by FILE.gltf#NAME): landmark pairs (closed form), then trimmed ICP; prints the"
            + " transform, RMS, whether it converged (exit 1 if not) and the part's distance to the bone";

    private ImplantCommand() {
    }

    /** The fit as JSON; {@code converged} in it says whether the exit is 0. */
    static Map<String, Object> fit(Flags flags) throws IOException {
        String partLandmarks = flags.take("part-landmarks"), boneLandmarks = flags.take("bone-landmarks");
        boolean scale = flags.take("scale") != null;
        String keep = flags.take("keep");
        String out = flags.take("out"), map = flags.take("map"), report = flags.take("report");
        if (flags.positional().size() != 2 || !flags.values().isEmpty() || (partLandmarks == null) != (boneLandmarks == null)) {
            throw new BadParameterException(USAGE);
        }
        Mesh part = mesh(flags.positional().get(0)), bone = mesh(flags.positional().get(1));
        PartFit.Result r = PartFit.fit(part, bone, partLandmarks == null ? List.of() : points(partLandmarks),
                boneLandmarks == null ? List.of() : points(boneLandmarks), scale,
                keep == null ? 0.9 : Double.parseDouble(keep));
        Map<String, Object> json = new LinkedHashMap<>(r.report());
        Mesh placed = r.placed();
        MeshDistance.Result d = r.distance();
        if (out != null) {
            StlFormat.writeBinary(Path.of(out), List.of(placed));
            json.put("fitted", Path.of(out).toAbsolutePath().toString());
        }
        if (map != null) {
            double range = Math.max(d.p95Mm(), 0.01);
            PlyFormat.writeColoured(Path.of(map), placed, DistanceColours.of(d.signedPerVertexMm(), range),
                    List.of("fit of " + part.name() + " on " + bone.name(), DistanceColours.legend(range)));
            json.put("map", Path.of(map).toAbsolutePath().toString());
        }
        if (report != null) {
            AtomicFiles.writeString(Path.of(report), Json.write(json));
        }
        return json;
    }

    /** A mesh file, or one mesh of a glTF file by FILE.gltf#NAME. */
    static Mesh mesh(String arg) throws IOException {
        int hash = arg.indexOf(".gltf#");
        Path file = Path.of(hash < 0 ? arg : arg.substring(0, hash + 5));
        List<Mesh> all = MeshFileReader.read(file);
        if (hash < 0) {
            if (all.size() != 1) {
                throw new BadParameterException(file + " holds " + all.size() + " meshes: name one as FILE#NAME");
            }
            return all.get(0);
        }
        String name = arg.substring(hash + 6);
        return all.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new BadParameterException(
                file + " has no mesh named '" + name + "'"));
    }

    /** The control points of a markups file, in order. */
    static List<Vec3> points(String file) throws IOException {
        List<Vec3> out = new ArrayList<>();
        for (Markup m : SlicerMarkups.read(Path.of(file))) {
            m.points().forEach(p -> out.add(p.position()));
        }
        return out;
    }
}
