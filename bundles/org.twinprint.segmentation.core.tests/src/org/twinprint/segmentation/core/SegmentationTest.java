package org.twinprint.segmentation.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** Threshold and island tools, found through the service catalog as the product finds them. */
class SegmentationTest {

    private static ServiceCatalog catalog;
    private static CaseOperations operations;

    @BeforeAll
    static void services() {
        catalog = OsgiServices.await(ServiceCatalog.class);
        operations = new CaseOperations(catalog);
    }

    private static SegmentationTool tool(String id) {
        return catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class, id);
    }

    @Test
    void skullOfTheHeadPhantomMatchesItsReferenceVoxelCounts() throws IOException {
        Case c = new Case("phantom");
        operations.importInto(c, TestData.headPhantom(), Map.of(), Progress.NONE);

        operations.segment(c, tool("segment.threshold"),
                Map.of("preset", "custom", "lower", "700", "upper", "3071", "segment", "Skull"), Progress.NONE);
        Segment skull = c.labelMap().segment("Skull").orElseThrow();
        assertEquals(1_373_795, c.labelMap().voxelCount(skull), "HU >= 700 voxels from the data's INFO.txt");

        String summary = operations.segment(c, tool("segment.largest-island"), Map.of("segment", "Skull"),
                Progress.NONE);
        assertEquals(1_371_755, c.labelMap().voxelCount(skull), "largest 26-connected component, INFO.txt");
        assertEquals(279.229, c.labelMap().volumeMm3(skull) / 1000, 0.001);
        assertTrue(summary.contains("of 789 islands"), summary);
        assertEquals("segment.largest-island", c.provenance().get(2).serviceId());
        assertEquals("org.twinprint.segmentation.core", c.provenance().get(2).pluginId());
    }

    @Test
    void connectivitySixSeparatesVoxelsThatTouchOnlyAtAnEdge() {
        // three voxels joined by faces, (0,0,0) (1,0,0) (1,1,0), and (0,1,1) touching them only at edges
        short[] values = new short[16];
        for (int n : new int[] { 0, 1, 3, 6 }) {
            values[n] = 1000;
        }
        Case c = tinyCase(values);
        operations.segment(c, tool("segment.threshold"), Map.of("preset", "custom", "lower", "500"), Progress.NONE);
        LabelMap map = c.labelMap();
        Segment bone = map.segment("Bone").orElseThrow();
        assertEquals(4, map.voxelCount(bone));

        Case corner = tinyCase(values.clone());
        operations.segment(corner, tool("segment.threshold"), Map.of("preset", "custom", "lower", "500"),
                Progress.NONE);
        operations.segment(corner, tool("segment.largest-island"), Map.of("connectivity", "6"), Progress.NONE);
        assertEquals(3, corner.labelMap().voxelCount(bone), "the voxel touching only at edges is dropped");

        operations.segment(c, tool("segment.largest-island"), Map.of("connectivity", "26"), Progress.NONE);
        assertEquals(4, map.voxelCount(bone), "with 26-connectivity the edge-touching voxel belongs to the island");
    }

    @Test
    void thresholdRangesReachTheEndsOfSixteenBits() {
        short[] values = new short[16];
        values[0] = Short.MIN_VALUE;
        values[5] = Short.MAX_VALUE;
        values[9] = -1;
        int[] expected = { 16, 1, 1, 14, 0 };
        String[][] ranges = { { "-32768", "32767" }, { "32767", "32767" }, { "-32768", "-32768" },
                { "-32767", "32766" }, { "1", "32766" } };
        for (int r = 0; r < ranges.length; r++) {
            Case c = tinyCase(values.clone());
            operations.segment(c, tool("segment.threshold"), Map.of("preset", "custom", "lower", ranges[r][0], "upper",
                    ranges[r][1]), Progress.NONE);
            assertEquals(expected[r], c.labelMap().voxelCount(c.labelMap().segment("Bone").orElseThrow()),
                    ranges[r][0] + " .. " + ranges[r][1]);
        }
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Case c = tinyCase(new short[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> operations.segment(c,
                tool("segment.threshold"), Map.of("preset", "marrow"), Progress.NONE));
        assertTrue(e.getMessage().contains("--preset"), e.getMessage());
        assertEquals(0, c.provenance().size(), "a refused call records nothing");
    }

    /** A 2x2x4 volume, 1 mm voxels. */
    private static Case tinyCase(short[] values) {
        Geometry g = Geometry.axisAligned(2, 2, 4, new Vec3(1, 1, 1), Vec3.ZERO);
        Case c = new Case("tiny");
        c.addSeries(new Series("1.2.3", "tiny", "CT", new Volume(g, values, "HU"), "test", java.util.List.of()));
        return c;
    }
}
