package org.twinprint.implant.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.Progress;
import org.twinprint.implant.core.internal.CuttingGuideDesigner;
import org.twinprint.implant.core.internal.PartFitDesigner;
import org.twinprint.implant.core.internal.PartMoveDesigner;
import org.twinprint.implant.core.internal.PostOpDesigner;
import org.twinprint.meshing.core.GltfFormat;
import org.twinprint.meshing.core.MeshTopology;

/**
 * The guide, fit and post-op comparison as catalog services on a case, through CaseOperations as
 * the workbench and the command line reach them: the part joins the case, the report its results,
 * and the step its provenance. On BoneReconstructionPlanner's fibula plan (BSD-3).
 */
class ImplantDesignersTest {

    private static List<Mesh> plan;
    private static final String PIECE = "Fibula Segment 1A-1B";

    @BeforeAll
    static void load() throws IOException {
        plan = GltfFormat.read(Path.of(System.getProperty("twinprint.shared", "../shared"), "data", "brp-fibula-plan",
                "BoneReconstructionPlanner.gltf"));
    }

    private static Mesh named(String name) {
        return plan.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static CaseOperations operations() {
        ServiceCatalog catalog = new ServiceCatalog();
        catalog.add(new CuttingGuideDesigner(), "org.twinprint.implant.core", "test");
        catalog.add(new PartFitDesigner(), "org.twinprint.implant.core", "test");
        catalog.add(new PostOpDesigner(), "org.twinprint.implant.core", "test");
        catalog.add(new PartMoveDesigner(), "org.twinprint.implant.core", "test");
        return new CaseOperations(catalog);
    }

    private static ImplantDesigner designer(CaseOperations o, String id) {
        return o.catalog().require(ServiceKind.IMPLANT_DESIGNER, ImplantDesigner.class, id);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGuideServiceCutsAlongTheCasesPlanesWithItsScrewPointsAndRecordsItsReport() {
        Case c = new Case("fibula");
        c.addMesh(named(PIECE));
        c.putMarkup(plane("Distal cut", new Vec3(-93.87, -10.41, -36.56), new Vec3(-0.1063, 0.0109, 0.9943)));
        c.putMarkup(plane("Proximal cut", new Vec3(-95.04, -10.29, -25.62), new Vec3(-0.1, 0.05, 0.99)));
        c.putMarkup(new Markup("Screws", Markup.Type.POINTS, List.of(new Markup.Point("1", new Vec3(-94.4, -40,
                -31.1))), null));
        CaseOperations o = operations();
        Mesh guide = o.design(c, designer(o, ImplantServices.GUIDE), Map.of("bone", PIECE, "screws", "Screws"),
                Progress.NONE);
        Map<String, Object> report = (Map<String, Object>) c.results().get(CuttingGuide.RESULT_PREFIX + "Cutting guide");
        System.out.println("guide service: " + report.get("summary") + ", holes " + report.get("holes"));
        assertTrue(c.meshes().contains(guide));
        assertTrue(MeshTopology.of(guide).watertight());
        for (double w : (List<Double>) report.get("slotWidthsMm")) {
            assertEquals(1.0, w, 0.05);
        }
        List<Map<String, Object>> holes = (List<Map<String, Object>>) report.get("holes");
        assertEquals(1, holes.size());
        assertEquals(3.0, (double) holes.get(0).get("diameterMm"), 0.05);
        ProvenanceEntry last = c.provenance().get(c.provenance().size() - 1);
        assertEquals(ImplantServices.GUIDE, last.serviceId());
        // a second run replaces the guide rather than adding another
        o.design(c, designer(o, ImplantServices.GUIDE), Map.of("bone", PIECE, "planes", "Distal cut"), Progress.NONE);
        assertEquals(1, c.meshes().stream().filter(m -> m.name().equals("Cutting guide")).count());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFitServiceMovesThePieceOntoItsTransformedCopyInTheCase() {
        Case c = new Case("fit");
        c.addMesh(named(PIECE));
        Mesh copy = named("Transformed " + PIECE + "_6");
        c.addMesh(copy);
        CaseOperations o = operations();
        Mesh placed = o.design(c, designer(o, ImplantServices.FIT), Map.of("part", PIECE, "bone", copy.name()),
                Progress.NONE);
        Map<String, Object> report = (Map<String, Object>) c.results().get(PartFit.RESULT_PREFIX + PIECE);
        System.out.println("fit service: RMS " + report.get("rmsMm") + " mm, " + report.get("message"));
        assertEquals(Boolean.TRUE, report.get("converged"));
        assertTrue((double) report.get("rmsMm") <= 0.05, report.toString());
        assertEquals(2, c.meshes().size(), "the part moved, not copied");
        assertFalse(java.util.Arrays.equals(placed.vertices(), named(PIECE).vertices()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComparisonServiceRegistersThePostOpModelOntoThePlanAndReportsTheDeviation() {
        Mesh planned = named(PIECE);
        Mesh postop = named("Transformed " + PIECE + "_6").withName("Post-op");
        Case c = new Case("compare");
        c.addMesh(planned);
        c.addMesh(postop);
        CaseOperations o = operations();
        Mesh registered = o.design(c, designer(o, ImplantServices.COMPARE), Map.of("planned", PIECE, "postop",
                "Post-op"), Progress.NONE);
        Map<String, Object> report = (Map<String, Object>) c.results().get(PostOpDeviation.RESULT_PREFIX + PIECE);
        System.out.println("compare service: RMSE " + report.get("rmseMm") + " mm, HD95 " + report.get("hd95Mm"));
        assertTrue((double) report.get("rmseMm") <= 0.05, report.toString());
        assertEquals(1.0, (double) report.get("shareWithin2Mm"), 1e-9);
        assertEquals("Post-op", registered.name());
        assertFalse(java.util.Arrays.equals(registered.vertices(), postop.vertices()), "moved onto the plan");
        assertEquals(2, c.meshes().size());
    }

    @Test
    void aPartMovedByHandTurnsAboutItsCentreAndShifts() {
        Mesh part = named(PIECE);
        Case c = new Case("move");
        c.addMesh(part);
        CaseOperations o = operations();
        Mesh moved = o.design(c, designer(o, ImplantServices.MOVE), Map.of("part", PIECE, "dx", "2", "dy", "-3", "dz",
                "0.5", "rz", "90"), Progress.NONE);
        Vec3 before = mean(part), after = mean(moved);
        assertEquals(2, after.x() - before.x(), 1e-3);
        assertEquals(-3, after.y() - before.y(), 1e-3);
        assertEquals(0.5, after.z() - before.z(), 1e-3);
        // a quarter turn about z through the centre: x becomes y, and z stays
        float[] v = part.vertices(), w = moved.vertices();
        assertEquals(-(v[1] - before.y()), w[0] - after.x(), 1e-3);
        assertEquals(v[0] - before.x(), w[1] - after.y(), 1e-3);
        assertEquals(v[2] - before.z(), w[2] - after.z(), 1e-3);
        assertEquals(1, c.meshes().size());
    }

    private static Vec3 mean(Mesh m) {
        float[] v = m.vertices();
        double x = 0, y = 0, z = 0;
        for (int i = 0; i < v.length; i += 3) {
            x += v[i];
            y += v[i + 1];
            z += v[i + 2];
        }
        return new Vec3(x / (v.length / 3), y / (v.length / 3), z / (v.length / 3));
    }

    @Test
    void aMissingMeshIsAnErrorNamingIt() {
        Case c = new Case("empty");
        CaseOperations o = operations();
        RuntimeException e = assertThrows(RuntimeException.class, () -> o.design(c, designer(o, ImplantServices.GUIDE),
                Map.of("bone", "Femur"), Progress.NONE));
        assertTrue(e.getMessage().contains("no mesh named 'Femur'"), e.getMessage());
        assertTrue(c.meshes().isEmpty());
    }

    private static Markup plane(String name, Vec3 point, Vec3 normal) {
        return new Markup(name, Markup.Type.PLANE, List.of(new Markup.Point("", point)), normal);
    }
}
