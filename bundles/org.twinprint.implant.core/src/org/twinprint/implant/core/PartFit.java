package org.twinprint.implant.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.meshing.core.MeshDistance;

/**
 * A part (plate, template, implant) placed on the bone: from landmark pairs in closed form, or from
 * the meshes' principal axes, then refined by trimmed ICP; with how well it fits, the part's
 * signed distance to the bone at each vertex (gap above zero, penetration below).
 */
public final class PartFit {

    /** The case's results key of a fit's report is this and the part's name. */
    public static final String RESULT_PREFIX = "implant.fit:";

    /** The part where it fits, the registration, its distances to the bone and the report. */
    public record Result(Mesh placed, Icp.Result fit, MeshDistance.Result distance, Map<String, Object> report) {
    }

    private PartFit() {
    }

    /**
     * Fits the part onto the bone; landmark lists may be empty (then the principal axes start it),
     * else they pair up in order. {@code keep} is ICP's trimmed share (0.5-1).
     */
    public static Result fit(Mesh part, Mesh bone, List<Vec3> partLandmarks, List<Vec3> boneLandmarks, boolean scale,
            double keep) {
        if (partLandmarks.size() != boneLandmarks.size()) {
            throw new IllegalArgumentException("the part has " + partLandmarks.size() + " landmarks and the bone "
                    + boneLandmarks.size() + ": they pair up in order");
        }
        Icp.Options options = new Icp.Options(100, keep, 0.5, 20_000);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("part", part.name());
        report.put("bone", bone.name());
        report.put("units", "mm, patient LPS");
        Icp.Result fit;
        if (partLandmarks.isEmpty()) {
            fit = SurfaceFit.fit(part, bone, options);
            report.put("start", "principal axes");
        } else {
            LandmarkFit.Result first = LandmarkFit.fit(partLandmarks, boneLandmarks, scale);
            report.put("start", "landmarks");
            report.put("landmarkRmsMm", first.rmsMm());
            fit = Icp.align(part, bone, first.transform(), options);
        }
        report.put("converged", fit.converged());
        report.put("message", fit.message());
        report.put("iterations", fit.iterations());
        report.put("rmsMm", fit.rmsMm());
        report.put("transform", transform(fit.transform()));
        Mesh placed = fit.transform().apply(part);
        MeshDistance.Result d = MeshDistance.between(placed, bone);
        Map<String, Object> deviation = new LinkedHashMap<>();
        deviation.put("meanMm", d.meanMm());
        deviation.put("rmsMm", d.rmsMm());
        deviation.put("p95Mm", d.p95Mm());
        deviation.put("maxMm", d.maxMm());
        deviation.put("shareWithin2Mm", shareWithin(d.signedPerVertexMm(), 2));
        report.put("distanceToBone", deviation);
        return new Result(placed, fit, d, report);
    }

    /** The share of the values within {@code mm} of zero. */
    static double shareWithin(float[] signed, double mm) {
        int within = 0;
        for (float v : signed) {
            within += Math.abs(v) <= mm ? 1 : 0;
        }
        return within / (double) Math.max(1, signed.length);
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
