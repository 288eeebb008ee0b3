package org.twinprint.implant.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.implant.core.ImplantServices;
import org.twinprint.implant.core.PostOpDeviation;

/**
 * The post-op comparison as a catalog service: the post-operative model registered onto the
 * planned part (moved in the case, same name), the deviation report in the results.
 */
@Component(service = ImplantDesigner.class)
public final class PostOpDesigner implements ImplantDesigner {

    @Override
    public String id() {
        return ImplantServices.COMPARE;
    }

    @Override
    public String label() {
        return "Compare post-op with the plan";
    }

    @Override
    public String description() {
        return "Registers the post-operative model onto the planned part (landmarks, then ICP) and reports RMSE, mean,"
                + " HD95 and the share of the plan within 2 mm.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("planned", "Planned part", "", "The case's mesh of the plan."),
                ParameterSpec.text("postop", "Post-op model", "", "The case's mesh of the result after surgery."),
                ParameterSpec.text("planned-landmarks", "Plan landmarks", "", "A point markup on the plan (optional)."),
                ParameterSpec.text("postop-landmarks", "Post-op landmarks", "",
                        "A point markup on the post-op model, paired in order."));
    }

    @Override
    public Mesh design(Case target, Parameters p, Progress progress) {
        Mesh planned = CaseParts.mesh(target, p.string("planned"), "plan");
        Mesh postop = CaseParts.mesh(target, p.string("postop"), "post-op model");
        if (planned.name().equals(postop.name())) {
            throw new IllegalArgumentException("the plan and the post-op model must be two meshes");
        }
        progress.begin("Comparing " + postop.name() + " with " + planned.name(), 1);
        PostOpDeviation.Result r = PostOpDeviation.compare(planned, postop,
                CaseParts.points(target, p.string("planned-landmarks")),
                CaseParts.points(target, p.string("postop-landmarks")));
        progress.worked(1);
        target.putResult(PostOpDeviation.RESULT_PREFIX + planned.name(), r.report());
        return new Mesh(postop.name(), postop.rgb(), r.registered().vertices(), r.registered().triangles());
    }
}
