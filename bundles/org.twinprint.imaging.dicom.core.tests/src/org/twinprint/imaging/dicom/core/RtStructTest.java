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

    @Test
    void overlappingRegionsAreNamedWithTheVoxelsTheyLose(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // GTV-1 and a copy of it 5 mm to the patient's left: the copy, read later, takes the shared voxels
        java.nio.file.Path original = TestData.shared("ibsi1-ct-phantom-rtstruct/rtstruct/DCM_RS_00060.dcm");
        java.nio.file.Path twice = dir.resolve("two-regions.dcm");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", """
                import sys, copy, pydicom
                d = pydicom.dcmread(sys.argv[1])
                roi = copy.deepcopy(d.StructureSetROISequence[0]); roi.ROINumber = 99; roi.ROIName = "GTV-shifted"
                d.StructureSetROISequence.append(roi)
                c = copy.deepcopy(d.ROIContourSequence[0]); c.ReferencedROINumber = 99
                for contour in c.ContourSequence:
                    xyz = [float(v) for v in contour.ContourData]
                    contour.ContourData = [v + 5 if i % 3 == 0 else v for i, v in enumerate(xyz)]
                d.ROIContourSequence.append(c)
                d.save_as(sys.argv[2])
                """, original.toString(), twice.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);

        Case c = new Case("ibsi");
        operations.importInto(c, TestData.shared("ibsi1-ct-phantom-rtstruct/ct"), Map.of(), Progress.NONE);
        String summary = operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.from-rtstruct"), Map.of("file", twice.toString()), Progress.NONE);
        long kept = c.labelMap().voxelCount(c.labelMap().segment("GTV-1").orElseThrow());
        long lost = 125_256 - kept;
        assertTrue(lost > 1000, "the regions overlap: " + summary);
        assertTrue(summary.contains("WARNING: regions overlap") && summary.contains("'GTV-1' lost " + lost
                + " voxels to 'GTV-shifted'"), summary);
        assertEquals(summary, c.provenance().get(c.provenance().size() - 1).summary(), "the warning is recorded");
    }
}
