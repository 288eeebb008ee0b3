package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

class MeshPlaneCutTest {

    /** A torus around the z axis (radii in mm), outward-facing. */
    static Mesh torus(double big, double small, int around, int tube) {
        float[] v = new float[3 * around * tube];
        int[] t = new int[6 * around * tube];
        for (int i = 0; i < around; i++) {
            double u = 2 * Math.PI * i / around;
            for (int j = 0; j < tube; j++) {
                double w = 2 * Math.PI * j / tube;
                int k = 3 * (i * tube + j);
                v[k] = (float) ((big + small * Math.cos(w)) * Math.cos(u));
                v[k + 1] = (float) ((big + small * Math.cos(w)) * Math.sin(u));
                v[k + 2] = (float) (small * Math.sin(w));
            }
        }
        int n = 0;
        for (int i = 0; i < around; i++) {
            for (int j = 0; j < tube; j++) {
                int a = i * tube + j, b = ((i + 1) % around) * tube + j;
                int c = ((i + 1) % around) * tube + (j + 1) % tube, d = i * tube + (j + 1) % tube;
                int[] quad = { a, b, c, a, c, d };
                System.arraycopy(quad, 0, t, n, 6);
                n += 6;
            }
        }
        return new Mesh("torus", v, t);
    }

    @Test
    void aTorusCutAcrossItsTubeGivesTwoClosedPartsWithARingShapedCap() {
        Mesh torus = torus(30, 10, 96, 48);
        assertTrue(MeshTopology.of(torus).watertight());
        assertTrue(torus.volumeMm3() > 0, "outward-facing");
        // a slightly tilted plane 2 mm above the middle: the cap is a ring, an outline with a hole
        MeshPlaneCut.Parts parts = MeshPlaneCut.cut(torus, new Vec3(0, 0, 2), new Vec3(0.02, -0.01, 1), "lower",
                "upper");
        assertTrue(MeshTopology.of(parts.behind()).watertight(), MeshTopology.of(parts.behind()).toString());
        assertTrue(MeshTopology.of(parts.inFront()).watertight(), MeshTopology.of(parts.inFront()).toString());
        assertEquals(2, parts.loops(), "the outer rim and the inner rim of the ring");
        double whole = torus.volumeMm3();
        assertEquals(whole, parts.behind().volumeMm3() + parts.inFront().volumeMm3(), whole * 1e-6);
        assertTrue(parts.inFront().volumeMm3() < parts.behind().volumeMm3(), "less above z = 2 than below");
        // a ring between radii 30 -+ sqrt(10^2 - 2^2) (the faceted torus is a little smaller)
        double half = Math.sqrt(100 - 4);
        double ring = Math.PI * ((30 + half) * (30 + half) - (30 - half) * (30 - half));
        assertEquals(ring, parts.capAreaMm2(), ring * 0.01);
        assertEquals("lower", parts.behind().name());
    }

    @Test
    void aPlaneThroughTheAxisCutsTheTorusIntoTwoHalvesOfTwoShellsEach() {
        Mesh torus = torus(30, 10, 96, 48);
        MeshPlaneCut.Parts parts = MeshPlaneCut.cut(torus, new Vec3(0.3, 0, 0), new Vec3(1, 0.05, 0), "right",
                "left");
        assertEquals(2, parts.loops(), "two discs, no hole");
        double disc = Math.PI * 100;
        assertEquals(2 * disc, parts.capAreaMm2(), 2 * disc * 0.01);
        assertEquals(torus.volumeMm3() / 2, parts.inFront().volumeMm3(), torus.volumeMm3() * 0.01);
        assertTrue(MeshTopology.of(parts.inFront()).watertight());
    }

    @Test
    void aPlaneThroughVerticesMovesThemOffByAMicronAndStillClosesBothParts() {
        Mesh box = Shapes.subdivided(Shapes.subdivided(Shapes.box()));
        // z = 15 runs exactly through a ring of vertices
        MeshPlaneCut.Parts parts = MeshPlaneCut.cut(box, new Vec3(0, 0, 15), new Vec3(0, 0, 1), "bottom", "top");
        assertEquals(3000, parts.behind().volumeMm3(), 0.1);
        assertEquals(3000, parts.inFront().volumeMm3(), 0.1);
        assertEquals(200, parts.capAreaMm2(), 1e-6);
        assertTrue(MeshTopology.of(parts.behind()).watertight());
        assertTrue(MeshTopology.of(parts.inFront()).watertight());
    }

    @Test
    void aPlaneBesideTheMeshLeavesItWholeOnOneSide() {
        Mesh box = Shapes.box();
        MeshPlaneCut.Parts parts = MeshPlaneCut.cut(box, new Vec3(0, 0, 50), new Vec3(0, 0, 1), "all", "none");
        assertEquals(6000, parts.behind().volumeMm3(), 1e-3);
        assertEquals(0, parts.inFront().triangleCount());
        assertEquals(0, parts.loops());
    }

    @Test
    void anOpenMeshIsRefusedWithItsName() {
        Mesh box = Shapes.box();
        Mesh open = new Mesh("open box", box.vertices(), Arrays.copyOf(box.triangles(), box.triangles().length - 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeshPlaneCut.cut(open, new Vec3(0, 0, 15), new Vec3(0.1, 0, 1), "a", "b"));
        assertTrue(e.getMessage().startsWith("open box: "), e.getMessage());
    }
}
