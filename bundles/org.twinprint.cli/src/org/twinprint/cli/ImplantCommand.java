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
import org.twinprint.implant.core.Icp;
import org.twinprint.implant.core.LandmarkFit;
import org.twinprint.implant.core.RigidTransform;
import org.twinprint.implant.core.SurfaceFit;
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
        Icp.Options options = new Icp.Options(100, keep == null ? 0.9 : Double.parseDouble(keep), 0.5, 20_000);
        Icp.Result fit;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("part", part.name());
        json.put("bone", bone.name());
        json.put("units", "mm, patient LPS");
        if (partLandmarks == null) {
            fit = SurfaceFit.fit(part, bone, options);
            json.put("start", "principal axes");
        } else {
            LandmarkFit.Result first = LandmarkFit.fit(points(partLandmarks), points(boneLandmarks), scale);
            json.put("start", "landmarks");
            json.put("landmarkRmsMm", first.rmsMm());
            fit = Icp.align(part, bone, first.transform(), options);
        }
        json.put("converged", fit.converged());
        json.put("message", fit.message());
        json.put("iterations", fit.iterations());
        json.put("rmsMm", fit.rmsMm());
        json.put("transform", transform(fit.transform()));
        Mesh placed = fit.transform().apply(part);
        MeshDistance.Result d = MeshDistance.between(placed, bone);
        int within = 0;
        for (float v : d.signedPerVertexMm()) {
            within += Math.abs(v) <= 2 ? 1 : 0;
        }
        Map<String, Object> deviation = new LinkedHashMap<>();
        deviation.put("meanMm", d.meanMm());
        deviation.put("rmsMm", d.rmsMm());
        deviation.put("p95Mm", d.p95Mm());
        deviation.put("maxMm", d.maxMm());
        deviation.put("shareWithin2Mm", within / (double) Math.max(1, placed.vertexCount()));
        json.put("distanceToBone", deviation);
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

    private static Map<String, Object> transform(RigidTransform t) {
        double[] r = t.rotation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rotationRows", List.of(List.of(r[0], r[1], r[2]), List.of(r[3], r[4], r[5]), List.of(r[6], r[7], r[8])));
        m.put("scale", t.scale());
        m.put("translationMm", List.of(t.translation().x(), t.translation().y(), t.translation().z()));
        m.put("angleDegrees", t.angleDegrees());
        return m;
    }
}
