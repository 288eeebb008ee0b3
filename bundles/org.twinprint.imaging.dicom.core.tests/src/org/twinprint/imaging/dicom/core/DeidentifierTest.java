package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** PS3.15 de-identification, checked with pydicom, and what must survive it: pixels and references. */
class DeidentifierTest {

    private final ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
    private final CaseOperations operations = new CaseOperations(catalog);

    @Test
    void theDemoSeriesLosesWhoItIsButNotWhatItShows(@TempDir Path dir) throws Exception {
        List<Path> files = files(TestData.headPhantom());
        List<Path> written = new Deidentifier("Anonymous^Phantom", "TP-0001").export(files, dir, Progress.NONE);
        assertEquals(140, written.size());

        // pydicom reads every written file and sums up what identifies the patient or the study
        String report = pydicom(dir, """
                import glob, sys, pydicom
                ds = [pydicom.dcmread(f) for f in sorted(glob.glob(sys.argv[1] + "/*.dcm"))]
                def values(k): return sorted({str(d.get(k, "")) for d in ds})
                print("files", len(ds))
                print("names", values("PatientName"))
                print("ids", values("PatientID"))
                print("birth", values("PatientBirthDate"))
                print("institution", values("InstitutionName"))
                print("removed", values("PatientIdentityRemoved"))
                print("studies", len(values("StudyInstanceUID")), values("StudyInstanceUID")[0][:5])
                print("series", len(values("SeriesInstanceUID")))
                print("instances", len(values("SOPInstanceUID")))
                print("frames", len(values("FrameOfReferenceUID")))
                print("private", sum(1 for d in ds for e in d.iterall() if e.tag.is_private))
                print("method", ds[0].DeidentificationMethodCodeSequence[0].CodeValue)
                print("meta", all(d.file_meta.MediaStorageSOPInstanceUID == d.SOPInstanceUID for d in ds))
                """);
        assertTrue(report.contains("files 140"), report);
        assertTrue(report.contains("names ['Anonymous^Phantom']"), report);
        assertTrue(report.contains("ids ['TP-0001']"), report);
        assertTrue(report.contains("birth ['']"), report);
        assertTrue(report.contains("institution ['']"), report);
        assertTrue(report.contains("removed ['YES']"), report);
        assertTrue(report.contains("studies 1 2.25."), report);
        assertTrue(report.contains("series 1"), report);
        assertTrue(report.contains("instances 140"), report);
        assertTrue(report.contains("frames 1"), report);
        assertTrue(report.contains("private 0"), report);
        assertTrue(report.contains("method 113100"), report);
        assertTrue(report.contains("meta True"), report);

        Case original = new Case("original");
        operations.importInto(original, TestData.headPhantom(), Map.of(), Progress.NONE);
        Case copy = new Case("copy");
        operations.importInto(copy, dir, Map.of(), Progress.NONE);
        assertNotEquals(original.series().get(0).uid(), copy.series().get(0).uid());
        assertEquals(original.series().get(0).volume().geometry(), copy.series().get(0).volume().geometry());
        assertArrayEquals(original.series().get(0).volume().voxels(), copy.series().get(0).volume().voxels());
    }

    @Test
    void aStructureSetExportedWithItsCtStillFindsIt(@TempDir Path dir) throws Exception {
        // one export of CT and RTSTRUCT: the structure set's references follow the new UIDs
        Path ibsi = TestData.shared("ibsi1-ct-phantom-rtstruct");
        List<Path> files = new ArrayList<>(files(ibsi.resolve("ct")));
        Path rtstruct = ibsi.resolve("rtstruct/DCM_RS_00060.dcm");
        files.add(rtstruct);
        Deidentifier d = new Deidentifier("Anonymous", "TP-0002");
        List<Path> written = d.export(files, dir.resolve("out"), Progress.NONE);
        Path newStruct = written.get(written.size() - 1);

        Case c = new Case("ibsi de-identified");
        operations.importInto(c, dir.resolve("out"), Map.of(), Progress.NONE);
        operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.from-rtstruct"), Map.of("file", newStruct.toString(), "rois", "GTV-1"), Progress.NONE);
        assertEquals(125_256, c.labelMap().voxelCount(c.labelMap().segment("GTV-1").orElseThrow()),
                "the same voxels as from the original files");
    }

    @Test
    void uidsAreConsistentWithinAnExportAndUnlinkableAcrossExports() {
        Deidentifier a = new Deidentifier("A", "1");
        String study = "1.3.46.670589.33.1.35659148292045419918.45183185172171133063";
        assertEquals(a.newUid(study), a.newUid(study));
        assertTrue(a.newUid(study).startsWith("2.25.") && a.newUid(study).length() <= 64);
        assertNotEquals(a.newUid(study), new Deidentifier("A", "1").newUid(study), "a fresh secret each export");
        assertEquals(new Deidentifier("A", "1", new byte[] { 1 }).newUid(study),
                new Deidentifier("B", "2", new byte[] { 1 }).newUid(study), "the same secret gives the same UIDs");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(DicomSliceReader::looksLikeDicom).sorted().toList();
        }
    }

    private static String pydicom(Path dir, String script) throws Exception {
        Path py = Files.writeString(dir.resolveSibling(dir.getFileName() + "-check.py"), script);
        Process p = new ProcessBuilder("/usr/bin/python3", py.toString(), dir.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
