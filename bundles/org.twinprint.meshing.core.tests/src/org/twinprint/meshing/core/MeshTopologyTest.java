package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

class MeshTopologyTest {

    @Test
    void aClosedBoxIsWatertightWithEighteenEdges() {
        MeshTopology t = MeshTopology.of(Shapes.box());
        assertTrue(t.watertight());
        assertEquals(18, t.edges());
        assertEquals(1, t.shells());
    }

    @Test
    void aMissingTriangleLeavesThreeBoundaryEdges() {
        Mesh box = Shapes.box();
        Mesh open = new Mesh("open", box.vertices(), Arrays.copyOf(box.triangles(), 33));
        MeshTopology t = MeshTopology.of(open);
        assertFalse(t.closed());
        assertEquals(3, t.boundaryEdges());
    }

    @Test
    void aTurnedTriangleIsFoundByItsEdges() {
        int[] tri = Shapes.box().triangles().clone();
        int a = tri[1];
        tri[1] = tri[2];
        tri[2] = a;
        MeshTopology t = MeshTopology.of(new Mesh("turned", Shapes.box().vertices(), tri));
        assertTrue(t.closed());
        assertEquals(3, t.misorientedEdges());
        assertFalse(t.consistentlyOriented());
    }

    @Test
    void aThirdTriangleOnAnEdgeIsNonManifoldAndASliverIsDegenerate() {
        Mesh box = Shapes.box();
        float[] v = Arrays.copyOf(box.vertices(), 27);
        v[24] = 5;
        v[25] = -40;
        v[26] = 0; // a new vertex outside the box
        int[] tri = Arrays.copyOf(box.triangles(), 39);
        tri[36] = 0;
        tri[37] = 1;
        tri[38] = 8; // a fin hanging from box edge 0-1
        MeshTopology fin = MeshTopology.of(new Mesh("fin", v, tri));
        assertEquals(1, fin.nonManifoldEdges());
        assertEquals(2, fin.boundaryEdges());
        tri[38] = 1;
        assertEquals(1, MeshTopology.of(new Mesh("sliver", v, tri)).degenerateTriangles());
    }

    @Test
    void twoSeparateBoxesAreTwoShells() {
        Mesh box = Shapes.box();
        float[] v = Arrays.copyOf(box.vertices(), 48);
        for (int i = 0; i < 24; i++) {
            v[24 + i] = box.vertices()[i] + (i % 3 == 0 ? 50 : 0);
        }
        int[] t = Arrays.copyOf(box.triangles(), 72);
        for (int i = 0; i < 36; i++) {
            t[36 + i] = box.triangles()[i] + 8;
        }
        MeshTopology topology = MeshTopology.of(new Mesh("two", v, t));
        assertEquals(2, topology.shells());
        assertTrue(topology.watertight());
    }
}
