package org.twinprint.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.report.Json;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.implant.core.Icp;
import org.twinprint.implant.core.LandmarkFit;
import org.twinprint.implant.core.SurfaceFit;
import org.twinprint.meshing.core.DistanceColours;
import org.twinprint.meshing.core.MeshDistance;
import org.twinprint.meshing.core.PlyFormat;

/**
 * {@code releng/run implant compare}: a post-operative model registered onto the planned part
 * (landmarks, then ICP; or from the principal axes), and how far the result lies from the plan:
 * both ways, with the share of the planned surface within 2 mm, a common clinical tolerance.
 */
final class CompareCommand {

    static final String USAGE = "implant compare <planned mesh> <post-op mesh> [--planned-landmarks F.mrk.json"
            + " --postop-landmarks F.mrk.json] [--map deviation.ply] [--report F]   register the post-op model onto"
            + " the plan and report the deviation (RMSE, mean, HD95, share within 2 mm), the map on the planned part";

    private static final double TOLERANCE_MM = 2;

    private CompareCommand() {
    }

    /** The comparison; {@code converged} in it says whether the exit is 0. */
    static Map<String, Object> run(Flags flags) throws IOException {
        String plannedLandmarks = flags.take("planned-landmarks"), postopLandmarks = flags.take("postop-landmarks");
        String map = flags.take("map"), report = flags.take("report");
        if (flags.positional().size() != 2 || !flags.values().isEmpty()
                || (plannedLandmarks == null) != (postopLandmarks == null)) {
            throw new BadParameterException(USAGE);
        }
        Mesh planned = ImplantCommand.mesh(flags.positional().get(0)),
                postop = ImplantCommand.mesh(flags.positional().get(1));
        Icp.Options options = new Icp.Options(100, 0.9, 0.5, 20_000);
        Icp.Result fit = plannedLandmarks == null ? SurfaceFit.fit(postop, planned, options)
                : Icp.align(postop, planned, LandmarkFit.fit(ImplantCommand.points(postopLandmarks),
                        ImplantCommand.points(plannedLandmarks), false).transform(), options);
        Mesh placed = fit.transform().apply(postop);
        MeshDistance.Result onPlan = MeshDistance.between(planned, placed);
        MeshDistance.Result onPostop = MeshDistance.between(placed, planned);
        int within = 0;
        for (float d : onPlan.signedPerVertexMm()) {
            within += Math.abs(d) <= TOLERANCE_MM ? 1 : 0;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("planned", planned.name());
        json.put("postop", postop.name());
        json.put("units", "mm, patient LPS");
        json.put("registration", plannedLandmarks == null ? "principal axes, then ICP" : "landmarks, then ICP");
        json.put("converged", fit.converged());
        json.put("message", fit.message());
        json.put("registrationRmsMm", fit.rmsMm());
        json.put("rmseMm", onPlan.rmsMm());
        json.put("meanMm", onPlan.meanMm());
        json.put("meanSignedMm", onPlan.meanSignedMm());
        json.put("hd95Mm", Math.max(onPlan.p95Mm(), onPostop.p95Mm()));
        json.put("maxMm", Math.max(onPlan.maxMm(), onPostop.maxMm()));
        json.put("shareWithin2Mm", within / (double) Math.max(1, planned.vertexCount()));
        if (map != null) {
            double range = Math.max(TOLERANCE_MM, 0.01);
            PlyFormat.writeColoured(Path.of(map), planned, DistanceColours.of(onPlan.signedPerVertexMm(), range),
                    List.of("deviation of " + postop.name() + " from the plan " + planned.name(),
                            DistanceColours.legend(range)));
            json.put("map", Path.of(map).toAbsolutePath().toString());
        }
        json.put("notice", "research tool, not a medical device");
        if (report != null) {
            AtomicFiles.writeString(Path.of(report), Json.write(json));
        }
        return json;
    }
}
