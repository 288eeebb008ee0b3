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
import org.twinprint.implant.core.PostOpDeviation;
import org.twinprint.meshing.core.DistanceColours;
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
        PostOpDeviation.Result r = PostOpDeviation.compare(planned, postop,
                plannedLandmarks == null ? List.of() : ImplantCommand.points(plannedLandmarks),
                postopLandmarks == null ? List.of() : ImplantCommand.points(postopLandmarks));
        Map<String, Object> json = new LinkedHashMap<>(r.report());
        if (map != null) {
            double range = PostOpDeviation.TOLERANCE_MM;
            PlyFormat.writeColoured(Path.of(map), planned, DistanceColours.of(r.onPlan().signedPerVertexMm(), range),
                    List.of("deviation of " + postop.name() + " from the plan " + planned.name(),
                            DistanceColours.legend(range)));
            json.put("map", Path.of(map).toAbsolutePath().toString());
        }
        if (report != null) {
            AtomicFiles.writeString(Path.of(report), Json.write(json));
        }
        return json;
    }
}
