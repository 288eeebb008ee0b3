package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** IBSI's CT phantom: its RTSTRUCT GTV-1 rasterises to IBSI's own NIfTI mask, voxel for voxel. */
class RtStructTest {

    private final ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
    private final CaseOperations operations = new CaseOperations(catalog);

    @Test
    void gtvRasterisesToTheReferenceMask() throws IOException {
        Case c = new Case("ibsi");
        operations.importInto(c, TestData.shared("ibsi1-ct-phantom-rtstruct/ct"), Map.of(), Progress.NONE);
        String summary = operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.from-rtstruct"), Map.of("file",
                        TestData.shared("ibsi1-ct-phantom-rtstruct/rtstruct/DCM_RS_00060.dcm").toString(), "rois",
                        "GTV-1"), Progress.NONE);
        LabelMap map = c.labelMap();
        Segment gtv = map.segment("GTV-1").orElseThrow();
        assertEquals(125_256, map.voxelCount(gtv), summary);

        Case reference = new Case("nifti");
        operations.importInto(reference, TestData.shared("ibsi1-ct-phantom-rtstruct/nifti_mask/mask.nii.gz"), Map.of(),
                Progress.NONE);
        Series mask = reference.series().get(0);
        assertTrue(mask.volume().geometry().sameGrid(map.geometry()), "the NIfTI mask lies on the CT grid");
        short[] ref = mask.volume().voxels();
        long differ = 0;
        for (int n = 0; n < ref.length; n++) {
            differ += (ref[n] != 0) != (map.labelAt(n) == gtv.label()) ? 1 : 0;
        }
        assertEquals(0, differ, "voxels that differ from IBSI's mask");
    }
}
