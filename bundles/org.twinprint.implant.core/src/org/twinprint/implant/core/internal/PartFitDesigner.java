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
import org.twinprint.implant.core.PartFit;

/**
 * Fitting a part (plate, template, implant) onto the bone as a catalog service: landmark pairs
 * from two point markups (or the principal axes), then trimmed ICP. The part is moved in the case
 * (same name) and the fit's report, with its distances to the bone, goes to the results.
 */
@Component(service = ImplantDesigner.class)
public final class PartFitDesigner implements ImplantDesigner {

    @Override
    public String id() {
        return ImplantServices.FIT;
    }

    @Override
    public String label() {
        return "Fit a part on the bone";
    }

    @Override
    public String description() {
        return "Places a plate, template or implant on the bone from landmark pairs (or the principal axes), refines"
                + " it by trimmed ICP and reports RMS, iterations, convergence and its distance to the bone.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("part", "Part mesh", "", "The case's mesh to move onto the bone."),
                ParameterSpec.text("bone", "Bone mesh", "", "The case's mesh of the bone."),
                ParameterSpec.text("part-landmarks", "Part landmarks", "", "A point markup on the part (optional)."),
                ParameterSpec.text("bone-landmarks", "Bone landmarks", "",
                        "A point markup on the bone, paired in order with the part's."),
                ParameterSpec.flag("scale", "With scale", false, "Let the landmark fit scale the part too."),
                ParameterSpec.number("keep", "ICP keeps", 0.9, 0.5, 1, "",
                        "The share of closest pairs ICP keeps, so that partial overlap works."));
    }

    @Override
    public Mesh design(Case target, Parameters p, Progress progress) {
        Mesh part = CaseParts.mesh(target, p.string("part"), "part");
        Mesh bone = CaseParts.mesh(target, p.string("bone"), "bone");
        if (part.name().equals(bone.name())) {
            throw new IllegalArgumentException("the part and the bone must be two meshes");
        }
        progress.begin("Fitting " + part.name() + " on " + bone.name(), 1);
        PartFit.Result r = PartFit.fit(part, bone, CaseParts.points(target, p.string("part-landmarks")),
                CaseParts.points(target, p.string("bone-landmarks")), p.flag("scale"), p.number("keep"));
        progress.worked(1);
        target.putResult(PartFit.RESULT_PREFIX + part.name(), r.report());
        return new Mesh(part.name(), part.rgb(), r.placed().vertices(), r.placed().triangles());
    }
}
