package org.twinprint.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinprint.ui.tests.WorkbenchDriver.distinctColours;
import static org.twinprint.ui.tests.WorkbenchDriver.page;
import static org.twinprint.ui.tests.WorkbenchDriver.point;
import static org.twinprint.ui.tests.WorkbenchDriver.spin;
import static org.twinprint.ui.tests.WorkbenchDriver.waitFor;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.ImageData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.ui.TwinPrintPerspective;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.handlers.OpenDemoHandler;
import org.twinprint.ui.jobs.CaseJob;
import org.twinprint.ui.views.ModelView;

/**
 * The implant designer's day in the workbench: a cranial implant for a real defective skull shown
 * in 3D, and the Implant view making a guide, fitting a piece and moving it by hand. It leaves the
 * demo case open, as the workbench starts.
 */
class ImplantWorkbenchTest {

    @AfterAll
    static void backToTheDemo() {
        assertTrue(waitFor(OpenDemoHandler.schedule()).isOK());
    }

    @Test
    void aCranialImplantIsDesignedForTheSkullBreakSkullAndShownWithItIn3d() throws Exception {
        java.nio.file.Path skullFile = java.nio.file.Path.of(System.getProperty("twinprint.shared", "../shared"),
                "data", "skullbreak-defective-skull", "skullbreak_parietotemporal_001.nii.gz");
        TwinPrintSession session = TwinPrintSession.get();
        var operations = session.operations();
        java.util.function.Function<String, org.twinprint.core.spi.SegmentationTool> tool = id -> operations.catalog()
                .require(org.twinprint.core.service.ServiceKind.SEGMENTATION_TOOL,
                        org.twinprint.core.spi.SegmentationTool.class, id);
        Case c = new Case("SkullBreak 001");
        c.keepUndoHistory(false);
        CaseJob job = new CaseJob("Cranial implant", progress -> {
            operations.importInto(c, skullFile, java.util.Map.of(), progress);
            operations.segment(c, tool.apply("segment.threshold"), java.util.Map.of("preset", "custom", "lower", "1",
                    "upper", "1", "segment", "Skull"), progress);
            operations.segment(c, tool.apply("implant.cranial"), java.util.Map.of("segment", "Skull", "implant",
                    "Implant"), progress);
            org.twinprint.meshing.core.ModelPipeline pipeline = new org.twinprint.meshing.core.ModelPipeline(operations);
            pipeline.run(c, org.twinprint.meshing.core.ModelPipeline.Options.ofSegment("Skull"), progress);
            pipeline.run(c, org.twinprint.meshing.core.ModelPipeline.Options.ofSegment("Implant"), progress);
        });
        job.schedule();
        assertTrue(waitFor(job).isOK(), String.valueOf(job.getResult()));
        assertEquals(List.of("Skull", "Implant"), c.meshes().stream().map(org.twinprint.core.model.Mesh::name).toList());
        assertTrue(c.markups().stream().anyMatch(m -> m.name().equals("Mid-sagittal plane")));
        // bone-coloured skull, a blue implant: as a designer would show them
        operations.segment(c, tool.apply("segment.rename"), java.util.Map.of("segment", "Skull", "color", "#e3dac9"),
                org.twinprint.core.spi.Progress.NONE);
        operations.segment(c, tool.apply("segment.rename"), java.util.Map.of("segment", "Implant", "color",
                "#2f6fff"), org.twinprint.core.spi.Progress.NONE);
        session.open(c);
        spin(1500);
        ModelView model = (ModelView) page().showView(TwinPrintPerspective.MODEL_VIEW);
        page().setPartState(page().getReference(model), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        spin(800);
        int shown = 0;
        for (int turn : new int[] { 90, -90 }) {
            model.resetCamera();
            model.orbit(turn, 20);
            spin(1500);
            ImageData shot = Screenshots.capture(page().getWorkbenchWindow().getShell(),
                    "cranial-implant-3d-" + (turn > 0 ? "a" : "b") + ".png");
            assertTrue(distinctColours(shot) > 50);
            shown = Math.max(shown, bluePixels(shot));
        }
        assertTrue(shown > 5000, "the implant is in view: " + shown + " blue pixels");
        page().setPartState(page().getReference(model), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
    }

    @Test
    void theImplantViewMakesAGuideWithAScrewHoleAndFitsAPieceShowingItsFitMap() throws Exception {
        java.nio.file.Path planFile = java.nio.file.Path.of(System.getProperty("twinprint.shared", "../shared"), "data",
                "brp-fibula-plan", "BoneReconstructionPlanner.gltf");
        String piece = "Fibula Segment 1A-1B", copy = "Transformed " + piece + "_6";
        List<org.twinprint.core.model.Mesh> plan = org.twinprint.meshing.core.GltfFormat.read(planFile);
        Case c = new Case("Fibula plan");
        c.keepUndoHistory(false);
        for (String name : List.of(piece, copy)) {
            c.addMesh(plan.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow());
        }
        c.putMarkup(new org.twinprint.core.model.Markup("Distal cut", org.twinprint.core.model.Markup.Type.PLANE,
                List.of(point("", -93.87, -10.41, -36.56)), new org.twinprint.core.model.Vec3(-0.1063, 0.0109, 0.9943)));
        c.putMarkup(new org.twinprint.core.model.Markup("Proximal cut", org.twinprint.core.model.Markup.Type.PLANE,
                List.of(point("", -95.04, -10.29, -25.62)), new org.twinprint.core.model.Vec3(-0.1, 0.05, 0.99)));
        c.putMarkup(new org.twinprint.core.model.Markup("Screws", org.twinprint.core.model.Markup.Type.POINTS,
                List.of(point("1", -94.4, -40, -31.1)), null));
        TwinPrintSession session = TwinPrintSession.get();
        session.open(c);
        session.setMeshHidden(copy, true);
        org.twinprint.ui.views.ImplantView view = (org.twinprint.ui.views.ImplantView) page().showView(
                org.twinprint.ui.views.ImplantView.ID);
        view.show(org.twinprint.implant.core.ImplantServices.GUIDE);
        view.type(org.twinprint.implant.core.ImplantServices.GUIDE, "bone", piece);
        view.type(org.twinprint.implant.core.ImplantServices.GUIDE, "screws", "Screws");
        org.eclipse.core.runtime.jobs.Job guide = view.run(org.twinprint.implant.core.ImplantServices.GUIDE);
        assertTrue(waitFor(guide).isOK(), String.valueOf(guide.getResult()));
        spin(800);
        assertTrue(c.meshes().stream().anyMatch(m -> m.name().equals("Cutting guide")));
        assertTrue(view.reportText().contains("slotWidthsMm") && view.reportText().contains("screw hole"),
                view.reportText());
        assertTrue(c.provenance().stream().anyMatch(e -> e.serviceId().equals("implant.guide")));
        ModelView model = (ModelView) page().showView(TwinPrintPerspective.MODEL_VIEW);
        page().setPartState(page().getReference(model), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        model.resetCamera();
        model.orbit(-30, 15);
        spin(1500);
        assertTrue(distinctColours(Screenshots.capture(page().getWorkbenchWindow().getShell(),
                "implant-guide-3d.png")) > 50);
        page().setPartState(page().getReference(model), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);

        session.setMeshHidden("Cutting guide", true);
        page().showView(org.twinprint.ui.views.ImplantView.ID);
        view.show(org.twinprint.implant.core.ImplantServices.FIT);
        view.type(org.twinprint.implant.core.ImplantServices.FIT, "part", piece);
        view.type(org.twinprint.implant.core.ImplantServices.FIT, "bone", copy);
        org.eclipse.core.runtime.jobs.Job fit = view.run(org.twinprint.implant.core.ImplantServices.FIT);
        assertTrue(waitFor(fit).isOK(), String.valueOf(fit.getResult()));
        spin(800);
        assertTrue(view.reportText().contains("\"converged\": true"), view.reportText());
        int[] colours = session.vertexColours(piece);
        assertTrue(colours != null && colours.length == c.meshes().stream().filter(m -> m.name().equals(piece))
                .findFirst().orElseThrow().vertexCount(), "the fitted piece has its fit map");
        // moved 1.5 mm by hand, off the copy: the fit map follows (a gap now shows)
        view.show(org.twinprint.implant.core.ImplantServices.MOVE);
        view.type(org.twinprint.implant.core.ImplantServices.MOVE, "part", piece);
        view.type(org.twinprint.implant.core.ImplantServices.MOVE, "dy", "-1.5");
        org.eclipse.core.runtime.jobs.Job move = view.run(org.twinprint.implant.core.ImplantServices.MOVE);
        assertTrue(waitFor(move).isOK(), String.valueOf(move.getResult()));
        spin(800);
        int[] after = session.vertexColours(piece);
        assertTrue(after != null && !java.util.Arrays.equals(after, colours), "the map follows the moved part");
        page().setPartState(page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        spin(800);
        assertTrue(distinctColours(Screenshots.capture(page().getWorkbenchWindow().getShell(),
                "implant-view-fit.png")) > 20);
        page().setPartState(page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
        page().setPartState(page().getReference(model), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        model.resetCamera();
        spin(1500);
        assertTrue(distinctColours(Screenshots.capture(page().getWorkbenchWindow().getShell(),
                "implant-fit-map-3d.png")) > 20);
        page().setPartState(page().getReference(model), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
    }

    /** Pixels clearly blue (the implant), not the grey-blue of the background. */
    private static int bluePixels(ImageData image) {
        int count = 0;
        for (int y = 0; y < image.height; y++) {
            for (int x = 0; x < image.width; x++) {
                org.eclipse.swt.graphics.RGB c = image.palette.getRGB(image.getPixel(x, y));
                count += c.blue > c.red + 80 && c.blue > c.green + 40 ? 1 : 0;
            }
        }
        return count;
    }
}
