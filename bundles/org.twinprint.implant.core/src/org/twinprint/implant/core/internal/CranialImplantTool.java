package org.twinprint.implant.core.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.implant.core.CranialImplant;
import org.twinprint.implant.core.ImplantServices;
import org.twinprint.implant.core.SymmetryPlane;

/**
 * The cranial implant as a tool on the case: from a skull segment to an implant segment, the
 * symmetry plane kept as a plane markup (move it in the views and run again to mirror across
 * yours), and the implant's measures kept in the case's results. The CLI and the workbench run it
 * through the catalog, so both record the same provenance.
 */
@Component(service = SegmentationTool.class)
public final class CranialImplantTool implements SegmentationTool {

    /** The plane markup the tool writes, and reads back when asked to keep it. */
    public static final String PLANE = "Mid-sagittal plane";
    /** The implant segment's colour: a titanium-like blue grey. */
    private static final int COLOUR = 0x8FA8C8;

    @Override
    public String id() {
        return ImplantServices.CRANIAL;
    }

    @Override
    public String label() {
        return "Cranial implant by mirroring";
    }

    @Override
    public String description() {
        return "Mirrors the healthy side of a skull across its mid-sagittal plane and keeps the bone the defect lacks,"
                + " shaped by thickness, flange, gap and rounding.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("segment", "Skull", "Skull", "The defective skull's segment."),
                ParameterSpec.text("implant", "Implant", "Implant", "Name of the implant segment to make."),
                ParameterSpec.number("thickness", "Thickness", 0, 0, 12, "mm",
                        "0 keeps the mirrored bone's own thickness; else a shell this deep under its outer surface."),
                ParameterSpec.number("flange", "Flange", 0, 0, 20, "mm", "How far the implant overlaps the rim."),
                ParameterSpec.number("flange-thickness", "Flange thickness", 1.5, 0.2, 6, "mm",
                        "How thick the flange lying on the skull is."),
                ParameterSpec.number("gap", "Gap", 0, 0, 3, "mm", "Clearance between the implant and the bone."),
                ParameterSpec.number("rounding", "Edge rounding", 0, 0, 3, "mm",
                        "Radius the edges are rounded to; thinner parts go too."),
                ParameterSpec.flag("keep-plane", "Keep my plane", false,
                        "Mirror across the case's '" + PLANE + "' markup instead of finding the plane."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        LabelMap map = target.labelMapForEditing();
        String skullName = p.string("segment"), implantName = p.string("implant");
        Segment skull = map.segment(skullName)
                .orElseThrow(() -> new IllegalArgumentException("the case has no segment named '" + skullName + "'"));
        if (implantName.equals(skullName)) {
            throw new IllegalArgumentException("the implant needs a name of its own, not '" + skullName + "'");
        }
        Geometry g = map.geometry();
        boolean[] mask = map.mask(skull);
        SymmetryPlane.Plane plane = p.flag("keep-plane") ? markedPlane(target, mask, g) : null;
        CranialImplant.Options o = new CranialImplant.Options(p.number("thickness"), p.number("flange"),
                p.number("flange-thickness"), p.number("gap"), p.number("rounding"), 1, 0.5);
        CranialImplant.Result r = CranialImplant.design(mask, g, o, plane, progress);
        map.segment(implantName).ifPresent(map::removeSegment);
        map.addSegmentOver(implantName, COLOUR, r.indices(g));
        Vec3 n = r.plane().normal();
        target.putMarkup(new Markup(PLANE, Markup.Type.PLANE, List.of(new Markup.Point("", r.plane().point())), n));
        target.putResult(CranialImplant.RESULT_PREFIX + implantName, r.report());
        Map<String, Object> report = r.report();
        return String.format(Locale.ROOT, "%s: %.2f ml mirrored from '%s' across %s (mirror distance %.2f mm),"
                + " median thickness %.2f mm, %.0f%% of the defect covered", implantName, report.get("volumeMl"),
                skullName, plane == null ? "the plane found" : "the case's plane", r.plane().mirrorDistanceMm(),
                ((Map<?, ?>) report.get("thicknessMm")).get("median"), 100 * (double) report.get("defectCoverage"));
    }

    private static SymmetryPlane.Plane markedPlane(Case c, boolean[] skull, Geometry g) {
        Markup m = c.markups().stream().filter(x -> x.name().equals(PLANE) && x.type() == Markup.Type.PLANE)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "the case has no plane markup '" + PLANE + "' to mirror across"));
        return SymmetryPlane.of(skull, g, m.unitNormal(), m.points().get(0).position());
    }
}
