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

    /** What {@code case FILE} prints, parsed. */
    private java.util.Map<?, ?> caseJson(Path file) {
        int before = out().length();
        assertEquals(0, run("case", file.toString()), err());
        return (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader.parse(out().substring(before));
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

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void modelMakesOneNamedObjectPerSegment(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("two.3mf");
        int code = run("model", "--segment", "Dense=1200:3071", "--segment", "Bone=300:1199", "--reduce", "0.2",
                "--out", model.toString(), "--report", dir.resolve("two.json").toString());
        String report = Files.readString(dir.resolve("two.json"));
        assertTrue(code == 0 || code == 1, err());
        java.util.Map<?, ?> json = (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader.parse(report);
        List<?> models = (List<?>) json.get("models");
        assertEquals(List.of("Dense", "Bone"), models.stream().map(m -> ((java.util.Map<?, ?>) m).get("segment"))
                .toList(), report);
        String xml;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            xml = new String(zip.getInputStream(zip.getEntry("3D/3dmodel.model")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("name=\"Dense\"") && xml.contains("name=\"Bone\""), "one object each in the 3MF");
        assertEquals(2, xml.split("<object ", -1).length - 1, "two objects");

        assertEquals(2, run("model", "--segment", "700:3071", "--segment", "700:3071", "--out",
                dir.resolve("x.stl").toString()), "the same segment twice is wrong usage");
        assertEquals(2, run("info", TestData.headPhantom().toString(), "--out", "a", "--out", "b"));
    }

    @Test
    void modelOfTheDemoSkullIsTheWorkbenchsMakeModel(@TempDir Path dir) throws Exception {
        // the options of the workbench's Make model and of the demo: 10 smoothing steps, half the triangles
        Path stl = dir.resolve("skull.stl");
        Path plan = dir.resolve("plan.twinprint");
        assertEquals(0, run("model", TestData.headPhantom().toString(), "--segment", "700:3071", "--largest",
                "--smooth", "10", "--reduce", "0.5", "--out", stl.toString(), "--report",
                dir.resolve("skull.json").toString(), "--save-case", plan.toString()), err());
        java.util.Map<?, ?> json = (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader
                .parse(Files.readString(dir.resolve("skull.json")));
        java.util.Map<?, ?> model = json.containsKey("models") ? (java.util.Map<?, ?>) ((List<?>) json.get("models"))
                .get(0) : json;
        // WorkbenchTest asserts the same numbers for Make model on the demo's Skull segment
        assertEquals(1_255_386, ((Number) model.get("triangles")).intValue(), model.toString());
        assertEquals(668_909, ((Number) model.get("vertices")).intValue(), model.toString());
        assertEquals(279_049.29, ((Number) model.get("volumeMm3")).doubleValue(), 0.01, model.toString());
        assertEquals(0, ((Number) model.get("selfIntersections")).intValue(), model.toString());
        assertTrue(out().contains("1,255,386 triangles, 279.0 ml, printable on FDM desktop"), out());

        // the case saved with it: reopened, it holds the same segment, model and steps
        java.util.Map<?, ?> saved = caseJson(plan);
        java.util.Map<?, ?> segment = (java.util.Map<?, ?>) ((List<?>) saved.get("segments")).get(0);
        assertEquals(1_371_755, ((Number) segment.get("voxels")).intValue(), out());
        java.util.Map<?, ?> mesh = (java.util.Map<?, ?>) ((List<?>) saved.get("meshes")).get(0);
        assertEquals(1_255_386, ((Number) mesh.get("triangles")).intValue(), out());
        assertEquals(9, ((Number) saved.get("provenanceSteps")).intValue(),
                "import, threshold, island, surface, smooth, reduce, fit volume, repair, export: " + out());
        java.util.Map<?, ?> digests = (java.util.Map<?, ?>) saved.get("sha256");

        // a second step on the saved case, saved again: the model and the first steps are carried on
        Path next = dir.resolve("plan-2.twinprint");
        assertEquals(0, run("segment", plan.toString(), "segment.threshold", "--preset", "custom", "--lower", "-200",
                "--upper", "200", "--segment", "Soft", "--save-case", next.toString()), err());
        java.util.Map<?, ?> after = caseJson(next);
        assertEquals(2, ((List<?>) after.get("segments")).size(), out());
        assertEquals(10, ((Number) after.get("provenanceSteps")).intValue(), out());
        java.util.Map<?, ?> afterDigests = (java.util.Map<?, ?>) after.get("sha256");
        assertEquals(digests.get("meshes"), afterDigests.get("meshes"), "the model, to the bit");
        assertEquals(digests.get("series"), afterDigests.get("series"), "the voxels, to the bit");
        assertEquals(2, run("model", "--case", plan.toString(), "--segment", "bone", "--out", stl.toString(),
                "--save-case", dir.resolve("plan.zip").toString()), "a case file ends with .twinprint");

        // landmarks, a distance and a cut plane from 3D Slicer, kept with the case
        Path slicer = Files.writeString(dir.resolve("plan.mrk.json"), """
                {"@schema": "https://raw.githubusercontent.com/Slicer/Slicer/main/Modules/Loadable/Markups/Resources/Schema/markups-schema-v1.0.3.json#",
                 "markups": [
                  {"type": "Fiducial", "name": "Landmarks", "coordinateSystem": "LPS", "controlPoints": [
                    {"label": "Nasion", "position": [0.5, 20.0, 760.0]}, {"label": "Left porion", "position": [70.0, 110.0, 740.0]},
                    {"label": "Right porion", "position": [-70.0, 110.0, 740.0]}]},
                  {"type": "Line", "name": "Width", "coordinateSystem": "RAS", "controlPoints": [
                    {"position": [70.0, -110.0, 740.0]}, {"position": [-70.0, -110.0, 740.0]}]},
                  {"type": "Plane", "name": "Cut", "coordinateSystem": "LPS", "planeType": "PointNormal",
                   "normal": [0.1, -0.1, 1.0], "controlPoints": [{"position": [0.0, 114.0, 790.0]}]}]}
                """);
        Path withMarkups = dir.resolve("plan-3.twinprint");
        assertEquals(0, run("markups", next.toString(), "--add", slicer.toString(), "--out",
                dir.resolve("back.mrk.json").toString(), "--save-case", withMarkups.toString()), err());
        java.util.Map<?, ?> marked = caseJson(withMarkups);
        List<?> markups = (List<?>) marked.get("markups");
        assertEquals(3, markups.size(), out());
        java.util.Map<?, ?> width = (java.util.Map<?, ?>) markups.get(1);
        assertEquals(140.0, ((Number) width.get("measurement")).doubleValue(), 1e-9, "mm, from RAS to LPS");
        assertEquals(afterDigests.get("labels"), ((java.util.Map<?, ?>) marked.get("sha256")).get("labels"));
        assertTrue(Files.readString(dir.resolve("back.mrk.json")).contains("\"label\": \"Right porion\""));

        // the skull cut by the plane: two closed parts that add up to it, kept in the case
        Path cut = dir.resolve("plan-4.twinprint");
        int before = out().length();
        assertEquals(0, run("cut", "--case", withMarkups.toString(), "--plane", "Cut", "--out",
                dir.resolve("parts").toString(), "--save-case", cut.toString()), err());
        java.util.Map<?, ?> cutJson = (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader
                .parse(out().substring(out().indexOf('{', before)));
        java.util.Map<?, ?> skullCut = (java.util.Map<?, ?>) ((List<?>) cutJson.get("cuts")).get(0);
        List<?> parts = (List<?>) skullCut.get("parts");
        assertEquals(2, parts.size(), out());
        double whole = ((Number) skullCut.get("volumeMm3")).doubleValue();
        assertEquals(whole, ((Number) skullCut.get("partsVolumeMm3")).doubleValue(), whole * 1e-4, out());
        for (Object part : parts) {
            assertEquals(Boolean.TRUE, ((java.util.Map<?, ?>) part).get("closed"), out());
            assertTrue(Files.size(Path.of((String) ((java.util.Map<?, ?>) part).get("file"))) > 84, out());
        }
        assertEquals("Model 700:3071 (behind Cut)", ((java.util.Map<?, ?>) parts.get(0)).get("name"), out());
        java.util.Map<?, ?> reopened = caseJson(cut);
        assertEquals(3, ((List<?>) reopened.get("meshes")).size(), "the whole skull and its two parts: " + out());
        assertEquals(((Number) marked.get("provenanceSteps")).intValue() + 1,
                ((Number) reopened.get("provenanceSteps")).intValue(), "the cut is a step: " + out());
        // every vertex of a part lies on the whole skull (the cut moves none by more than a micron)
        before = out().length();
        Path map = dir.resolve("cap-to-skull.ply");
        assertEquals(0, run("distance", "--case", cut.toString(), "--mesh", "Model 700:3071 (in front of Cut)", "--to",
                "Model 700:3071", "--out", map.toString()), err());
        java.util.Map<?, ?> distance = (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader
                .parse(out().substring(before));
        assertTrue(((Number) distance.get("maxMm")).doubleValue() < 0.002, out());
        assertTrue(((Number) distance.get("vertices")).intValue() > 100_000, out());
        String header = new String(Files.readAllBytes(map), 0, 400, StandardCharsets.US_ASCII);
        assertTrue(header.contains("comment colour = signed distance: blue -"), header);
        assertEquals(2, run("distance", "--case", cut.toString(), "--mesh", "Model 700:3071", "--to", "Nothing"));
        assertTrue(err().contains("--to Nothing: the case has no such mesh"), err());

        assertEquals(2, run("cut", "--case", withMarkups.toString(), "--plane", "Width"), "a line is no plane");
        assertTrue(err().contains("Width: that markup is a LINE, not a plane"), err());
        assertEquals(2, run("cut", "--case", withMarkups.toString(), "--plane", "Tilted=0,0,1:0,0,0"));
        assertTrue(err().contains("a plane's normal must have a direction"), err());
    }

    @Test
    void implantFitPutsAFibulaPieceOnItsMovedCopyAndSaysHowWellItFits(@TempDir Path dir) throws Exception {
        String plan = TestData.shared("brp-fibula-plan/BoneReconstructionPlanner.gltf").toString();
        Path report = dir.resolve("fit.json");
        int before = out().length();
        assertEquals(0, run("implant", "fit", plan + "#Fibula Segment 1A-1B", plan
                + "#Transformed Fibula Segment 1A-1B_6", "--keep", "1", "--out", dir.resolve("fitted.stl").toString(),
                "--map", dir.resolve("fit.ply").toString(), "--report", report.toString()), err());
        java.util.Map<?, ?> json = (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader
                .parse(out().substring(before));
        assertEquals(Boolean.TRUE, json.get("converged"), out());
        assertTrue(((Number) json.get("rmsMm")).doubleValue() <= 0.05, out());
        java.util.Map<?, ?> distance = (java.util.Map<?, ?>) json.get("distanceToBone");
        assertEquals(1.0, ((Number) distance.get("shareWithin2Mm")).doubleValue(), 1e-12, out());
        assertTrue(Files.readString(report).contains("\"units\": \"mm, patient LPS\""));
        assertEquals(2, run("implant", "fit", plan, plan), "a glTF of many meshes needs a name");
        assertTrue(err().contains("name one as FILE#NAME"), err());
    }

    @Test
    void convertWritesTheVolumeAndItsSegmentsAsALabelVolume(@TempDir Path dir) throws Exception {
        Path volume = dir.resolve("ct.nrrd");
        Path labels = dir.resolve("labels.nii.gz");
        assertEquals(0, run("convert", TestData.headPhantom().toString(), "--out", volume.toString(), "--labels",
                labels.toString(), "--segment", "Skull=700:3071"), err());
        assertEquals(0, run("info", volume.toString()));
        assertTrue(out().contains("\"dimensions\": [512, 512, 140]") && out().contains("\"sum\": -30468829548"),
                out());
        assertEquals(0, run("info", labels.toString()));
        assertTrue(out().contains("\"sum\": 1373795"), "label 1 in each of the 1,373,795 skull voxels: " + out());
        assertEquals(2, run("convert", TestData.headPhantom().toString(), "--out", dir.resolve("x.vtk").toString()));
    }

    @Test
    void aSegThatCannotBeWrittenLeavesTheReportAndSaysWhy(@TempDir Path dir) throws Exception {
        // the demo without one slice: resampled, so its slices no longer match images one to one
        Path gapped = Files.createDirectories(dir.resolve("gapped"));
        try (var files = Files.list(TestData.headPhantom())) {
            List<Path> all = files.sorted().toList();
            for (Path f : all) {
                if (!f.getFileName().toString().equals("I1000")) {
                    Files.copy(f, gapped.resolve(f.getFileName()));
                }
            }
        }
        Path report = dir.resolve("report.json");
        assertEquals(1, run("segment", gapped.toString(), "segment.threshold", "--lower", "700", "--out",
                report.toString(), "--seg", dir.resolve("skull.dcm").toString()));
        assertTrue(Files.exists(report), "the report is written");
        assertTrue(Files.readString(report).contains("\"notWritten\""), Files.readString(report));
        assertTrue(err().contains("skull.dcm: not written"), err());
    }

    @Test
    void everyFailureExitsOneNamingTheFileAndUsageAloneExitsTwo(@TempDir Path dir) throws Exception {
        // a raw NRRD of 2.3 GB (sparse: it takes no disk): no array holds it
        Path big = dir.resolve("big.nrrd");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.write(("NRRD0004\ntype: short\ndimension: 3\nsizes: 1024 1024 1100\nencoding: raw\n\n")
                    .getBytes(StandardCharsets.US_ASCII));
            f.setLength(2_306_867_300L);
        }
        assertEquals(1, run("info", big.toString()));
        assertTrue(err().contains(big.toString()) && err().contains("over 2 GiB"), err());
        // gzip data that inflates far beyond the heap: refused before it is inflated
        Path bomb = dir.resolve("bomb.nrrd");
        try (var out = Files.newOutputStream(bomb)) {
            out.write("NRRD0004\ntype: short\ndimension: 3\nsizes: 40000 40000 1\nencoding: gzip\n\n"
                    .getBytes(StandardCharsets.US_ASCII));
            java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out);
            z.write(new byte[1 << 20]);
            z.finish();
        }
        err.reset();
        assertEquals(1, run("info", bomb.toString()));
        assertTrue(err().contains(bomb.toString()) && err().contains("MB of memory"), err());
        // a data problem inside a file is exit 1, not "usage"
        Path broken = Files.writeString(dir.resolve("broken.nrrd"), "NRRD0004\ntype: short\ndimension: 3\n"
                + "sizes: 2 two 2\nencoding: raw\n\n");
        err.reset();
        assertEquals(1, run("info", broken.toString()));
        assertTrue(err().contains("broken.nrrd") && err().contains("sizes"), err());
    }

    @Test
    void studiesListsAStructureSetBesideItsCt() {
        assertEquals(0, run("studies", TestData.shared("ibsi1-ct-phantom-rtstruct").toString()));
        java.util.Map<?, ?> json = (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader.parse(out());
        List<?> series = (List<?>) json.get("series");
        assertEquals(1, series.size(), out());
        List<?> objects = (List<?>) ((java.util.Map<?, ?>) series.get(0)).get("objects");
        assertEquals(1, objects.size(), out());
        assertEquals("RTSTRUCT", ((java.util.Map<?, ?>) objects.get(0)).get("modality"));
    }

    @Test
    void infoOnASliceWithNonFiniteGeometryPrintsValidJsonNamingIt(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ct"));
        try (var files = Files.list(TestData.headPhantom())) {
            List<Path> some = files.sorted().limit(5).toList();
            for (Path f : some) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
            com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
            list.read(some.get(0).toFile());
            com.pixelmed.dicom.Attribute spacing = new com.pixelmed.dicom.DecimalStringAttribute(
                    com.pixelmed.dicom.TagFromName.PixelSpacing);
            spacing.addValue("NaN");
            spacing.addValue("1");
            list.put(spacing);
            list.write(folder.resolve(some.get(0).getFileName()).toString());
        }
        assertEquals(0, run("info", folder.toString()));
        String json = out();
        Process p = new ProcessBuilder("/usr/bin/python3", "-m", "json.tool").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(json.getBytes(StandardCharsets.UTF_8));
        }
        String parsed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), parsed);
        assertTrue(json.contains("PixelSpacing NaN"), json);
    }

    @Test
    void everyMeshFormatWrittenIsReadBackWithTheSameVolume(@TempDir Path dir) throws Exception {
        Path femur = TestData.shared("gfxmorph_bone_stl/data/femur.stl");
        double volume = org.twinprint.meshing.core.StlFormat.read(femur).volumeMm3();
        for (String ext : List.of("obj", "ply", "3mf", "glb")) {
            Path copy = dir.resolve("femur." + ext);
            assertEquals(0, run("check", femur.toString(), "--out", copy.toString()), err());
            out.reset();
            assertEquals(0, run("check", copy.toString()), ext + ": " + err());
            java.util.Map<?, ?> report = (java.util.Map<?, ?>) org.twinprint.core.report.JsonReader.parse(out());
            assertEquals(volume, (Double) report.get("volumeMm3"), volume * 1e-5, ext + " keeps the volume");
            assertEquals(Boolean.TRUE, report.get("closed"), ext);
        }
    }

    @Test
    void aMeshWithANonFiniteVertexOrNoTriangleIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path nan = Files.writeString(dir.resolve("nan.stl"), """
                solid nan
                 facet normal 0 0 1
                  outer loop
                   vertex 0 0 0
                   vertex 10 0 0
                   vertex NaN 10 0
                  endloop
                 endfacet
                endsolid nan
                """);
        assertEquals(1, run("filter", nan.toString(), "mesh.smooth", "--out", dir.resolve("out.stl").toString()));
        assertTrue(err().contains("nan.stl") && err().contains("vertex 2") && err().contains("NaN"), err());
        assertTrue(!Files.exists(dir.resolve("out.stl")), "nothing is written");
        Path empty = dir.resolve("empty.stl");
        byte[] header = new byte[84]; // a binary STL of 0 triangles
        Files.write(empty, header);
        err.reset();
        assertEquals(1, run("check", empty.toString()));
        assertTrue(err().contains("empty.stl") && err().contains("holds no triangles"), err());
    }

    @Test
    void whatLibrariesPrintGoesToTheLogFileNotTheConsole() throws Exception {
        // PixelMed prints a message and a stack trace to standard error for each damaged element
        java.io.PrintStream before = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(seen, true, StandardCharsets.UTF_8));
        String marker = "damaged element " + System.nanoTime();
        try {
            PrintStream console = CliApplication.librariesToLog();
            System.err.println("[main] ERROR com.pixelmed.dicom.AttributeList " + marker);
            new IllegalStateException(marker).printStackTrace();
            console.println("twinprint: skipped a.dcm: " + marker);
        } finally {
            System.err.close();
            System.setErr(before);
        }
        String onConsole = seen.toString(StandardCharsets.UTF_8);
        assertEquals("twinprint: skipped a.dcm: " + marker, onConsole.strip(), "one line, the tool's own");
        Path log = Path.of(System.getProperty("user.home"), ".cache", "twinprint", "twinprint.log");
        String logged = Files.readString(log);
        assertTrue(logged.contains("ERROR com.pixelmed.dicom.AttributeList " + marker)
                && logged.contains("java.lang.IllegalStateException: " + marker), "the library's lines are in " + log);
    }

    @Test
    void modelTakesItsSegmentsFromASeg(@TempDir Path dir) throws Exception {
        String dcmqi = "dcmqi_ct3slice_seg/data/segmentations/";
        Path model = dir.resolve("liver.3mf");
        int code = run("model", TestData.shared(dcmqi + "ct-3slice").toString(), "--segments-from",
                TestData.shared(dcmqi + "liver.dcm").toString(), "--out", model.toString(), "--report",
                dir.resolve("liver.json").toString());
        assertTrue(code == 0 || code == 1, err());
        String report = Files.readString(dir.resolve("liver.json"));
        assertTrue(report.contains("\"segment\": \"Liver\""), report);
        assertTrue(Files.size(model) > 1000, "the model is written");
    }
}
