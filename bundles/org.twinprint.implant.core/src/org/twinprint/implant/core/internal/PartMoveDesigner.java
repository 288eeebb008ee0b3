package org.twinprint.implant.core.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.implant.core.ImplantServices;
import org.twinprint.implant.core.PartFit;
import org.twinprint.implant.core.RigidTransform;

/**
 * A part moved by hand: turned about its own centre (LPS x, then y, then z, degrees) and shifted
 * (LPS mm). The designer's touch after or instead of a fit; recorded like any other step.
 */
@Component(service = ImplantDesigner.class)
public final class PartMoveDesigner implements ImplantDesigner {

    @Override
    public String id() {
        return ImplantServices.MOVE;
    }

    @Override
    public String label() {
        return "Move a part";
    }

    @Override
    public String description() {
        return "Turns a part about its centre and shifts it, in LPS degrees and mm.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("part", "Part mesh", "", "The case's mesh to move."),
                ParameterSpec.number("dx", "Shift x (left)", 0, -500, 500, "mm", "Along LPS x, towards the left."),
                ParameterSpec.number("dy", "Shift y (back)", 0, -500, 500, "mm", "Along LPS y, towards the back."),
                ParameterSpec.number("dz", "Shift z (up)", 0, -500, 500, "mm", "Along LPS z, towards the head."),
                ParameterSpec.number("rx", "Turn about x", 0, -180, 180, "deg", "About LPS x through the centre."),
                ParameterSpec.number("ry", "Turn about y", 0, -180, 180, "deg", "About LPS y through the centre."),
                ParameterSpec.number("rz", "Turn about z", 0, -180, 180, "deg", "About LPS z through the centre."));
    }

    @Override
    public Mesh design(Case target, Parameters p, Progress progress) {
        Mesh part = CaseParts.mesh(target, p.string("part"), "part");
        Vec3 centre = centre(part);
        RigidTransform toOrigin = RigidTransform.of(new Vec3(1, 0, 0), 0, centre.times(-1));
        RigidTransform turn = RigidTransform.of(new Vec3(1, 0, 0), Math.toRadians(p.number("rx")), Vec3.ZERO)
                .then(RigidTransform.of(new Vec3(0, 1, 0), Math.toRadians(p.number("ry")), Vec3.ZERO))
                .then(RigidTransform.of(new Vec3(0, 0, 1), Math.toRadians(p.number("rz")), Vec3.ZERO));
        RigidTransform back = RigidTransform.of(new Vec3(1, 0, 0), 0,
                centre.plus(new Vec3(p.number("dx"), p.number("dy"), p.number("dz"))));
        Mesh moved = toOrigin.then(turn).then(back).apply(part);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("part", part.name());
        report.put("moved", p.asMap());
        report.put("units", "mm, degrees; patient LPS");
        target.putResult(PartFit.RESULT_PREFIX + part.name() + " (by hand)", report);
        return new Mesh(part.name(), part.rgb(), moved.vertices(), moved.triangles());
    }

    /** The mean of the vertices. */
    private static Vec3 centre(Mesh m) {
        float[] v = m.vertices();
        double x = 0, y = 0, z = 0;
        for (int i = 0; i < v.length; i += 3) {
            x += v[i];
            y += v[i + 1];
            z += v[i + 2];
        }
        int n = Math.max(1, v.length / 3);
        return new Vec3(x / n, y / n, z / n);
    }
}
