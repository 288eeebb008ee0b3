package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Mesh;

/** 3D Slicer's fibula-flap plan (BoneReconstructionPlanner, glTF): the numbers in its INFO.txt. */
class GltfFormatTest {

    private static final Path PLAN = Path.of(System.getProperty("twinprint.shared", "../shared"), "data",
            "brp-fibula-plan", "BoneReconstructionPlanner.gltf");

    @Test
    void thePlanReadsWithItsNamesCountsAndVolumes() throws Exception {
        List<Mesh> plan = GltfFormat.read(PLAN);
        assertEquals(33, plan.size());
        assertEquals(2_394, plan.stream().mapToInt(Mesh::vertexCount).sum());
        assertEquals(3_685, plan.stream().mapToInt(Mesh::triangleCount).sum());
        double[] volumes = { 3_095.7, 2_382.5, 2_314.7 };
        for (int k = 0; k < 3; k++) {
            String name = "Fibula Segment " + k + "A-" + k + "B";
            Mesh piece = plan.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
            assertEquals(volumes[k], piece.volumeMm3(), 0.05, name + ": outward-facing, as in Slicer");
        }
        Mesh mandible = plan.stream().filter(m -> m.name().equals("Resected mandible")).findFirst().orElseThrow();
        assertEquals(11_441.5, mandible.volumeMm3(), 0.05);
        // in LPS: Slicer's RAS x is negated, so the fibula pieces of this plan lie at negative x (the right leg)
        float[] v = plan.stream().filter(m -> m.name().equals("Fibula Segment 0A-0B")).findFirst().orElseThrow()
                .vertices();
        assertTrue(v[0] < 0, "x = " + v[0]);
    }
}
