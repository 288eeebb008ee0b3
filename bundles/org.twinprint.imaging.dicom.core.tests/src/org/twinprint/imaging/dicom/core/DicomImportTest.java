package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.ProvenanceEntry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Progress;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** Loads the real CT head phantom through the OSGi service catalog, as the product does. */
class DicomImportTest {

    private static CaseOperations operations;

    @BeforeAll
    static void catalog() {
        operations = new CaseOperations(OsgiServices.await(ServiceCatalog.class));
    }

    @Test
    void headPhantomLoadsAsItsReferenceVolume() throws IOException {
        Case c = new Case("phantom");
        ImportResult result = operations.importInto(c, TestData.headPhantom(), Map.of(), Progress.NONE);

        assertEquals(List.of(), result.problems());
        assertEquals(1, c.series().size());
        Series s = c.series().get(0);
        assertEquals("CT", s.modality());
        assertEquals(List.of(), s.warnings(), "a regular series loads without corrections");
        Geometry g = s.volume().geometry();
        assertEquals(512, g.nx());
        assertEquals(512, g.ny());
        assertEquals(140, g.nz());
        assertEquals(0.451171875, g.spacing().x(), 1e-9);
        assertEquals(0.451171875, g.spacing().y(), 1e-9);
        assertEquals(1.0, g.spacing().z(), 1e-6);
        assertEquals(694.21, g.origin().z(), 1e-6, "the first slice is the most inferior (sorted by position)");
        assertEquals(-115.5, g.origin().x(), 1e-6);
        Volume.Statistics stats = s.volume().statistics();
        assertEquals(-1024, stats.min());
        assertEquals(3071, stats.max());
        assertEquals(-30_468_829_548L, stats.sum(), "sum of all HU from the data's INFO.txt");
    }

    @Test
    void importIsRecordedWithThePluginThatDidIt() throws IOException {
        Case c = new Case("provenance");
        operations.importInto(c, TestData.headPhantom(), Map.of(), Progress.NONE);
        ProvenanceEntry entry = c.provenance().get(0);
        assertEquals("import.dicom", entry.serviceId());
        assertEquals("org.twinprint.imaging.dicom.core", entry.pluginId());
        assertTrue(entry.pluginVersion().startsWith("0.1.0"), entry.pluginVersion());
        assertEquals(TestData.headPhantom().toString(), entry.parameters().get("path"));
    }

    @Test
    void badFilesAreNamedAndTheRestStillLoads(@TempDir Path dir) throws IOException {
        List<Path> slices;
        try (var files = Files.list(TestData.headPhantom())) {
            slices = files.sorted().limit(4).toList();
        }
        for (Path p : slices) {
            Files.copy(p, dir.resolve(p.getFileName()));
        }
        Path notDicom = Files.writeString(dir.resolve("notes.bin"), "this is not an image");
        byte[] whole = Files.readAllBytes(slices.get(0));
        Path truncated = Files.write(dir.resolve("truncated"), java.util.Arrays.copyOf(whole, whole.length / 2));

        Case c = new Case("mixed");
        ImportResult result = operations.importInto(c, dir, Map.of(), Progress.NONE);

        assertEquals(1, result.series().size());
        // the first four files by name are not neighbours: the gaps between them are filled in
        int nz = result.series().get(0).volume().geometry().nz();
        assertTrue(nz > 4 && result.series().get(0).warnings().stream().anyMatch(w -> w.startsWith("resampled to "
                + nz + " slices every")), result.series().get(0).warnings().toString());
        assertEquals(2, result.problems().size(), result.problems().toString());
        assertEquals(notDicom, result.problems().get(0).file());
        assertTrue(result.problems().get(0).message().contains("not a DICOM file"));
        assertEquals(truncated, result.problems().get(1).file());
        assertTrue(result.problems().get(1).message().contains("truncated"), result.problems().get(1).message());
    }

    @Test
    void aFileCutShortAfterItsHeaderWasReadIsNamed(@TempDir Path dir) throws Exception {
        // plain files' values are read when the volume is made, after every header: the file may
        // have changed in between
        Path f = Files.copy(TestData.headPhantom().resolve("I10"), dir.resolve("I10"));
        List<DicomSlice> slices = DicomSliceReader.readForVolume(f);
        byte[] whole = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length - 1000));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> SeriesAssembler.assemble(new java.util.ArrayList<>(slices), dir.toString()));
        assertTrue(e.getMessage().startsWith(f + ": the file ended before its pixels did"), e.getMessage());
    }

    @Test
    void storedBitsAreMaskedSignExtendedAndRescaled() {
        // 12 bits stored, signed: 0x0FFF is -1, 0x0800 is -2048; a stray high bit (overlay) is ignored.
        short[] raw = { 0x0FFF, 0x0800, 0x07FF, (short) 0xF001 };
        short[] hu = raw.clone();
        new Calibration(12, true, 2.0, -10, false).apply(hu, 0, 4);
        assertEquals(-12, hu[0]);
        assertEquals(-4106, hu[1]);
        assertEquals(4084, hu[2]);
        assertEquals(-8, hu[3]);
        // unsigned 12 bits with the phantom's intercept
        short[] ct = { 0, 4095 };
        new Calibration(12, false, 1.0, -1024, false).apply(ct, 0, 2);
        assertEquals(-1024, ct[0]);
        assertEquals(3071, ct[1]);
    }

    @Test
    void slicesStoredTopDownStillStackFromTheLowestPosition() throws IOException {
        // IBSI's CT files run from z = 76.6 down to z = -100.4; the grid must start at the lowest
        Case c = new Case("ibsi");
        ImportResult result = operations.importInto(c, TestData.shared("ibsi1-ct-phantom-rtstruct/ct"), Map.of(),
                Progress.NONE);
        assertEquals(List.of(), result.problems());
        Geometry g = c.series().get(0).volume().geometry();
        assertEquals(60, g.nz());
        assertEquals(-100.4, g.origin().z(), 1e-3);
        assertEquals(3.0, g.spacing().z(), 1e-4);
        assertEquals(1.0, g.dirK().z(), 1e-9, "k runs towards the head");
        assertEquals(List.of(), c.series().get(0).warnings());
    }

    @Test
    void enhancedCtFramesArePlacedByTheirFunctionalGroups() throws IOException {
        // two frames 10 mm apart, rows running to the patient's right: k = i x j points to the feet
        Case c = new Case("enhanced");
        ImportResult result = operations.importInto(c,
                TestData.shared("pydicom_data/data_store/data/eCT_Supplemental.dcm"), Map.of(), Progress.NONE);
        assertEquals(List.of(), result.problems());
        Geometry g = c.series().get(0).volume().geometry();
        assertEquals(List.of(512, 512, 2), List.of(g.nx(), g.ny(), g.nz()));
        assertEquals(0.388672, g.spacing().x(), 1e-9);
        assertEquals(10.0, g.spacing().z(), 1e-9);
        assertEquals(-1.0, g.dirI().x(), 1e-9);
        assertEquals(-1.0, g.dirK().z(), 1e-9);
        assertEquals(-149.0, g.origin().z(), 1e-9, "the frame lowest along k comes first");
        // pydicom: sum over both frames of stored * slope + intercept from each frame's functional group
        assertEquals(-337_621_504L, c.series().get(0).volume().statistics().sum());
    }

    @Test
    void aJpegLosslessSeriesLoadsBitForBitAsTheUncompressedOne(@TempDir Path dir) throws Exception {
        // dcmtk (an independent encoder) compresses the phantom; the decoded volume must not change
        Path jpeg = Files.createDirectories(dir.resolve("jpeg-lossless"));
        List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(TestData.headPhantom())) {
            files = s.filter(Files::isRegularFile).filter(DicomSliceReader::looksLikeDicom).sorted().toList();
        }
        for (Path f : files) {
            Process p = new ProcessBuilder("dcmcjpeg", f.toString(), jpeg.resolve(f.getFileName()).toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor(), "dcmcjpeg " + f);
        }
        Case plain = new Case("plain");
        operations.importInto(plain, TestData.headPhantom(), Map.of(), Progress.NONE);
        Case compressed = new Case("jpeg");
        ImportResult result = operations.importInto(compressed, jpeg, Map.of(), Progress.NONE);
        assertEquals(List.of(), result.problems());
        assertEquals("1.2.840.10008.1.2.4.70", com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
                DicomSliceReader.parse(jpeg.resolve(files.get(0).getFileName())),
                com.pixelmed.dicom.TagFromName.TransferSyntaxUID), "dcmcjpeg wrote JPEG lossless SV1");
        assertEquals(plain.series().get(0).volume().geometry(), compressed.series().get(0).volume().geometry());
        org.junit.jupiter.api.Assertions.assertArrayEquals(plain.series().get(0).volume().voxels(),
                compressed.series().get(0).volume().voxels());
    }

    @Test
    void aFrameWithoutPositionIsNamedNotGuessed() {
        // pydicom's small enhanced MR carries no plane positions: it cannot be placed in patient space
        Path file = TestData.shared("pydicom_data/data_store/data/emri_small.dcm");
        DicomReadException e = org.junit.jupiter.api.Assertions.assertThrows(DicomReadException.class,
                () -> DicomSliceReader.read(file));
        assertTrue(e.getMessage().startsWith("missing ImagePositionPatient for frame 1"), e.getMessage());
    }

    @Test
    void rowsAndColumnsThatDisagreeWithTheCompressedStreamFailThatFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path images = TestData.shared("cornerstone_ct_transfer_syntaxes/testImages");
        List<String> names = List.of("CTImage.dcm_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm",
                "CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm",
                "CTImage.dcm_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm");
        for (String name : names) {
            Path lying = dir.resolve("lying-" + name);
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", """
                    import sys, pydicom
                    d = pydicom.dcmread(sys.argv[1])
                    d.Rows = d.Rows - 16
                    d.save_as(sys.argv[2])
                    """, images.resolve(name).toString(), lying.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            DicomReadException e = org.junit.jupiter.api.Assertions.assertThrows(DicomReadException.class,
                    () -> DicomSliceReader.read(lying));
            assertTrue(e.getMessage().contains("the DICOM header says") || e.getMessage().contains("is cut short")
                    || e.getMessage().contains("pixels with"), name + ": " + e.getMessage());
        }
    }
}
