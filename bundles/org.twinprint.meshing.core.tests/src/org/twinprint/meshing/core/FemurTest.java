package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.Progress;

/** The femur of gfxmorph_bone_stl: a closed, genus-0 bone of 20,308 triangles and 399,255 mm³. */
class FemurTest {

    private static final double FEMUR_MM3 = 399_255;

    @Test
    void volumeAndAreaInOnePassAreTheSameSumsToTheLastBit() throws IOException {
        Mesh fine = Shapes.subdivided(Shapes.subdivided(StlFormat.read(Shapes.femur()))); // five blocks of the sums
        assertEquals(16 * 20_308, fine.triangleCount());
        Mesh.Measures measures = fine.measures();
        assertEquals(fine.volumeMm3(), measures.volumeMm3(), 0.0);
        assertEquals(fine.areaMm2(), measures.areaMm2(), 0.0);
        assertEquals(FEMUR_MM3, measures.volumeMm3(), FEMUR_MM3 * 0.0005, "flat subdivision keeps the volume");
    }

    @Test
    void femurRoundTripsThroughImportReportAndExportWithIdenticalVolume(@TempDir Path dir) throws IOException {
        Mesh femur = StlFormat.read(Shapes.femur());
        assertEquals(20_308, femur.triangleCount());
        assertEquals(10_156, femur.vertexCount(), "corners of the file welded into shared vertices");
        PrintabilityReport report = PrintabilityReport.of(femur, Printers.defaults().get(2));
        assertTrue(report.topology().closed() && report.topology().manifold(), "closed and manifold");
        assertTrue(report.topology().consistentlyOriented());
        assertEquals(FEMUR_MM3, report.volumeMm3(), FEMUR_MM3 * 0.0005, "volume from the data's INFO.txt");
        assertEquals(52_193, report.areaMm2(), 52_193 * 0.0005);
        assertEquals(1, report.topology().shells());

        Path binary = dir.resolve("femur.stl");
        StlFormat.writeBinary(binary, List.of(femur));
        Mesh again = StlFormat.read(binary);
        assertEquals(femur.volumeMm3(), again.volumeMm3(), 0.0, "binary STL keeps every float");
        assertArrayEquals(femur.triangles(), again.triangles());

        Path ascii = dir.resolve("femur-ascii.stl");
        StlFormat.writeAscii(ascii, List.of(femur));
        assertTrue(Files.readString(ascii).startsWith("solid femur (units mm, coordinates patient LPS)"));
        assertEquals(femur.volumeMm3(), StlFormat.read(ascii).volumeMm3(), FEMUR_MM3 * 1e-6);
        byte[] header = java.util.Arrays.copyOf(Files.readAllBytes(binary), 80);
        assertTrue(new String(header, java.nio.charset.StandardCharsets.US_ASCII).contains("units mm"));
    }

    @Test
    void smoothingKeepsTheFemurClosedAndItsVolume() throws IOException {
        Mesh femur = StlFormat.read(Shapes.femur());
        Mesh smooth = TaubinSmoothing.smooth(femur, 20, Progress.NONE);
        assertTrue(MeshTopology.of(smooth).watertight());
        assertEquals(femur.volumeMm3(), smooth.volumeMm3(), femur.volumeMm3() * 0.005);
    }

    @Test
    void reducingToAQuarterKeepsTheFemurWatertightAndItsShape() throws IOException {
        Mesh femur = StlFormat.read(Shapes.femur());
        Mesh reduced = EdgeCollapse.reduce(femur, 5_000, Progress.NONE);
        assertEquals(5_000, reduced.triangleCount(), 2);
        assertOneWatertightShellWithTheVolumeOf(femur, reduced);
        assertEquals(femur.areaMm2(), reduced.areaMm2(), femur.areaMm2() * 0.02);
    }

    @Test
    void reducingAFinelySubdividedFemurToAFewPercentOnBothCoresKeepsItWatertight() throws IOException {
        // 325 k triangles: the two cores reduce their halves, a pass over the seam between them follows;
        // going down to 6 % lets vertices gather many triangles (more than their first room holds)
        Mesh femur = StlFormat.read(Shapes.femur());
        Mesh fine = Shapes.subdivided(Shapes.subdivided(femur));
        assertEquals(16 * femur.triangleCount(), fine.triangleCount());
        Mesh reduced = EdgeCollapse.reduce(fine, 20_000, Progress.NONE);
        assertEquals(20_000, reduced.triangleCount(), 2);
        assertOneWatertightShellWithTheVolumeOf(femur, reduced);
    }

    @Test
    void twoBonesThatMeetNowhereAreReducedWithoutASeamBetweenTheCoresHalves() throws IOException {
        // each core's half is exactly one bone: no vertex is shared, so the pass over the seam has nothing
        Mesh one = Shapes.subdivided(StlFormat.read(Shapes.femur()));
        float[] v = java.util.Arrays.copyOf(one.vertices(), 2 * one.vertices().length);
        for (int i = one.vertices().length; i < v.length; i += 3) {
            v[i] = one.vertices()[i - one.vertices().length] + 200; // 200 mm to the side
            v[i + 1] = one.vertices()[i + 1 - one.vertices().length];
            v[i + 2] = one.vertices()[i + 2 - one.vertices().length];
        }
        int[] t = java.util.Arrays.copyOf(one.triangles(), 2 * one.triangles().length);
        for (int i = one.triangles().length; i < t.length; i++) {
            t[i] = one.triangles()[i - one.triangles().length] + one.vertexCount();
        }
        Mesh two = new Mesh("two femurs", v, t);
        Mesh reduced = EdgeCollapse.reduce(two, two.triangleCount() / 4, Progress.NONE);
        assertEquals(two.triangleCount() / 4, reduced.triangleCount(), 2);
        MeshTopology topology = MeshTopology.of(reduced);
        assertTrue(topology.watertight(), topology.toString());
        assertEquals(2, topology.shells());
        assertEquals(two.volumeMm3(), reduced.volumeMm3(), two.volumeMm3() * 0.01);
        // down to a handful of triangles each bone stays closed and apart
        Mesh tiny = EdgeCollapse.reduce(two, 16, Progress.NONE);
        MeshTopology tinyTopology = MeshTopology.of(tiny);
        assertTrue(tinyTopology.watertight(), tinyTopology.toString());
        assertEquals(2, tinyTopology.shells());
        assertTrue(tiny.triangleCount() < 100, tiny.triangleCount() + " triangles");
    }

    /** The reduced femur is one closed, manifold, oriented shell within 1 % of the original's volume. */
    private static void assertOneWatertightShellWithTheVolumeOf(Mesh femur, Mesh reduced) {
        MeshTopology t = MeshTopology.of(reduced);
        assertTrue(t.watertight(), t.toString());
        assertEquals(1, t.shells());
        assertEquals(femur.volumeMm3(), reduced.volumeMm3(), femur.volumeMm3() * 0.01);
    }

    @Test
    void reductionDropsTrianglesWithARepeatedCornerInsteadOfFailing() throws IOException {
        // what a reduced STL read back by position can hold: corners of a triangle welded into one
        Mesh femur = StlFormat.read(Shapes.femur());
        int[] t = java.util.Arrays.copyOf(femur.triangles(), femur.triangles().length + 3);
        t[t.length - 3] = t[0];
        t[t.length - 2] = t[0];
        t[t.length - 1] = t[1];
        Mesh withDegenerate = new Mesh("femur", femur.vertices(), t);
        assertEquals(1, MeshTopology.of(withDegenerate).degenerateTriangles());
        Mesh reduced = EdgeCollapse.reduce(withDegenerate, 5_000, Progress.NONE);
        assertEquals(5_000, reduced.triangleCount(), 2);
        assertTrue(MeshTopology.of(reduced).watertight());
    }

    @Test
    void reductionTargetsReadAsCountsOrFractions() {
        assertEquals(500, MeshReduction.targetTriangles("0.5", 1000));
        assertEquals(200, MeshReduction.targetTriangles("200", 1000));
        assertEquals(1000, MeshReduction.targetTriangles("5000", 1000));
    }

    @Test
    void repairClosesSmallHolesAndDropsCrumbsAndSaysSo() throws IOException {
        Mesh femur = StlFormat.read(Shapes.femur());
        // punch two holes (one triangle each) and add a loose crumb: a tiny tetrahedron far away
        int[] t = femur.triangles();
        int[] holed = new int[t.length - 6 + 12];
        System.arraycopy(t, 3, holed, 0, 3000);
        System.arraycopy(t, 3006, holed, 3000, t.length - 3006);
        int base = femur.vertexCount();
        float[] v = java.util.Arrays.copyOf(femur.vertices(), femur.vertices().length + 12);
        float[] tet = { 500, 500, 500, 500.5f, 500, 500, 500, 500.5f, 500, 500, 500, 500.5f };
        System.arraycopy(tet, 0, v, femur.vertices().length, 12);
        int[] crumb = { base, base + 2, base + 1, base, base + 1, base + 3, base + 1, base + 2, base + 3, base, base + 3,
                base + 2 };
        System.arraycopy(crumb, 0, holed, t.length - 6, 12);
        Mesh damaged = new Mesh("femur", v, holed);
        assertEquals(6, MeshTopology.of(damaged).boundaryEdges());

        MeshRepair.Result r = MeshRepair.repair(damaged, 1, 30);
        assertEquals(1, r.shellsRemoved());
        assertEquals(2, r.holesFilled());
        assertTrue(MeshTopology.of(r.mesh()).watertight(), MeshTopology.of(r.mesh()).toString());
        assertEquals(MeshTopology.of(r.mesh()), r.topology());
        assertEquals(femur.volumeMm3(), r.mesh().volumeMm3(), femur.volumeMm3() * 0.001);
        assertTrue(r.summary().startsWith("removed 1 tiny shells"), r.summary());
    }

    @Test
    void repairKnowsTheTopologyOfWhatItLeaves() throws IOException {
        // two femurs, the second with two open holes (too large to fill at this setting) and one
        // corner moved to a copy of its vertex (two indices, one place), and a crumb to drop
        Mesh femur = StlFormat.read(Shapes.femur());
        int[] t = femur.triangles();
        int n = femur.vertexCount();
        int[] all = new int[2 * t.length - 6 + 12];
        System.arraycopy(t, 0, all, 0, t.length);
        for (int i = 0, k = t.length; i < t.length; i++) {
            if (i < 3 || i >= 3000 && i < 3003) {
                continue; // the holes
            }
            all[k++] = t[i] + n;
        }
        float[] v = java.util.Arrays.copyOf(femur.vertices(), 3 * (2 * n + 1 + 4));
        for (int i = 0; i < 3 * n; i++) {
            v[3 * n + i] = femur.vertices()[i] + 300;
        }
        System.arraycopy(v, 3 * n, v, 6 * n, 3); // vertex 2n sits where vertex n does
        for (int i = t.length; i < all.length; i++) {
            if (all[i] == n) {
                all[i] = 2 * n; // one of vertex n's triangles uses the copy
                break;
            }
        }
        int crumb = 2 * n + 1;
        float[] tet = { 900, 900, 900, 900.5f, 900, 900, 900, 900.5f, 900, 900, 900, 900.5f };
        System.arraycopy(tet, 0, v, 3 * crumb, 12);
        int[] faces = { 0, 2, 1, 0, 1, 3, 1, 2, 3, 0, 3, 2 };
        for (int i = 0; i < 12; i++) {
            all[all.length - 12 + i] = crumb + faces[i];
        }
        MeshRepair.Result r = MeshRepair.repair(new Mesh("femurs", v, all), 1, 2);
        assertEquals(1, r.shellsRemoved());
        assertEquals(0, r.holesFilled());
        assertEquals(2, r.holesLeft());
        MeshTopology read = MeshTopology.of(r.mesh());
        assertEquals(read, r.topology());
        assertEquals(2, read.shells());
        assertEquals(6, read.boundaryEdges());
    }

    @Test
    void reportFindsNoCrossingsAndAThickWallInTheFemur() throws IOException {
        PrintabilityReport r = PrintabilityReport.of(StlFormat.read(Shapes.femur()), Printers.defaults().get(0));
        assertEquals(0, r.selfIntersections());
        assertTrue(r.minimumWallMm() > 5, "a solid femur is nowhere thinner than 5 mm: " + r.minimumWallMm());
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("thinner")), r.warnings().toString());
    }
}
