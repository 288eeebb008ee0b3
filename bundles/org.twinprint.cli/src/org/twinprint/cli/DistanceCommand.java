package org.twinprint.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Mesh;
import org.twinprint.meshing.core.DistanceColours;
import org.twinprint.meshing.core.MeshDistance;
import org.twinprint.meshing.core.PlyFormat;

/** {@code releng/run distance}: how far one mesh lies from another, with a colour map of it. */
final class DistanceCommand {

    static final String USAGE = "distance <from.stl|--case FILE --mesh NAME> <to.stl|--to NAME> [--out map.ply]"
            + " [--range MM]   distance from each vertex of the first mesh to the second's surface (mm): mean,"
            + " RMS, 95th percentile, maximum; --out writes the first mesh coloured by signed distance (PLY, blue"
            + " inside, red outside, saturated at --range, default the 95th percentile)";

    private DistanceCommand() {
    }

    static Map<String, Object> run(Mesh from, Mesh to, Path out, Double rangeMm) throws IOException {
        MeshDistance.Result r = MeshDistance.between(from, to);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from.name());
        m.put("to", to.name());
        m.put("units", "mm, patient LPS");
        m.put("vertices", from.vertexCount());
        m.put("meanMm", r.meanMm());
        m.put("rmsMm", r.rmsMm());
        m.put("p95Mm", r.p95Mm());
        m.put("maxMm", r.maxMm());
        m.put("meanSignedMm", r.meanSignedMm());
        if (out != null) {
            double range = rangeMm != null ? rangeMm : Math.max(r.p95Mm(), 0.01);
            PlyFormat.writeColoured(out, from, DistanceColours.of(r.signedPerVertexMm(), range),
                    List.of("distance from " + from.name() + " to " + to.name(), DistanceColours.legend(range)));
            m.put("colourMap", Map.of("file", out.toAbsolutePath().toString(), "legend", DistanceColours.legend(range)));
        }
        return m;
    }
}
