package org.twinprint.implant.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.implant.core.CuttingGuide;
import org.twinprint.implant.core.ImplantServices;

/**
 * The cutting guide as a catalog service: a bone mesh of the case, its plane markups as the cuts,
 * point markups as screw holes and drill sleeves; the guide joins the case's meshes and its
 * measured report its results. The workbench's Implant view runs it.
 */
@Component(service = ImplantDesigner.class)
public final class CuttingGuideDesigner implements ImplantDesigner {

    private static final int COLOUR = 0x4FA3A5;

    @Override
    public String id() {
        return ImplantServices.GUIDE;
    }

    @Override
    public String label() {
        return "Cutting guide";
    }

    @Override
    public String description() {
        return "A guide on the bone at the printer's clearance with a saw slot per plane (blade + 2 x clearance),"
                + " screw holes and drill sleeves; slots, bores and clearance are measured on the guide made.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("bone", "Bone mesh", "", "The case's mesh of the bone to cut."),
                ParameterSpec.text("planes", "Cut planes", "", "Plane markups, separated by commas (empty: all)."),
                ParameterSpec.text("screws", "Screw holes", "", "A point markup: one screw hole at each point."),
                ParameterSpec.text("sleeves", "Drill sleeves", "", "A point markup: one drill sleeve at each point."),
                ParameterSpec.choice("print", "Printer", "sla", List.of("sla", "fdm"),
                        "The clearance to the bone: 0.25 mm for SLA, 0.4 mm for FDM."),
                ParameterSpec.number("blade", "Saw blade", 0.5, 0.05, 3, "mm", "The saw blade's thickness."),
                ParameterSpec.number("hole-diameter", "Hole diameter", 3, 0.5, 10, "mm", "Screw holes and sleeves' bore."),
                ParameterSpec.number("sleeve-height", "Sleeve height", 6, 0, 30, "mm", "How far sleeves stand on the base."),
                ParameterSpec.text("name", "Guide name", "Cutting guide", "Name of the guide's mesh."));
    }

    @Override
    public Mesh design(Case target, Parameters p, Progress progress) {
        Mesh bone = CaseParts.mesh(target, p.string("bone"), "bone");
        List<String> wanted = CaseParts.names(p.string("planes"));
        List<CuttingGuide.Plane> planes = new ArrayList<>();
        for (Markup m : target.markups()) {
            if (m.type() == Markup.Type.PLANE && (wanted.isEmpty() || wanted.contains(m.name()))) {
                planes.add(new CuttingGuide.Plane(m.points().get(0).position(), m.unitNormal()));
            }
        }
        if (planes.isEmpty()) {
            throw new IllegalArgumentException(wanted.isEmpty() ? "the case has no plane markup to cut along"
                    : "the case has none of the planes " + wanted);
        }
        for (String w : wanted) {
            CaseParts.markup(target, w); // a misspelt plane is an error, not a cut left out
        }
        double diameter = p.number("hole-diameter");
        List<CuttingGuide.Hole> holes = new ArrayList<>();
        for (Vec3 at : CaseParts.points(target, p.string("screws"))) {
            holes.add(new CuttingGuide.Hole(at, null, diameter, 0));
        }
        for (Vec3 at : CaseParts.points(target, p.string("sleeves"))) {
            holes.add(new CuttingGuide.Hole(at, null, diameter, p.number("sleeve-height")));
        }
        CuttingGuide.Options base = "fdm".equals(p.string("print")) ? CuttingGuide.Options.fdm()
                : CuttingGuide.Options.sla();
        CuttingGuide.Options o = new CuttingGuide.Options(base.clearanceMm(), base.baseMm(), p.number("blade"),
                base.wallMm(), base.boxLengthMm(), base.boxHeightMm(), base.marginMm(), base.sectorDegrees(),
                base.voxelMm());
        CuttingGuide.Result r = CuttingGuide.design(bone, planes, holes, null, o, progress);
        String name = p.string("name").isBlank() ? "Cutting guide" : p.string("name").strip();
        Map<String, Object> report = new java.util.LinkedHashMap<>(r.report());
        report.put("bone", bone.name());
        report.put("print", p.string("print"));
        report.put("notice", "research tool, not a medical device");
        target.putResult(CuttingGuide.RESULT_PREFIX + name, report);
        return new Mesh(name, COLOUR, r.guide().vertices(), r.guide().triangles());
    }
}
