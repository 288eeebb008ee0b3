package org.twinprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** The subcommands of releng/run, driven as the launcher drives them, with the real services. */
class CommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Commands commands = new Commands(new CaseOperations(OsgiServices.await(ServiceCatalog.class)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return commands.run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEverySubcommand() {
        assertEquals(0, run("help"));
        for (String sub : List.of("help", "demo", "info", "tools", "segment")) {
            assertTrue(out().contains("  " + sub), sub + " missing from:\n" + out());
        }
        assertTrue(out().contains("segment.threshold"));
    }

    @Test
    void toolsNamesThePluginOfEachService() {
        assertEquals(0, run("tools"));
        assertTrue(out().matches("(?s).*segment\\.threshold\\s+org\\.twinprint\\.segmentation\\.core 0\\.1\\.0.*"),
                out());
        assertTrue(out().contains("import.dicom"));
        assertTrue(out().contains("--preset choice (default bone)"));
    }

    @Test
    void infoPrintsTheGeometryOfTheHeadPhantomAsJson() {
        assertEquals(0, run("info", TestData.headPhantom().toString()));
        String json = out();
        assertTrue(json.contains("\"coordinateSystem\": \"LPS\""), json);
        assertTrue(json.contains("\"dimensions\": [512, 512, 140]"), json);
        assertTrue(json.contains("\"spacing\": [0.451171875, 0.451171875, 1]"), json);
        assertTrue(json.contains("\"origin\": [-115.5, -1.85, 694.21]"), json);
        assertTrue(json.contains("\"min\": -1024") && json.contains("\"max\": 3071"), json);
    }

    @Test
    void segmentRunsToolsInOrderAndWritesItsReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("skull.json");
        assertEquals(0, run("segment", TestData.headPhantom().toString(), "segment.threshold", "--preset", "custom",
                "--lower", "700", "--segment", "Skull", "+", "segment.largest-island", "--segment", "Skull", "--out",
                report.toString()));
        String json = Files.readString(report);
        assertTrue(json.contains("\"voxels\": 1371755"), json);
        assertTrue(json.contains("\"plugin\": \"org.twinprint.segmentation.core\""), json);
    }

    @Test
    void aTypedBoundRunsAndIsRecordedThoughAPresetIsInForce(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("bone.json");
        // the default preset is bone (226 to 3071): the typed lower bound must win over it
        assertEquals(0, run("segment", TestData.headPhantom().toString(), "segment.threshold", "--lower", "700",
                "--out", report.toString()));
        String json = Files.readString(report);
        assertTrue(json.contains("\"voxels\": 1373795"), json);
        assertTrue(json.contains("\"lower\": \"700\"") && json.contains("\"upper\": \"3071\""), json);
    }

    @Test
    void wrongUsageExitsWithTwoAndSaysWhy() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown subcommand 'frobnicate'"));
        assertEquals(2, run("segment", TestData.headPhantom().toString(), "segment.threshold", "--preset", "marrow"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--preset"));
    }

    @Test
    void aMissingPathFailsWithItsName() {
        assertEquals(1, run("info", "/no/such/folder"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("/no/such/folder"));
    }

    @Test
    void brokenPluginsAreListedByNameAndTheRestStillWorks() {
        assertEquals(0, run("tools"));
        String listing = out();
        assertTrue(listing.contains("problem              plugin org.twinprint.examples.broken: component "
                + "org.twinprint.examples.broken.FailsOnActivationTool failed to activate"), listing);
        assertTrue(listing.contains("calibration table not found"), listing);
        assertTrue(listing.contains("plugin org.twinprint.examples.broken.activator: did not start"), listing);
        assertTrue(listing.contains("broken.when-run"), "the plugin's working component is still offered");
        assertTrue(!listing.contains("broken.on-activation "), "a component that failed offers no tool");
    }

    @Test
    void aToolThatThrowsFailsTheCommandNamingItsPlugin(@TempDir Path dir) throws Exception {
        assertEquals(1, run("segment", TestData.headPhantom().toString(), "broken.when-run"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("segmentation tool 'broken.when-run' of plugin org.twinprint.examples.broken 0.1.0"),
                message);
        assertTrue(message.contains("index 42 out of bounds"), message);

        Path report = dir.resolve("after.json");
        assertEquals(0, run("segment", TestData.headPhantom().toString(), "segment.threshold", "--preset", "bone",
                "--out", report.toString()), "other tools run after a plugin failed");
    }

    @Test
    void femurRoundTripsThroughImportReportAndExportWithTheSameVolume(@TempDir Path dir) throws Exception {
        Path femur = TestData.shared("gfxmorph_bone_stl/data/femur.stl");
        Path copy = dir.resolve("femur-again.stl");
        assertEquals(0, run("check", femur.toString(), "--out", copy.toString()),
                "with no printer asked, the first listed one that holds the 414 mm femur is taken");
        String json = out();
        assertTrue(json.contains("\"closed\": true") && json.contains("\"manifold\": true"), json);
        assertTrue(json.contains("\"volumeMm3\": 399254.9"), json);
        assertTrue(json.contains("\"name\": \"Material jetting (PolyJet class)\""), json);
        assertEquals(org.twinprint.meshing.core.StlFormat.read(femur).volumeMm3(),
                org.twinprint.meshing.core.StlFormat.read(copy).volumeMm3(), 0.0);
        assertEquals(1, run("check", femur.toString(), "--printer", "Prusa"), "a printer asked for must hold it");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("NOT printable: ")
                && err.toString(StandardCharsets.UTF_8).contains("does not fit FDM desktop (Prusa MK4 class)'s build"
                        + " volume of 250.0 x 210.0 x 220.0 mm"), err.toString(StandardCharsets.UTF_8));
    }

    /** An ASCII STL box of the given size in mm, with its last {@code missing} triangles left out. */
    private static Path box(Path file, double x, double y, double z, int missing) throws Exception {
        double[][] c = new double[8][];
        for (int i = 0; i < 8; i++) {
            c[i] = new double[] { (i & 1) * x, (i >> 1 & 1) * y, (i >> 2 & 1) * z };
        }
        int[][] faces = { { 0, 2, 1 }, { 1, 2, 3 }, { 4, 5, 6 }, { 5, 7, 6 }, { 0, 1, 4 }, { 1, 5, 4 }, { 2, 6, 3 },
                { 3, 6, 7 }, { 0, 4, 2 }, { 2, 4, 6 }, { 1, 3, 5 }, { 3, 7, 5 } };
        StringBuilder s = new StringBuilder("solid box\n");
        for (int f = 0; f < faces.length - missing; f++) {
            s.append(" facet normal 0 0 0\n  outer loop\n");
            for (int v : faces[f]) {
                s.append("   vertex ").append(c[v][0]).append(' ').append(c[v][1]).append(' ').append(c[v][2])
                        .append('\n');
            }
            s.append("  endloop\n endfacet\n");
        }
        return Files.writeString(file, s.append("endsolid box\n").toString());
    }

    @Test
    void aModelTooLargeForEveryPrinterIsANoteAndEachFailedCriterionIsNamed(@TempDir Path dir) throws Exception {
        Path spine = box(dir.resolve("spine.stl"), 327, 204, 403, 0);
        assertEquals(0, run("check", spine.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out().contains("larger than every listed printer's build volume"), out());
        Path open = box(dir.resolve("open.stl"), 20, 20, 20, 1);
        assertEquals(1, run("check", open.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("open.stl: NOT printable: not closed: 3 edges on"
                + " holes"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void studiesListsTheSeriesOfAFolderFromTheHeaders() {
        assertEquals(0, run("studies", TestData.headPhantom().toString()));
        java.util.Map<?, ?> json = (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader.parse(out());
        List<?> series = (List<?>) json.get("series");
        assertEquals(1, series.size());
        java.util.Map<?, ?> s = (java.util.Map<?, ?>) series.get(0);
        assertEquals("CT", s.get("modality"));
        assertEquals(140.0, s.get("files"));
        assertEquals(List.of(), json.get("problems"));
    }

    @Test
    void deidentifyWritesCopiesThatLoadToTheSameVolume(@TempDir Path dir) {
        assertEquals(0, run("deidentify", TestData.headPhantom().toString(), "--out", dir.toString(), "--patient-id",
                "TP-7"));
        assertTrue(out().contains("De-identified 140 files"), out());
        assertEquals(0, run("info", dir.toString()));
        assertTrue(out().contains("\"sum\": -30468829548"), "the copies hold the same CT");
        assertEquals(2, run("deidentify", TestData.headPhantom().toString(), "--out", dir.toString()));
    }

    @Test
    void segmentWritesTheSegmentsAsDicomSegOnRequest(@TempDir Path dir) {
        Path seg = dir.resolve("skull-seg.dcm");
        assertEquals(0, run("segment", TestData.headPhantom().toString(), "segment.threshold", "--preset", "custom",
                "--lower", "700", "--upper", "3071", "--segment", "Skull", "--seg", seg.toString()));
        assertTrue(out().contains("DICOM SEG: " + seg.toAbsolutePath()), out());
        assertEquals(0, run("segment", TestData.headPhantom().toString(), "segment.from-seg", "--file",
                seg.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Skull: 1373795 voxels"),
                "the SEG brings back every voxel at 700 HU and above (1,373,795 in the data's INFO.txt)");
    }
}
