package org.twinprint.implant.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.meshing.core.MeshDistance;

/**
 * A post-operative model registered onto the planned part (landmarks, then ICP; or from the
 * principal axes) and how far it lies from the plan, both ways: RMSE, mean, HD95 and the share
 * of the planned surface within 2 mm, a common clinical tolerance.
 */
public final class PostOpDeviation {

    /** The case's results key of a comparison is this and the planned part's name. */
    public static final String RESULT_PREFIX = "implant.compare:";

    /** The tolerance the share is counted within, mm. */
    public static final double TOLERANCE_MM = 2;

    /** The post-op model where it registers, the deviation at each planned vertex, and the report. */
    public record Result(Mesh registered, MeshDistance.Result onPlan, Map<String, Object> report) {
    }

    private PostOpDeviation() {
    }

    /** Landmark lists may be empty (then the principal axes start it), else they pair up in order. */
    public static Result compare(Mesh planned, Mesh postop, List<Vec3> plannedLandmarks, List<Vec3> postopLandmarks) {
        if (plannedLandmarks.size() != postopLandmarks.size()) {
            throw new IllegalArgumentException("the plan has " + plannedLandmarks.size() + " landmarks and the post-op"
                    + " model " + postopLandmarks.size() + ": they pair up in order");
        }
        Icp.Options options = new Icp.Options(100, 0.9, 0.5, 20_000);
        Icp.Result fit = plannedLandmarks.isEmpty() ? SurfaceFit.fit(postop, planned, options)
                : Icp.align(postop, planned, LandmarkFit.fit(postopLandmarks, plannedLandmarks, false).transform(),
                        options);
        Mesh placed = fit.transform().apply(postop);
        MeshDistance.Result onPlan = MeshDistance.between(planned, placed);
        MeshDistance.Result onPostop = MeshDistance.between(placed, planned);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("planned", planned.name());
        r.put("postop", postop.name());
        r.put("units", "mm, patient LPS");
        r.put("registration", plannedLandmarks.isEmpty() ? "principal axes, then ICP" : "landmarks, then ICP");
        r.put("converged", fit.converged());
        r.put("message", fit.message());
        r.put("registrationRmsMm", fit.rmsMm());
        r.put("rmseMm", onPlan.rmsMm());
        r.put("meanMm", onPlan.meanMm());
        r.put("meanSignedMm", onPlan.meanSignedMm());
        r.put("hd95Mm", Math.max(onPlan.p95Mm(), onPostop.p95Mm()));
        r.put("maxMm", Math.max(onPlan.maxMm(), onPostop.maxMm()));
        r.put("shareWithin2Mm", PartFit.shareWithin(onPlan.signedPerVertexMm(), TOLERANCE_MM));
        r.put("notice", "research tool, not a medical device");
        return new Result(placed, onPlan, r);
    }
}
