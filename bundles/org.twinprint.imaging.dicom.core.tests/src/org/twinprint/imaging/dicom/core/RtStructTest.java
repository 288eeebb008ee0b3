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
    void overlappingRegionsKeepAllTheirVoxelsThroughImportAndSeg(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // GTV-1 and a copy of it 5 mm to the patient's left, written with pydicom: they share a thick crescent
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
        SegmentationTool rtstruct = catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.from-rtstruct");

        // each region alone, in a case of its own
        java.util.Map<String, Long> alone = new java.util.LinkedHashMap<>();
        for (String roi : java.util.List.of("GTV-1", "GTV-shifted")) {
            Case one = new Case(roi);
            operations.importInto(one, TestData.shared("ibsi1-ct-phantom-rtstruct/ct"), Map.of(), Progress.NONE);
            operations.segment(one, rtstruct, Map.of("file", twice.toString(), "rois", roi), Progress.NONE);
            alone.put(roi, one.labelMap().voxelCount(one.labelMap().segment(roi).orElseThrow()));
        }
        assertEquals(125_256, alone.get("GTV-1"));

        Case c = new Case("ibsi");
        operations.importInto(c, TestData.shared("ibsi1-ct-phantom-rtstruct/ct"), Map.of(), Progress.NONE);
        String summary = operations.segment(c, rtstruct, Map.of("file", twice.toString()), Progress.NONE);
        LabelMap map = c.labelMap();
        Segment gtv = map.segment("GTV-1").orElseThrow(), shifted = map.segment("GTV-shifted").orElseThrow();
        long common = 0;
        for (int n = 0; n < map.labels().length; n++) {
            common += map.contains(gtv, n) && map.contains(shifted, n) ? 1 : 0;
        }
        System.out.printf("GTV-1 %d voxels, GTV-shifted %d, shared %d: %s%n", map.voxelCount(gtv),
                map.voxelCount(shifted), common, summary);
        assertTrue(common > 1000, "the regions overlap: " + summary);
        assertEquals(alone.get("GTV-1"), map.voxelCount(gtv), "as rasterised alone");
        assertEquals(alone.get("GTV-shifted"), map.voxelCount(shifted), "as rasterised alone");
        assertEquals(2, map.layerCount(), "the overlapping region in a layer of its own");
        assertTrue(summary.contains("'GTV-1' and 'GTV-shifted' share " + common + " voxels"), summary);
        assertEquals(summary, c.provenance().get(c.provenance().size() - 1).summary(), "the overlap is recorded");

        // written as DICOM SEG and read back into a new case: both regions whole, the shared voxels twice
        java.nio.file.Path seg = dir.resolve("both.dcm");
        operations.export(c, catalog.require(ServiceKind.EXPORTER, org.twinprint.core.spi.Exporter.class,
                "export.dicom-seg"), seg, Map.of(), Progress.NONE);
        Case back = new Case("back");
        operations.importInto(back, TestData.shared("ibsi1-ct-phantom-rtstruct/ct"), Map.of(), Progress.NONE);
        String read = operations.segment(back, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.from-seg"), Map.of("file", seg.toString()), Progress.NONE);
        LabelMap again = back.labelMap();
        Segment gtvBack = again.segment("GTV-1").orElseThrow(), shiftedBack = again.segment("GTV-shifted").orElseThrow();
        for (int n = 0; n < map.labels().length; n++) {
            if (map.contains(gtv, n) != again.contains(gtvBack, n)
                    || map.contains(shifted, n) != again.contains(shiftedBack, n)) {
                throw new AssertionError("voxel " + n + " differs after SEG export and import: " + read);
            }
        }
        assertTrue(read.contains(common + " voxels belong to more than one segment"), read);
    }
}
