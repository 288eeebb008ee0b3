package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.spi.Progress;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** The study browser's index: patients, studies and series from the headers, and loading one series. */
class DicomIndexTest {

    private static final Path DICOMDIR_TESTS = TestData.shared("pydicom_testfiles/src/pydicom/data/test_files/"
            + "dicomdirtests");

    @Test
    void aFolderOfSeveralPatientsIsIndexedFromItsHeaders() throws Exception {
        // pydicom over the same files: 2 patients, 6 studies, 13 image series, 31 images
        DicomIndex.Result index = DicomIndex.scan(DICOMDIR_TESTS, Progress.NONE);
        List<DicomIndex.IndexedSeries> series = index.series();
        assertEquals(13, series.size());
        assertEquals(31, series.stream().mapToInt(s -> s.files().size()).sum());
        assertEquals(2, series.stream().map(DicomIndex.IndexedSeries::patientId).distinct().count());
        assertEquals(6, series.stream().map(DicomIndex.IndexedSeries::studyUid).distinct().count());
        Map<String, Long> modalities = series.stream()
                .collect(Collectors.groupingBy(DicomIndex.IndexedSeries::modality, Collectors.counting()));
        assertEquals(Map.of("CR", 3L, "CT", 3L, "MR", 7L), modalities);
        assertEquals(List.of(), index.problems(), "DICOMDIR and other non-images are skipped, not problems");
    }

    @Test
    void theDemoSeriesHasAThumbnailOfItsMiddleSlice() throws Exception {
        DicomIndex.IndexedSeries demo = DicomIndex.scan(TestData.headPhantom(), Progress.NONE).series().get(0);
        assertEquals(140, demo.files().size());
        assertEquals("CT", demo.modality());
        DicomIndex.Thumbnail t = DicomIndex.thumbnail(demo, 64);
        assertEquals(64, t.width());
        assertEquals(64, t.height());
        int distinct = (int) java.util.stream.IntStream.range(0, t.grey().length).map(i -> t.grey()[i] & 0xff)
                .distinct().count();
        assertTrue(distinct > 20, "a picture, not a flat square: " + distinct + " grey levels");
    }

    @Test
    void theImporterLoadsOnlyTheSeriesAskedFor() throws Exception {
        DicomIndex.IndexedSeries ct = DicomIndex.scan(DICOMDIR_TESTS, Progress.NONE).series().stream()
                .filter(s -> s.modality().equals("CT") && s.files().size() == 5).findFirst().orElseThrow();
        CaseOperations operations = new CaseOperations(OsgiServices.await(ServiceCatalog.class));
        Case c = new Case("one series");
        operations.importInto(c, DICOMDIR_TESTS, Map.of("series", ct.seriesUid()), Progress.NONE);
        assertEquals(1, c.series().size());
        assertEquals(ct.seriesUid(), c.series().get(0).uid());
        assertEquals(5, c.series().get(0).volume().geometry().nz());
        assertEquals(ct.seriesUid(), c.provenance().get(0).parameters().get("series"),
                "the provenance says which series was loaded");
    }

    @Test
    void aDicomdirOpensTheFilesItNames() throws Exception {
        // dcmdump counts 13 SERIES and 31 IMAGE records in the root DICOMDIR, 1 and 50 in TINY_ALPHA's,
        // whose instances pydicom made without pixels: named by the DICOMDIR, but no images
        DicomIndex.Result root = DicomIndex.scan(DICOMDIR_TESTS.resolve("DICOMDIR"), Progress.NONE);
        assertEquals(13, root.series().size());
        assertEquals(31, root.series().stream().mapToInt(s -> s.files().size()).sum());
        Path tinyDir = DICOMDIR_TESTS.resolve("TINY_ALPHA/DICOMDIR");
        assertEquals(50, DicomSources.files(tinyDir).size());
        DicomIndex.Result tiny = DicomIndex.scan(tinyDir, Progress.NONE);
        assertEquals(List.of(), tiny.series());
        assertEquals(List.of(), tiny.problems());
    }

    @Test
    void aZipOfASeriesLoadsLikeTheFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path zip = dir.resolve("demo.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(
                zip)); java.util.stream.Stream<Path> files = java.nio.file.Files.list(TestData.headPhantom())) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry("study/ct/" + f.getFileName()));
                java.nio.file.Files.copy(f, out);
                out.closeEntry();
            }
        }
        CaseOperations operations = new CaseOperations(OsgiServices.await(ServiceCatalog.class));
        Case fromZip = new Case("zip");
        operations.importInto(fromZip, zip, Map.of(), Progress.NONE);
        assertEquals(-30_468_829_548L, fromZip.series().get(0).volume().statistics().sum());
        assertEquals(1, DicomIndex.scan(zip, Progress.NONE).series().size());

        Path evil = dir.resolve("evil.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(
                evil))) {
            out.putNextEntry(new java.util.zip.ZipEntry("../../outside.dcm"));
            out.write(new byte[] { 1, 2, 3 });
            out.closeEntry();
        }
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> operations.importInto(new Case("evil"), evil, Map.of(), Progress.NONE));
        assertTrue(e.getMessage().contains("points outside the archive"), e.getMessage());
    }

    @Test
    void aZipBombIsRefusedQuicklyAndLeavesNoTemporaryData(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(
                bomb))) {
            out.setLevel(9);
            out.putNextEntry(new java.util.zip.ZipEntry("ct/slice.dcm"));
            byte[] zeros = new byte[1 << 20];
            for (int mb = 0; mb < 1024; mb++) { // 1 GiB of zeros in about 1 MB
                out.write(zeros);
            }
            out.closeEntry();
        }
        Path root = org.twinprint.core.files.PrivateTemp.root();
        java.util.function.Supplier<List<Path>> ours = () -> {
            try (java.util.stream.Stream<Path> l = java.nio.file.Files.list(root)) {
                return l.filter(p -> p.getFileName().toString().startsWith(ProcessHandle.current().pid() + "-zip-"))
                        .toList();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        List<Path> before = ours.get();
        CaseOperations operations = new CaseOperations(OsgiServices.await(ServiceCatalog.class));
        long start = System.nanoTime();
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> operations.importInto(new Case("bomb"), bomb, Map.of(), Progress.NONE));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("bomb.zip") && e.getMessage().contains("zip bomb"), e.getMessage());
        assertTrue(ms < 2000, "refused after " + ms + " ms");
        assertEquals(before, ours.get(), "the refused archive's temporary folder is gone");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> DicomIndex.scan(bomb, Progress.NONE));
        assertEquals(before, ours.get(), "the index's temporary folder is gone too");
    }
}
