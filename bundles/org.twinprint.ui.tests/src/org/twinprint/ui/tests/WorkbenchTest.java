package org.twinprint.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinprint.ui.tests.WorkbenchDriver.distinctColours;
import static org.twinprint.ui.tests.WorkbenchDriver.joinCaseJobs;
import static org.twinprint.ui.tests.WorkbenchDriver.page;
import static org.twinprint.ui.tests.WorkbenchDriver.point;
import static org.twinprint.ui.tests.WorkbenchDriver.spin;
import static org.twinprint.ui.tests.WorkbenchDriver.waitFor;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Segment;
import org.twinprint.ui.TwinPrintPerspective;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.handlers.OpenDemoHandler;
import org.twinprint.core.model.Vec3;
import org.twinprint.ui.views.CaseView;
import org.twinprint.ui.views.ModelView;
import org.twinprint.ui.views.SegmentsView;
import org.twinprint.ui.views.SliceView;
import org.twinprint.ui.views.StudyBrowserView;
import org.twinprint.ui.views.StudyTree;
import org.twinprint.ui.views.ToolsView;

/** Starts the TwinPrint workbench, opens the demo case through the UI's own job, and looks at it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchTest {

    @Test
    @Order(1)
    void opensInTheTwinPrintPerspectiveWithItsViews() {
        IWorkbenchPage page = page();
        assertEquals(TwinPrintPerspective.ID, page.getPerspective().getId());
        for (String id : List.of(TwinPrintPerspective.CASE_VIEW, TwinPrintPerspective.SLICE_VIEW,
                TwinPrintPerspective.TOOLS_VIEW, TwinPrintPerspective.SEGMENTS_VIEW, TwinPrintPerspective.MODEL_VIEW,
                TwinPrintPerspective.PROGRESS_VIEW, TwinPrintPerspective.LOG_VIEW, TwinPrintPerspective.STUDIES_VIEW,
                TwinPrintPerspective.CORONAL_VIEW, TwinPrintPerspective.SAGITTAL_VIEW)) {
            assertNotNull(page.findViewReference(id), "perspective shows view " + id);
        }
        assertEquals("TwinPrint", page.getWorkbenchWindow().getShell().getText());
    }

    @Test
    @Order(2)
    void menusOfferTheCaseCommands() {
        Menu bar = page().getWorkbenchWindow().getShell().getMenuBar();
        Set<String> top = new HashSet<>();
        Set<String> file = new HashSet<>();
        for (MenuItem item : bar.getItems()) {
            String text = item.getText().replace("&", "");
            top.add(text);
            if (text.equals("File")) {
                // menu managers fill a menu when it is shown, as for a user's click
                item.getMenu().notifyListeners(SWT.Show, new Event());
                Arrays.stream(item.getMenu().getItems()).map(i -> i.getText().replace("&", "").split("\t")[0])
                        .forEach(file::add);
            }
        }
        assertTrue(top.containsAll(List.of("File", "Tools", "Window")), top.toString());
        assertTrue(file.containsAll(List.of("Open Demo Case", "Import DICOM Folder...", "Save Case Report...",
                "Export Segments as DICOM SEG...")),
                file.toString());
    }

    @Test
    @Order(3)
    void toolsViewListsTheSegmentationServicesOfThePlugins() throws Exception {
        ToolsView tools = (ToolsView) page().showView(TwinPrintPerspective.TOOLS_VIEW);
        assertTrue(tools.toolIds().containsAll(List.of("segment.threshold", "segment.largest-island")),
                tools.toolIds().toString());
    }

    @Test
    @Order(4)
    void workbenchOpensTheDemoCaseByItselfAsAJob() throws Exception {
        joinCaseJobs();
        Case c = TwinPrintSession.get().currentCase();
        assertNotNull(c, "the demo case opens at start-up");
        assertEquals("Head phantom (demo)", c.name());
        assertEquals(512, c.series().get(0).volume().geometry().nx());
        assertEquals(140, c.series().get(0).volume().geometry().nz());
        Segment skull = c.labelMap().segment("Skull").orElseThrow();
        assertEquals(1_371_755, c.labelMap().voxelCount(skull));
        assertEquals(1, c.meshes().size(), "the skull model is built too");
        // by the model recipe: the mesh releng/run model makes of the same segment (CommandsTest)
        assertEquals(1_255_386, c.meshes().get(0).triangleCount());
        assertEquals(668_909, c.meshes().get(0).vertexCount());
    }

    @Test
    @Order(5)
    void openDemoCommandLoadsItAgainAndTheViewsShowIt() throws Exception {
        Job job = OpenDemoHandler.schedule();
        IStatus status = waitFor(job);
        assertTrue(status.isOK(), status.toString());

        CaseView caseView = (CaseView) page().showView(TwinPrintPerspective.CASE_VIEW);
        SliceView slices = (SliceView) page().showView(TwinPrintPerspective.SLICE_VIEW);
        spin(500);
        assertTrue(caseView.sections().containsAll(List.of("Series:1", "Segments:1", "Meshes:1", "Provenance:8")),
                caseView.sections().toString());
        slices.showSlice(100);
        spin(500);

        ImageData shot = Screenshots.capture(page().getWorkbenchWindow().getShell(), "workbench-demo.png");
        assertTrue(distinctColours(shot) > 50, "the slice view shows an image, not a blank window");

        // Make model: the same recipe, the same mesh as releng/run model, and its report shown
        SegmentsView segments = (SegmentsView) page().showView(TwinPrintPerspective.SEGMENTS_VIEW);
        TwinPrintSession.get().setActiveSegment("Skull");
        assertTrue(waitFor(segments.makeModel()).isOK());
        spin(500);
        var made = segments.lastModel();
        assertEquals(1_255_386, made.mesh().triangleCount());
        assertEquals(668_909, made.mesh().vertexCount());
        assertEquals(279_049.29, made.report().volumeMm3(), 0.01);
        Case c = TwinPrintSession.get().currentCase();
        assertEquals(1, c.meshes().size(), "the new model replaces the segment's old one");
        assertTrue(segments.modelReportText().startsWith("Skull: 1,255,386 triangles, 279.0 ml, printable on"),
                segments.modelReportText());
        Screenshots.capture(page().getWorkbenchWindow().getShell(), "make-model-report.png");
    }

    @Test
    @Order(8)
    void aToolRunFromTheToolsViewChangesTheCase() throws Exception {
        ToolsView tools = (ToolsView) page().showView(TwinPrintPerspective.TOOLS_VIEW);
        assertTrue(tools.select("segment.threshold"));
        assertEquals("bone", tools.shown("preset"));
        assertEquals("226", tools.shown("lower"), "the form shows the preset's bounds");
        tools.type("lower", "700");
        spin(200);
        Screenshots.capture(page().getWorkbenchWindow().getShell(), "tools-threshold.png");
        Job job = tools.runSelected();
        assertTrue(waitFor(job).isOK());
        Case c = TwinPrintSession.get().currentCase();
        var bone = c.labelMap().segment("Bone");
        assertTrue(bone.isPresent(), "the form's default segment name is used");
        assertEquals(1_373_795, c.labelMap().voxelCount(bone.get()), "the typed Lower 700 ran, not bone's 226");
        var last = c.provenance().get(c.provenance().size() - 1);
        assertEquals("segment.threshold", last.serviceId());
        assertEquals("700", last.parameters().get("lower"), "provenance records what ran");
    }

    @Test
    @Order(9)
    void toolsMenuListsTheToolsOfInstalledPluginsByName() {
        Set<String> items = menuItems("Tools");
        assertTrue(items.contains("Otsu threshold (example lab)  (org.twinprint.examples.lab)"), items.toString());
        assertTrue(items.contains("Threshold  (org.twinprint.segmentation.core)"), items.toString());
    }

    @Test
    @Order(10)
    void pluginsThatFailToStartAreNamedInTheErrorLog() throws Exception {
        String log = Files.readString(Platform.getLogFileLocation().toFile().toPath());
        assertTrue(log.contains("TwinPrint plugin org.twinprint.examples.broken component"), log);
        assertTrue(log.contains("calibration table not found"), log);
        assertTrue(log.contains("TwinPrint plugin org.twinprint.examples.broken.activator did not start"), log);
    }

    @Test
    @Order(11)
    void aToolThatThrowsInsideItsJobIsReportedByPluginAndUndone() throws Exception {
        Case c = TwinPrintSession.get().currentCase();
        List<String> segmentsBefore = c.labelMap().segments().stream().map(Segment::name).toList();
        byte[] labelsBefore = c.labelMap().labels().clone();
        ToolsView tools = (ToolsView) page().showView(TwinPrintPerspective.TOOLS_VIEW);
        assertTrue(tools.select("broken.when-run"));
        IStatus status = waitFor(tools.runSelected());
        assertEquals(IStatus.ERROR, status.getSeverity());
        assertTrue(status.getMessage().contains("'broken.when-run' of plugin org.twinprint.examples.broken 0.1.0"),
                status.getMessage());
        assertTrue(status.getMessage().contains("failed: index 42 out of bounds"), status.getMessage());
        assertEquals(segmentsBefore, c.labelMap().segments().stream().map(Segment::name).toList());
        assertTrue(Arrays.equals(labelsBefore, c.labelMap().labels()), "the half-done edit is rolled back");

        assertTrue(tools.select("segment.largest-island"));
        assertTrue(waitFor(tools.runSelected()).isOK(), "other tools still run");
    }

    @Test
    @Order(12)
    void aViewThatThrowsLeavesTheWorkbenchUp() throws Exception {
        try {
            page().showView("org.twinprint.examples.broken.view");
        } catch (PartInitException expected) {
            // the workbench may refuse the view instead of showing an error part: both are fine
        }
        spin(300);
        assertNotNull(page().showView(TwinPrintPerspective.CASE_VIEW), "the workbench still works");
        Screenshots.capture(page().getWorkbenchWindow().getShell(), "workbench-broken-plugin.png");
    }

    @Test
    @Order(6)
    void segmentEditorPaintsUndoesAndRedoesWithTheBrush() throws Exception {
        Case c = TwinPrintSession.get().currentCase();
        SegmentsView segments = (SegmentsView) page().showView(TwinPrintPerspective.SEGMENTS_VIEW);
        SliceView slices = (SliceView) page().showView(TwinPrintPerspective.SLICE_VIEW);
        TwinPrintSession.get().setActiveSegment("Skull");
        segments.setBrush(new TwinPrintSession.Brush(TwinPrintSession.Brush.Mode.PAINT, 5, false));
        slices.showSlice(70);
        Segment skull = c.labelMap().segment("Skull").orElseThrow();
        long before = c.labelMap().voxelCount(skull);
        // a 5 mm disc at the centre of slice 70: empty brain inside the skull
        Vec3 centre = c.series().get(0).volume().geometry().toLps(255.5, 255.5, 70);
        assertTrue(waitFor(slices.paint(List.of(centre))).isOK());
        long painted = c.labelMap().voxelCount(skull) - before;
        double disc = Math.PI * 25 / (0.451171875 * 0.451171875);
        assertEquals(disc, painted, disc * 0.05, "a 5 mm disc of 0.45 mm pixels");
        spin(300);
        assertTrue(segments.rows().get(0).startsWith("+Skull"), segments.rows().toString());
        Screenshots.capture(page().getWorkbenchWindow().getShell(), "segment-editor.png");

        TwinPrintSession.get().operations().undo(c);
        assertEquals(before, c.labelMap().voxelCount(skull), "undo takes the stroke back");
        TwinPrintSession.get().operations().redo(c);
        assertEquals(before + painted, c.labelMap().voxelCount(skull), "redo paints it again");
        TwinPrintSession.get().operations().undo(c);
        segments.setBrush(new TwinPrintSession.Brush(TwinPrintSession.Brush.Mode.OFF, 5, false));
    }

    @Test
    @Order(7)
    void modelViewShowsTheSkullInThreeDimensions() throws Exception {
        ModelView model = (ModelView) page().showView(TwinPrintPerspective.MODEL_VIEW);
        model.resetCamera();
        spin(500);
        ImageData front = Screenshots.capture(page().getWorkbenchWindow().getShell(), "model-3d.png");
        assertTrue(distinctColours(front) > 50);
        model.orbit(90, 0);
        spin(500);
        Screenshots.capture(page().getWorkbenchWindow().getShell(), "model-3d-side.png");
        TwinPrintSession.get().setHidden(TwinPrintSession.get().currentCase().labelMap().segment("Skull")
                .orElseThrow().key(), true);
        spin(500);
        ImageData hidden = Screenshots.capture(page().getWorkbenchWindow().getShell(), "model-3d-hidden.png");
        assertTrue(distinctColours(hidden) < distinctColours(front), "hiding the segment hides its mesh");
        TwinPrintSession.get().setHidden(TwinPrintSession.get().currentCase().labelMap().segment("Skull")
                .orElseThrow().key(), false);
    }

    @Test
    @Order(13)
    void threePlanesFollowOneCrosshairAndShareTheWindow() throws Exception {
        Job job = OpenDemoHandler.schedule();
        assertTrue(waitFor(job).isOK());
        SliceView axial = (SliceView) page().showView(TwinPrintPerspective.SLICE_VIEW);
        SliceView coronal = (SliceView) page().showView(TwinPrintPerspective.CORONAL_VIEW);
        SliceView sagittal = (SliceView) page().showView(TwinPrintPerspective.SAGITTAL_VIEW);
        spin(300);
        assertEquals(70, axial.slice(), "a new case opens at its middle");

        axial.clickPixel(300, 200); // i = 300, j = 200 on axial slice 70
        spin(300);
        assertEquals(200, coronal.slice(), "coronal shows the clicked row");
        assertEquals(300, sagittal.slice(), "sagittal shows the clicked column");
        coronal.clickPixel(100, 139 - 30); // i = 100, k = 30: the top row is the most superior slice
        spin(300);
        assertEquals(30, axial.slice());
        assertEquals(100, sagittal.slice());
        assertEquals(List.of(100.0, 200.0, 30.0), Arrays.stream(TwinPrintSession.get().crosshair()).boxed().toList());

        // the readout under the cursor: HU from the volume and the LPS position in mm
        Case c = TwinPrintSession.get().currentCase();
        int hu = c.series().get(0).volume().get(256, 250, 30);
        Vec3 p = c.series().get(0).volume().geometry().toLps(256, 250, 30);
        String readout = axial.readout(256, 250);
        assertTrue(readout.contains(hu + " HU"), readout);
        assertTrue(readout.contains(String.format(java.util.Locale.ROOT, "LPS (%.1f, %.1f, %.1f) mm", p.x(), p.y(),
                p.z())), readout);

        TwinPrintSession.get().setWindow(80, 40); // the brain preset, for all three
        spin(300);
        ImageData brain = Screenshots.capture(page().getWorkbenchWindow().getShell(), "planes-brain-window.png");
        TwinPrintSession.get().setWindow(1800, 400);
        spin(300);
        assertTrue(distinctColours(brain) > 20);
    }

    @Test
    @Order(14)
    void studyBrowserListsTheDemoSeriesWithAThumbnailAndOpensIt() throws Exception {
        StudyBrowserView browser = (StudyBrowserView) page().showView(TwinPrintPerspective.STUDIES_VIEW);
        assertTrue(waitFor(browser.scan(org.twinprint.demo.DemoCase.dicomFolder())).isOK());
        spin(500);
        assertEquals(1, browser.series().size());
        StudyTree.Series series = browser.series().get(0);
        assertTrue(series.label().startsWith("CT") && series.label().endsWith("(140 images)"), series.label());
        assertEquals(1, browser.thumbnailCount(), "the series shows a thumbnail");

        assertTrue(waitFor(browser.open(series)).isOK());
        Case c = TwinPrintSession.get().currentCase();
        assertEquals(series.seriesUid(), c.series().get(0).uid());
        assertEquals(-30_468_829_548L, c.series().get(0).volume().statistics().sum());
        page().showView(TwinPrintPerspective.SLICE_VIEW);
        ((SliceView) page().findView(TwinPrintPerspective.SLICE_VIEW)).clickPixel(256, 300);
        spin(500);
        ImageData shot = Screenshots.capture(page().getWorkbenchWindow().getShell(), "study-browser-and-slices.png");
        assertTrue(distinctColours(shot) > 50);
    }

    @Test
    @Order(15)
    void studyBrowserQueriesAPacsAndOpensASeriesFromIt() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("twinprint-ui-pacs");
        try (org.twinprint.testing.LocalOrthanc orthanc = new org.twinprint.testing.LocalOrthanc(dir)) {
            org.twinprint.imaging.pacs.core.PacsNode node = new org.twinprint.imaging.pacs.core.PacsNode("127.0.0.1",
                    orthanc.dicomPort, org.twinprint.testing.LocalOrthanc.AET,
                    org.twinprint.testing.LocalOrthanc.OUR_AET);
            List<java.nio.file.Path> files;
            try (var s = java.nio.file.Files.list(org.twinprint.demo.DemoCase.dicomFolder())) {
                files = s.filter(java.nio.file.Files::isRegularFile).filter(p -> !p.toString().endsWith(".txt"))
                        .toList();
            }
            new org.twinprint.imaging.pacs.core.DimseClient(node).store(files,
                    org.twinprint.core.spi.Progress.NONE);

            StudyBrowserView browser = (StudyBrowserView) page().showView(TwinPrintPerspective.STUDIES_VIEW);
            assertTrue(waitFor(browser.queryPacs(node, java.util.Map.of("PatientID", "*"))).isOK());
            spin(300);
            assertEquals(1, browser.series().size());
            StudyTree.Series remote = browser.series().get(0);
            assertNotNull(remote.remote(), "listed from the PACS, not from disk");
            assertTrue(remote.label().endsWith("(140 images)"), remote.label());

            assertTrue(waitFor(browser.open(remote)).isOK(), "C-GET and load as a job");
            Case c = TwinPrintSession.get().currentCase();
            assertEquals(remote.seriesUid(), c.series().get(0).uid());
            assertEquals(-30_468_829_548L, c.series().get(0).volume().statistics().sum());
        }
    }

    @Test
    @Order(16)
    void aCaseSavedFromTheWorkbenchReopensAsItWasAndTheTitleSaysWhetherItIsSaved() throws Exception {
        assertTrue(waitFor(OpenDemoHandler.schedule()).isOK());
        TwinPrintSession session = TwinPrintSession.get();
        Case demo = session.currentCase();
        assertTrue(session.unsaved(), "the demo's segment and model are not in any file");
        assertTrue(menuItems("File").containsAll(List.of("Open Case...", "Save Case", "Save Case As...")),
                menuItems("File").toString());
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("twinprint-ui-case").resolve(
                "plan.twinprint");
        // a plan on it: three landmarks, a distance and a craniotomy plane (LPS mm), and the skull at 70 % opacity
        demo.putMarkup(new org.twinprint.core.model.Markup("Landmarks", org.twinprint.core.model.Markup.Type.POINTS,
                List.of(point("Bregma", 2, 100, 800), point("Left pterion", 62, 60, 770),
                        point("Right pterion", -58, 60, 770)), null));
        demo.putMarkup(new org.twinprint.core.model.Markup("Width", org.twinprint.core.model.Markup.Type.LINE,
                List.of(point("", 62, 60, 770), point("", -58, 60, 770)), null));
        demo.putMarkup(new org.twinprint.core.model.Markup("Craniotomy", org.twinprint.core.model.Markup.Type.PLANE,
                List.of(point("", 0, 114, 790)), new org.twinprint.core.model.Vec3(0.1, -0.3, 1)));
        session.setOpacityPercent(demo.labelMap().segment("Skull").orElseThrow().key(), 70);
        byte[] labels = demo.labelMap().labels().clone();
        float[] vertices = demo.meshes().get(0).vertices().clone();
        int steps = demo.provenance().size();

        assertTrue(waitFor(org.twinprint.ui.handlers.CaseFiles.save(file)).isOK());
        spin(300);
        assertFalse(session.unsaved());
        String title = page().getWorkbenchWindow().getShell().getText();
        assertEquals("Head phantom (demo) - plan.twinprint - TwinPrint", title);
        assertEquals(file.toAbsolutePath().normalize(), org.twinprint.ui.handlers.RecentCases.list().get(0),
                "File > Open Recent offers it first");

        session.operations().segment(demo, session.operations().catalog().require(
                org.twinprint.core.service.ServiceKind.SEGMENTATION_TOOL, org.twinprint.core.spi.SegmentationTool.class,
                "segment.threshold"), java.util.Map.of("preset", "custom", "lower", "-200", "upper", "200", "segment",
                        "Soft tissue"), org.twinprint.core.spi.Progress.NONE);
        spin(300);
        assertTrue(page().getWorkbenchWindow().getShell().getText().startsWith("*Head phantom (demo)"),
                "an edit marks the title");

        assertTrue(waitFor(org.twinprint.ui.handlers.CaseFiles.open(file)).isOK());
        spin(500);
        Case back = session.currentCase();
        assertNotSame(demo, back);
        assertArrayEquals(labels, back.labelMap().labels(), "the labels as saved, before the edit");
        assertArrayEquals(vertices, back.meshes().get(0).vertices());
        assertEquals(steps, back.provenance().size());
        assertFalse(session.unsaved());
        assertEquals("Head phantom (demo) - plan.twinprint - TwinPrint", page().getWorkbenchWindow().getShell().getText());
        assertEquals(demo.markups(), back.markups(), "landmarks, line and plane as saved");
        var g = back.series().get(0).volume().geometry();
        var at = g.toIndex(new org.twinprint.core.model.Vec3(2, 60, 770)); // the slices through the pterion landmarks
        session.setCrosshair(at.x(), at.y(), at.z());
        page().showView(TwinPrintPerspective.MODEL_VIEW);
        spin(800);
        Screenshots.capture(page().getWorkbenchWindow().getShell(), "reopened-case.png");
    }

    private static Set<String> menuItems(String menu) {
        Set<String> labels = new HashSet<>();
        for (MenuItem item : page().getWorkbenchWindow().getShell().getMenuBar().getItems()) {
            if (item.getText().replace("&", "").equals(menu)) {
                item.getMenu().notifyListeners(SWT.Show, new Event());
                Arrays.stream(item.getMenu().getItems()).map(i -> i.getText().replace("&", "").split("\t")[0])
                        .forEach(labels::add);
            }
        }
        return labels;
    }

    @Test
    @Order(17)
    void unsavedWorkLeftByACrashIsOfferedBackWithItsChanges() throws Exception {
        assertTrue(waitFor(OpenDemoHandler.schedule()).isOK());
        TwinPrintSession session = TwinPrintSession.get();
        org.twinprint.ui.Autosave.discard();
        session.currentCase().putMarkup(new org.twinprint.core.model.Markup("Entry point",
                org.twinprint.core.model.Markup.Type.POINTS, List.of(point("Burr hole", 30, 60, 800)), null));
        assertTrue(session.unsaved());
        // what the autosave job does every two minutes; a crash then leaves it behind
        assertTrue(org.twinprint.ui.Autosave.saveNow(), "unsaved work is saved aside");
        var pending = org.twinprint.ui.Autosave.pending().orElseThrow();
        assertEquals("Head phantom (demo)", pending.caseName());
        assertNull(pending.originalFile(), "the demo came from no file");

        // the next start offers it back: restored, it is the same work, still unsaved
        org.twinprint.ui.Autosave.restore(pending);
        spin(300);
        assertEquals("Entry point", session.currentCase().markups().get(0).name());
        assertTrue(session.unsaved(), "restored work is in no file until it is saved");
        assertTrue(page().getWorkbenchWindow().getShell().getText().startsWith("*Head phantom (demo)"));
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("twinprint-ui-autosave").resolve("kept.twinprint");
        assertTrue(waitFor(org.twinprint.ui.handlers.CaseFiles.save(file)).isOK());
        assertTrue(org.twinprint.ui.Autosave.pending().isEmpty(), "saving removes the autosave");
        assertFalse(org.twinprint.ui.Autosave.saveNow(), "nothing unsaved, nothing to keep aside");
    }

    @Test
    @Order(18)
    void aPlanePlacedWithTwoClicksCutsTheModelIntoTwoClosedParts() throws Exception {
        assertTrue(waitFor(OpenDemoHandler.schedule()).isOK());
        TwinPrintSession session = TwinPrintSession.get();
        Case demo = session.currentCase();
        org.twinprint.ui.views.MarkupsView markups = (org.twinprint.ui.views.MarkupsView) page().showView(
                TwinPrintPerspective.MARKUPS_VIEW);
        markups.choose(org.twinprint.ui.views.MarkupPlacement.Tool.PLANE);
        // two clicks in the coronal view (it looks along y): a cut seen edge-on, rising to the left
        org.twinprint.core.model.Vec3 along = new org.twinprint.core.model.Vec3(0, 1, 0);
        assertNull(session.placement().click(demo, new org.twinprint.core.model.Vec3(-80, 100, 780), along));
        org.twinprint.core.model.Markup plane = session.placement().click(demo,
                new org.twinprint.core.model.Vec3(80, 100, 800), along);
        assertEquals("Plane 1", plane.name());
        assertEquals(0, plane.unitNormal().dot(along), 1e-12, "the plane holds the view's direction");
        markups.choose(org.twinprint.ui.views.MarkupPlacement.Tool.LANDMARK);
        session.placement().click(demo, new org.twinprint.core.model.Vec3(0, 100, 830), along);
        markups.choose(null);

        org.twinprint.core.model.Mesh skull = demo.meshes().get(0);
        assertTrue(waitFor(org.twinprint.ui.views.MarkupsView.cut(demo, plane)).isOK());
        List<org.twinprint.core.model.Mesh> parts = demo.meshes().stream()
                .filter(org.twinprint.meshing.core.PlaneCuts::isPart).toList();
        assertEquals(2, parts.size(), demo.meshes().toString());
        double sum = 0;
        for (org.twinprint.core.model.Mesh part : parts) {
            assertTrue(org.twinprint.meshing.core.MeshTopology.of(part).watertight(), part.name());
            sum += part.volumeMm3();
        }
        assertEquals(skull.volumeMm3(), sum, skull.volumeMm3() * 1e-4, "the parts add up to the skull");
        assertTrue(session.isMeshHidden(skull.name()), "the whole skull makes way for its parts");
        var g = demo.series().get(0).volume().geometry();
        var at = g.toIndex(new org.twinprint.core.model.Vec3(0, 100, 790));
        session.setCrosshair(at.x(), at.y(), at.z());
        spin(800);
        Screenshots.capture(page().getWorkbenchWindow().getShell(), "cut-by-plane.png");

        org.twinprint.ui.views.MarkupsView.rename(demo, plane, "Craniotomy");
        assertEquals(List.of("Landmarks", "Craniotomy"), demo.markups().stream().map(
                org.twinprint.core.model.Markup::name).toList());
        session.setMeshHidden(skull.name(), false);
    }

    @Test
    @Order(19)
    void segmentsAreManagedFromTheSegmentsViewAndFileNewStartsEmpty() throws Exception {
        assertTrue(waitFor(OpenDemoHandler.schedule()).isOK());
        TwinPrintSession session = TwinPrintSession.get();
        Case demo = session.currentCase();
        var operations = session.operations();
        java.util.function.Function<String, org.twinprint.core.spi.SegmentationTool> tool = id -> operations.catalog()
                .require(org.twinprint.core.service.ServiceKind.SEGMENTATION_TOOL,
                        org.twinprint.core.spi.SegmentationTool.class, id);
        operations.segment(demo, tool.apply("segment.add"), java.util.Map.of("segment", "Implant zone", "color",
                "#3366ff"), org.twinprint.core.spi.Progress.NONE);
        operations.segment(demo, tool.apply("segment.rename"), java.util.Map.of("segment", "Implant zone", "name",
                "Defect"), org.twinprint.core.spi.Progress.NONE);
        assertTrue(demo.labelMap().segment("Defect").isPresent());
        operations.segment(demo, tool.apply("segment.delete"), java.util.Map.of("segment", "Defect"),
                org.twinprint.core.spi.Progress.NONE);
        assertTrue(demo.labelMap().segment("Defect").isEmpty());
        // outlines in a colour that stands out from bone, as a user would pick to see them
        operations.segment(demo, tool.apply("segment.rename"), java.util.Map.of("segment", "Skull", "color",
                "#ff3300"), org.twinprint.core.spi.Progress.NONE);
        session.setOutlines(true);
        page().showView(TwinPrintPerspective.SEGMENTS_VIEW);
        spin(800);
        Screenshots.capture(page().getWorkbenchWindow().getShell(), "segment-outlines.png");
        session.setOutlines(false);

        assertTrue(menuItems("File").containsAll(List.of("New Case", "Open Recent")), menuItems("File").toString());
        page().getWorkbenchWindow().getService(org.eclipse.ui.handlers.IHandlerService.class)
                .executeCommand("org.twinprint.ui.newCase", null);
        spin(300);
        assertNull(session.currentCase(), "File > New Case closes the case");
        assertEquals("TwinPrint", page().getWorkbenchWindow().getShell().getText());
    }

    @Test
    @Order(20)
    void twoLiverResectionVariantsAreComparedInThePredictionViewWithTheirChart() throws Exception {
        java.nio.file.Path data = java.nio.file.Path.of(System.getProperty("twinprint.shared", "../shared"), "data",
                "totalsegmentator-example-ct");
        TwinPrintSession session = TwinPrintSession.get();
        var operations = session.operations();
        Case c = new Case("TotalSegmentator example");
        operations.importInto(c, data.resolve("example_ct.nii.gz"), java.util.Map.of(),
                org.twinprint.core.spi.Progress.NONE);
        operations.segment(c, operations.catalog().require(org.twinprint.core.service.ServiceKind.SEGMENTATION_TOOL,
                org.twinprint.core.spi.SegmentationTool.class, "segment.from-mask-file"), java.util.Map.of("file",
                        data.resolve("labels/liver.nii.gz").toString(), "segment", "Liver"),
                org.twinprint.core.spi.Progress.NONE);
        c.putMarkup(new org.twinprint.core.model.Markup("Right hepatectomy", org.twinprint.core.model.Markup.Type.PLANE,
                List.of(point("", -60, -185, 390)), new org.twinprint.core.model.Vec3(-1, 0, 0)));
        c.putMarkup(new org.twinprint.core.model.Markup("Extended right", org.twinprint.core.model.Markup.Type.PLANE,
                List.of(point("", -25, -185, 390)), new org.twinprint.core.model.Vec3(-1, 0, 0.15)));
        session.open(c);
        org.twinprint.ui.views.PredictionView view = (org.twinprint.ui.views.PredictionView) page().showView(
                org.twinprint.ui.views.PredictionView.ID);
        view.setVariants(List.of(org.twinprint.prediction.core.LiverPlan.Variant.parse("Right=Right hepatectomy"),
                org.twinprint.prediction.core.LiverPlan.Variant.parse("Extended=Extended right")), "Right");
        assertTrue(waitFor(view.predict()).isOK());
        page().setPartState(page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        spin(800);
        List<String[]> rows = view.resultRows();
        assertEquals(2, rows.size());
        assertEquals("\u2605 Right", rows.get(0)[0], "the chosen variant is starred");
        assertTrue(rows.get(0)[1].matches("\\d+\\.\\d \\(\\d+\\.\\d\u2013\\d+\\.\\d\\)"), rows.get(0)[1]);
        assertTrue(view.hasChart());
        ImageData shot = Screenshots.capture(page().getWorkbenchWindow().getShell(), "prediction-view.png");
        assertTrue(distinctColours(shot) > 20);
        page().setPartState(page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
    }
}
