package org.twinprint.meshing.vtk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.Mesher;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.meshing.core.MeshPlaneCut;
import org.twinprint.meshing.core.MeshTopology;
import org.twinprint.meshing.core.ModelPipeline;
import org.twinprint.meshing.core.PrintabilityReport;
import org.twinprint.meshing.core.Printers;
import org.twinprint.meshing.core.StlFormat;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** From voxels to printable files, through the services as the product runs them. */
class SurfaceTest {

    private final ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
    private final CaseOperations operations = new CaseOperations(catalog);

    @Test
    void sphereOfTwentyMillimetresMeshesToItsVolume() {
        double radius = 20, voxel = 0.5;
        int n = 96; // 48 mm across
        Geometry g = Geometry.axisAligned(n, n, n, new Vec3(voxel, voxel, voxel), new Vec3(-30, 12, 100));
        short[] v = new short[n * n * n];
        double c = (n - 1) * voxel / 2;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double dx = i * voxel - c, dy = j * voxel - c, dz = k * voxel - c;
                    v[(k * n + j) * n + i] = (short) (dx * dx + dy * dy + dz * dz <= radius * radius ? 1000 : 0);
                }
            }
        }
        Case sphere = new Case("sphere");
        sphere.addSeries(new Series("1", "sphere", "CT", new Volume(g, v, "HU"), "synthetic", List.of()));
        operations.segment(sphere, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.threshold"), Map.of("preset", "custom", "lower", "500", "segment", "Ball"), Progress.NONE);
        Segment ball = sphere.labelMap().segment("Ball").orElseThrow();
        Mesh mesh = operations.mesh(sphere, catalog.require(ServiceKind.MESHER, Mesher.class, "mesh.surface"), ball,
                Map.of(), Progress.NONE);
        mesh = operations.filter(sphere, catalog.require(ServiceKind.MESH_FILTER, MeshFilter.class, "mesh.smooth"),
                mesh, Map.of("iterations", "10"), Progress.NONE);

        double exact = 4.0 / 3.0 * Math.PI * radius * radius * radius;
        assertEquals(exact, mesh.volumeMm3(), exact * 0.005, "within 0.5 % of 4/3 pi r^3");
        assertTrue(MeshTopology.of(mesh).watertight());
        // the mesh sits where the voxels are, in LPS mm
        double cx = 0;
        for (int i = 0; i < mesh.vertices().length; i += 3) {
            cx += mesh.vertices()[i];
        }
        assertEquals(-30 + c, cx / mesh.vertexCount(), 0.05);
    }

    @Test
    void demoSkullExportsAnStlThatAdmeshFindsClean(@TempDir Path dir) throws Exception {
        Case c = new Case("phantom");
        operations.importInto(c, TestData.headPhantom(), Map.of(), Progress.NONE);
        Path stl = dir.resolve("skull.stl");
        ModelPipeline.Result result = new ModelPipeline(operations).run(c,
                new ModelPipeline.Options("700:3071", true, 10, "0.5", stl, Printers.defaults().get(2)), Progress.NONE);

        long voxels = c.labelMap().voxelCount(c.labelMap().segment("Model 700:3071").orElseThrow());
        assertEquals(1_371_755, voxels, "largest 26-connected piece at >= 700 HU (INFO.txt)");
        double voxelVolume = voxels * c.series().get(0).volume().geometry().voxelVolumeMm3();
        assertTrue(result.report().topology().watertight(), result.report().toMap().toString());
        // the model recipe's output, the same in the workbench (WorkbenchTest) and on the command line
        assertEquals(1_255_386, result.mesh().triangleCount());
        assertEquals(668_909, result.mesh().vertexCount());

        String admesh = ExternalCheck.admesh(stl);
        assertEquals(0, ExternalCheck.admeshValue(admesh, "Backwards edges"), admesh);
        assertEquals(0, ExternalCheck.admeshValue(admesh, "Normals fixed"), admesh);
        assertEquals(0, ExternalCheck.admeshValue(admesh, "Degenerate facets"), admesh);
        assertEquals(0, ExternalCheck.admeshValue(admesh, "Total disconnected facets"), admesh);
        double admeshVolume = Double.parseDouble(admesh.replaceAll("(?s).*Volume\\s+:\\s+([0-9.]+).*", "$1"));
        assertEquals(voxelVolume, admeshVolume, voxelVolume * 0.01, "within 1 % of the voxel volume");
        assertEquals(voxelVolume, result.report().volumeMm3(), voxelVolume * 0.002, "fitted to the voxel volume");
        assertEquals(9, c.provenance().size(),
                "import, threshold, island, surface, smooth, reduce, fit volume, repair, export");
        assertTrue(result.repairs().shellsRemoved() > 1000, "loose voxel crumbs removed: " + result.repairs());
        assertEquals(0, result.repairs().holesFilled());

        cutByPlanesIntoTwoClosedParts(result.mesh(), dir);
    }

    /**
     * A craniotomy-like cut of the demo skull, then planes of random place and tilt: every time both
     * parts are closed and admesh-clean, and add up to the whole.
     */
    private static void cutByPlanesIntoTwoClosedParts(Mesh skull, Path dir) throws Exception {
        double[] centre = new double[3];
        for (int i = 0; i < skull.vertices().length; i++) {
            centre[i % 3] += skull.vertices()[i] / (double) skull.vertexCount();
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(2026_12_07);
        for (int k = 0; k < 6; k++) {
            Vec3 point = k == 0 ? new Vec3(centre[0], centre[1], centre[2] + 25)
                    : new Vec3(centre[0] + random.nextDouble(-30, 30), centre[1] + random.nextDouble(-30, 30),
                            centre[2] + random.nextDouble(-30, 30));
            Vec3 normal = k == 0 ? new Vec3(0.15, -0.1, 1)
                    : new Vec3(random.nextDouble(-1, 1), random.nextDouble(-1, 1), random.nextDouble(-1, 1));
            MeshPlaneCut.Parts parts = MeshPlaneCut.cut(skull, point, normal, "Skull base", "Skull cap");
            String plane = "plane " + k + " through " + point + " normal " + normal;
            double whole = skull.volumeMm3();
            double sum = parts.behind().volumeMm3() + parts.inFront().volumeMm3();
            System.out.printf("%s: %.1f mm³ cut into %.1f + %.1f mm³ (cap %.1f mm², %d loops, %d crossing)%n", plane,
                    whole, parts.behind().volumeMm3(), parts.inFront().volumeMm3(), parts.capAreaMm2(), parts.loops(),
                    parts.crossingOutlines());
            assertTrue(parts.loops() >= 2, plane + ": the cut crosses the skull's outer and inner surfaces");
            assertEquals(whole, sum, whole * 0.005, plane + ": the parts add up to the whole within 0.5 %");
            for (Mesh part : List.of(parts.behind(), parts.inFront())) {
                assertTrue(MeshTopology.of(part).watertight(), plane + ", " + part.name() + ": " + MeshTopology.of(part));
                Path stl = dir.resolve("part.stl");
                StlFormat.writeBinary(stl, List.of(part));
                String admesh = ExternalCheck.admesh(stl);
                String what = plane + ", " + part.name() + ":\n" + admesh;
                assertEquals(0, ExternalCheck.admeshValue(admesh, "Backwards edges"), what);
                assertEquals(0, ExternalCheck.admeshValue(admesh, "Normals fixed"), what);
                assertEquals(0, ExternalCheck.admeshValue(admesh, "Degenerate facets"), what);
                double admeshVolume = Double.parseDouble(admesh.replaceAll("(?s).*Volume\\s+:\\s+([0-9.]+).*", "$1"));
                assertEquals(part.volumeMm3(), admeshVolume, part.volumeMm3() * 0.001, what);
            }
        }
    }

    @Test
    void modelsFromThreeMillimetreVoxelsHoldTheirSegmentsVolume(@TempDir Path dir) throws Exception {
        // TotalSegmentator's example: 3 mm voxels, where a surface through voxel centres loses most
        for (String label : java.util.List.of("hip_left", "liver", "aorta")) {
            Case c = new Case(label);
            operations.importInto(c, TestData.shared("totalsegmentator-example-ct/labels/" + label + ".nii.gz"),
                    Map.of(), Progress.NONE);
            ModelPipeline.Result result = new ModelPipeline(operations).run(c, new ModelPipeline.Options(
                    java.util.List.of(label + "=1:1"), null, false, 10, "0.5", dir.resolve(label + ".stl"), null),
                    Progress.NONE);
            double voxels = c.labelMap().volumeMm3(c.labelMap().segment(label).orElseThrow());
            double volume = result.report().volumeMm3();
            assertEquals(voxels, volume, voxels * 0.01, label + ": the model within 1 % of its voxels");
            assertTrue(result.report().topology().watertight(), label + ": " + result.report().failures());
            assertEquals(0, result.report().selfIntersections(),
                    label + ": no triangles cross after reduction and the fit to the voxel volume");
        }
    }

    @Test
    void reducingTheDemoSkullAloneLeavesNoTriangleWhoseCornersMeetInTheFileAndMakesNoneCross(@TempDir Path dir)
            throws Exception {
        // without the pipeline's repair: tiny shells collapsed until two corners rounded to one float
        Case c = new Case("phantom");
        operations.importInto(c, TestData.headPhantom(), Map.of(), Progress.NONE);
        operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.threshold"), Map.of("preset", "custom", "lower", "700", "upper", "3071", "segment", "Bone"),
                Progress.NONE);
        Segment bone = c.labelMap().segment("Bone").orElseThrow();
        Mesh surface = operations.mesh(c, catalog.require(ServiceKind.MESHER, Mesher.class, "mesh.surface"), bone,
                Map.of(), Progress.NONE);
        Mesh reduced = operations.filter(c, catalog.require(ServiceKind.MESH_FILTER, MeshFilter.class, "mesh.reduce"),
                surface, Map.of("target", "0.5"), Progress.NONE);
        assertEquals(0, PrintabilityReport.of(surface, null).selfIntersections(), "the surface crosses nowhere");
        assertEquals(0, PrintabilityReport.of(reduced, null).selfIntersections(),
                "reduction makes no triangles cross (without its guard, about 1,000 pairs on this skull)");
        MeshTopology asFile = MeshTopology.of(reduced); // corners joined by position, as STL readers do
        assertEquals(0, asFile.nonManifoldEdges(), asFile.toString());
        assertTrue(asFile.closed() && asFile.consistentlyOriented(), asFile.toString());
        Path stl = dir.resolve("reduced.stl");
        org.twinprint.meshing.core.StlFormat.writeBinary(stl, List.of(reduced));
        String admesh = ExternalCheck.admesh(stl);
        assertEquals(0, ExternalCheck.admeshValue(admesh, "Degenerate facets"), admesh);
        assertEquals(0, ExternalCheck.admeshValue(admesh, "Backwards edges"), admesh);
    }

    @Test
    void frogTissuesBecomeFifteenColouredObjectsThatSavitarReads(@TempDir Path dir) throws Exception {
        Case frog = new Case("frog");
        operations.importInto(frog, TestData.shared("vtkdata_headsq_frogtissue/Data/froggy/frogtissue.mhd"), Map.of(),
                Progress.NONE);
        operations.segment(frog, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.from-labels"), Map.of("labels", "1-15", "names", "blood,brain,duodenum,eye retina,"
                        + "eye white,heart,ileum,kidney,large intestine,liver,lung,nerve,skeleton,spleen,stomach"),
                Progress.NONE);
        assertEquals(15, frog.labelMap().segments().size());
        Mesher mesher = catalog.require(ServiceKind.MESHER, Mesher.class, "mesh.surface");
        for (Segment s : frog.labelMap().segments()) {
            Mesh m = operations.mesh(frog, mesher, s, Map.of(), Progress.NONE);
            assertTrue(MeshTopology.of(m).watertight(), s.name() + " is closed, manifold and oriented");
        }
        Path file = dir.resolve("frog.3mf");
        operations.export(frog, catalog.require(ServiceKind.EXPORTER, Exporter.class, "export.3mf"), file, Map.of(),
                Progress.NONE);

        Path script = Files.writeString(dir.resolve("read.py"), """
                import sys, zipfile, Savitar
                scene = Savitar.ThreeMFParser().parse(zipfile.ZipFile(sys.argv[1]).read("3D/3dmodel.model"))
                print("unit", scene.getUnit())
                for node in scene.getSceneNodes():
                    colour = node.getSettings()["twinprint:color"].value
                    print("object", node.getName(), colour, len(node.getMeshData().getFacesAsBytes()) // 12)
                """);
        String out = ExternalCheck.run(List.of("/usr/bin/python3", script.toString(), file.toString()));
        assertTrue(out.startsWith("unit millimeter"), out);
        List<String> objects = out.lines().filter(l -> l.startsWith("object ")).toList();
        assertEquals(15, objects.size(), out);
        for (Segment s : frog.labelMap().segments()) {
            assertTrue(out.contains("object " + s.name() + " " + s.hexColor().toUpperCase()), s.name() + "\n" + out);
        }
    }
}
