package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceFailure;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

class FaultIsolationTest {

    private static final class HalfWayTool implements SegmentationTool {
        @Override
        public String id() {
            return "lab.halfway";
        }

        @Override
        public String label() {
            return "Half way";
        }

        @Override
        public String apply(Case c, Parameters p, Progress progress) {
            LabelMap map = c.labelMapForEditing();
            map.addSegment("Partial", 1);
            java.util.Arrays.fill(map.labels(), (byte) 2);
            throw new NullPointerException("model weights not loaded");
        }
    }

    @Test
    void aFailingToolIsNamedWithItsPluginAndItsEditIsUndone() {
        ServiceCatalog catalog = new ServiceCatalog();
        HalfWayTool tool = new HalfWayTool();
        catalog.add(tool, "edu.example.lab", "2.0.1");
        Case c = new Case("c");
        c.addSeries(new Series("1", "", "CT", new Volume(Geometry.axisAligned(2, 2, 2, new Vec3(1, 1, 1), Vec3.ZERO),
                new short[8], "HU"), "memory", List.of()));
        LabelMap map = c.labelMapForEditing();
        map.addSegment("Bone", 0xffffff);
        map.labels()[3] = 1;
        byte[] before = map.labels().clone();

        ServiceFailure f = assertThrows(ServiceFailure.class,
                () -> new CaseOperations(catalog).segment(c, tool, Map.of(), Progress.NONE));
        assertEquals("segmentation tool 'lab.halfway' of plugin edu.example.lab 2.0.1 failed: model weights not loaded",
                f.getMessage());
        assertEquals("edu.example.lab", f.pluginId());
        assertArrayEquals(before, map.labels());
        assertEquals(List.of("Bone"), map.segments().stream().map(s -> s.name()).toList());
        assertTrue(c.provenance().isEmpty(), "a failed call records nothing");
    }

    @Test
    void aFilterThatWritesANonFiniteCoordinateFailsAndTheMeshStays() {
        org.twinprint.core.spi.MeshFilter nan = new org.twinprint.core.spi.MeshFilter() {
            @Override
            public String id() {
                return "lab.nan";
            }

            @Override
            public String label() {
                return "NaN";
            }

            @Override
            public org.twinprint.core.model.Mesh apply(org.twinprint.core.model.Mesh input, Parameters p,
                    Progress progress) {
                float[] v = input.vertices().clone();
                v[4] = Float.NaN;
                return new org.twinprint.core.model.Mesh(input.name(), v, input.triangles());
            }
        };
        ServiceCatalog catalog = new ServiceCatalog();
        catalog.add(nan, "edu.example.lab", "2.0.1");
        Case c = new Case("c");
        org.twinprint.core.model.Mesh m = new org.twinprint.core.model.Mesh("tri",
                new float[] { 0, 0, 0, 1, 0, 0, 0, 1, 0 }, new int[] { 0, 1, 2 });
        c.addMesh(m);
        ServiceFailure f = assertThrows(ServiceFailure.class,
                () -> new CaseOperations(catalog).filter(c, nan, m, Map.of(), Progress.NONE));
        assertTrue(f.getMessage().contains("vertex 1") && f.getMessage().contains("NaN"), f.getMessage());
        assertEquals(List.of(m), c.meshes(), "the case keeps its mesh");
    }
}
