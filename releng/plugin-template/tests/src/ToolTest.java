package @PACKAGE@;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.testing.OsgiServices;

/** Runs the tool the way TwinPrint does: found in the service catalog, called through CaseOperations. */
class @CLASS@Test {

    @Test
    void segmentsTheVoxelsInsideTheBand() {
        ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
        SegmentationTool tool = catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class, "@TOOL_ID@");
        Case c = new Case("test");
        short[] values = { -1000, 50, 150, 250, 350, 450, 1000, 0 };
        c.addSeries(new Series("1.2.3", "synthetic", "CT",
                new Volume(Geometry.axisAligned(2, 2, 2, new Vec3(1, 1, 1), Vec3.ZERO), values, "HU"), "test", List.of()));

        new CaseOperations(catalog).segment(c, tool, Map.of("lower", "100", "upper", "400"), Progress.NONE);

        assertEquals(3, c.labelMap().voxelCount(c.labelMap().segments().get(0)));
        assertEquals("@ID@", c.provenance().get(0).pluginId());
    }
}
