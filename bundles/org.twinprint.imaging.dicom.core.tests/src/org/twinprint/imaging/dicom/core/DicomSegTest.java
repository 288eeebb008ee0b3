package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** DICOM SEG in (dcmqi's files against their NRRD twins) and out (dciodvfy, pydicom, and back in). */
class DicomSegTest {

    private static final String DCMQI = "dcmqi_ct3slice_seg/data/segmentations/";
    private final ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
    private final CaseOperations operations = new CaseOperations(catalog);

    @Test
    void dcmqiLiverSegLandsOnItsCtVoxelForVoxelAsItsNrrd() throws Exception {
        Case c = ct3slice();
        String summary = fromSeg(c, TestData.shared(DCMQI + "liver.dcm"));
        LabelMap map = c.labelMap();
        Segment liver = map.segment("Liver").orElseThrow();
        assertEquals(107_098, map.voxelCount(liver), summary);

        Case nrrd = new Case("nrrd");
        operations.importInto(nrrd, TestData.shared(DCMQI + "liver_seg.nrrd"), Map.of(), Progress.NONE);
        short[] reference = nrrd.series().get(0).volume().voxels();
        long differ = 0;
        for (int n = 0; n < reference.length; n++) {
            differ += (reference[n] != 0) != (map.labelAt(n) == liver.label()) ? 1 : 0;
        }
        assertEquals(0, differ, "voxels that differ from dcmqi's NRRD of the same liver");
    }

    @Test
    void overlappingSegmentsAreReportedNotHidden() throws Exception {
        Case c = ct3slice();
        String summary = fromSeg(c, TestData.shared(DCMQI + "partial_overlaps.dcm"));
        assertTrue(summary.contains("voxels belong to more than one segment"), summary);
        assertTrue(c.labelMap().segments().size() >= 2, summary);
    }

    @Test
    void theDemoSkullGoesOutAsAValidSegAndComesBackTheSame(@TempDir Path dir) throws Exception {
        Case c = new Case("demo");
        operations.importInto(c, TestData.headPhantom(), Map.of(), Progress.NONE);
        operations.segment(c, tool("segment.threshold"), Map.of("preset", "custom", "lower", "700", "upper", "3071",
                "segment", "Skull"), Progress.NONE);
        long skull = c.labelMap().voxelCount(c.labelMap().segment("Skull").orElseThrow());
        Path seg = dir.resolve("skull-seg.dcm");
        operations.export(c, catalog.require(ServiceKind.EXPORTER, Exporter.class, "export.dicom-seg"), seg, Map.of(),
                Progress.NONE);

        String verify = run("dciodvfy", seg.toString());
        assertTrue(verify.contains("Segmentation"), verify);
        assertFalse(verify.lines().anyMatch(l -> l.startsWith("Error")), verify);
        String py = run("/usr/bin/python3", "-c", """
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                print(d.Modality, d.SegmentationType, d.NumberOfFrames, d.SegmentSequence[0].SegmentLabel,
                      len(d.ReferencedSeriesSequence[0].ReferencedInstanceSequence), int(d.pixel_array.sum()))
                """, seg.toString());
        assertTrue(py.startsWith("SEG BINARY "), py);
        assertTrue(py.contains(" Skull 140 " + skull), "SEG, every voxel of the skull, 140 images referenced: " + py);

        Case back = new Case("back");
        operations.importInto(back, TestData.headPhantom(), Map.of(), Progress.NONE);
        fromSeg(back, seg);
        Segment s = back.labelMap().segment("Skull").orElseThrow();
        assertEquals(skull, back.labelMap().voxelCount(s));
        byte[] before = c.labelMap().labels();
        byte[] after = back.labelMap().labels();
        for (int n = 0; n < before.length; n++) {
            if ((before[n] != 0) != (after[n] != 0)) {
                throw new AssertionError("voxel " + n + " changed in the round trip");
            }
        }
        int rgb = c.labelMap().segment("Skull").orElseThrow().rgb();
        for (int shift = 0; shift <= 16; shift += 8) {
            assertEquals(rgb >> shift & 0xff, s.rgb() >> shift & 0xff, 2, "the colour survives CIELab");
        }
    }

    @Test
    void framesThatDoNotEndOnAByteArePackedOneAfterTheOther(@TempDir Path dir) throws Exception {
        // 20 demo slices cropped to 509 x 507 pixels: a frame of 258,063 bits ends inside a byte
        Path ct = Files.createDirectories(dir.resolve("ct"));
        String crop = run("/usr/bin/python3", "-c", """
                import sys, os, pydicom
                src, out = sys.argv[1], sys.argv[2]
                files = [pydicom.dcmread(os.path.join(src, n)) for n in os.listdir(src) if n.startswith("I")]
                files.sort(key=lambda d: float(d.ImagePositionPatient[2]))
                for d in files[60:80]:
                    name = os.path.basename(d.filename)
                    a = d.pixel_array[:507, :509].copy()
                    d.PixelData = a.tobytes()
                    d.Rows, d.Columns = 507, 509
                    d.save_as(os.path.join(out, name))
                print("cropped")
                """, TestData.headPhantom().toString(), ct.toString());
        assertTrue(crop.contains("cropped"), crop);
        Case c = new Case("cropped");
        operations.importInto(c, ct, Map.of(), Progress.NONE);
        assertEquals(509, c.series().get(0).volume().geometry().nx());
        operations.segment(c, tool("segment.threshold"), Map.of("lower", "700", "segment", "Skull"), Progress.NONE);
        long skull = c.labelMap().voxelCount(c.labelMap().segment("Skull").orElseThrow());
        Path seg = dir.resolve("cropped-seg.dcm");
        operations.export(c, catalog.require(ServiceKind.EXPORTER, Exporter.class, "export.dicom-seg"), seg, Map.of(),
                Progress.NONE);

        String verify = run("dciodvfy", seg.toString());
        assertFalse(verify.lines().anyMatch(l -> l.startsWith("Error")), verify);
        String py = run("/usr/bin/python3", "-c", """
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1])
                print(d.NumberOfFrames, d.Rows, d.Columns, int(d.pixel_array.sum()))
                """, seg.toString());
        assertTrue(py.startsWith("20 507 509 " + skull), "pydicom unpacks every frame in place: " + py);
        Case back = new Case("back");
        operations.importInto(back, ct, Map.of(), Progress.NONE);
        fromSeg(back, seg);
        assertEquals(skull, back.labelMap().voxelCount(back.labelMap().segment("Skull").orElseThrow()));
        byte[] before = c.labelMap().labels();
        byte[] after = back.labelMap().labels();
        for (int n = 0; n < before.length; n++) {
            assertEquals(before[n] != 0, after[n] != 0, "voxel " + n + " after the round trip");
        }
    }

    @Test
    void aSegBesideItsCtIsNamedAsSuchNotLoadedAsAnImageSeries(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ct-and-seg"));
        try (var files = Files.list(TestData.shared(DCMQI + "ct-3slice"))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        Files.copy(TestData.shared(DCMQI + "liver.dcm"), folder.resolve("liver-seg.dcm"));
        Case c = new Case("ct and seg");
        var result = operations.importInto(c, folder, Map.of(), Progress.NONE);
        assertEquals(1, result.series().size(), "the CT only");
        assertTrue(result.series().get(0).warnings().stream().noneMatch(w -> w.contains("duplicate position")),
                result.series().get(0).warnings().toString());
        assertTrue(result.problems().stream().anyMatch(p -> p.file().getFileName().toString().equals("liver-seg.dcm")
                && p.message().contains("a DICOM SEG of series") && p.message().contains("segment.from-seg")),
                result.problems().toString());
    }

    private Case ct3slice() throws Exception {
        Case c = new Case("ct-3slice");
        operations.importInto(c, TestData.shared(DCMQI + "ct-3slice"), Map.of(), Progress.NONE);
        return c;
    }

    private String fromSeg(Case c, Path file) {
        return operations.segment(c, tool("segment.from-seg"), Map.of("file", file.toString()), Progress.NONE);
    }

    private SegmentationTool tool(String id) {
        return catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class, id);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return out;
    }
}
