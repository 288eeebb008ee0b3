package org.twinprint.imaging.pacs.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Series;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.imaging.dicom.core.DicomFolderImporter;
import org.twinprint.testing.LocalOrthanc;
import org.twinprint.testing.TestData;

/**
 * The demo series through a real Orthanc started for this test: stored by C-STORE, found by
 * C-FIND and QIDO-RS, retrieved by C-GET and WADO-RS, and loaded back to the same voxels.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PacsRoundTripTest {

    private static final String STUDY = "1.3.46.670589.33.1.35659148292045419918.45183185172171133063";

    @TempDir
    static Path dir;
    private static LocalOrthanc orthanc;
    private static Series original;

    @BeforeAll
    static void start() throws Exception {
        orthanc = new LocalOrthanc(Files.createDirectories(dir.resolve("orthanc")));
        original = load(TestData.headPhantom());
    }

    @AfterAll
    static void stop() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    @Order(1)
    void echoAnswersAndAClosedPortIsNamed() throws Exception {
        new DimseClient(node()).echo();
        PacsNode nobody = new PacsNode("127.0.0.1", 9, "NOBODY", "TWINPRINT");
        PacsException e = assertThrows(PacsException.class, () -> new DimseClient(nobody).echo());
        assertTrue(e.getMessage().startsWith("NOBODY@127.0.0.1:9: C-ECHO failed"), e.getMessage());
    }

    @Test
    @Order(2)
    void theDemoSeriesIsStoredFoundAndRetrievedByDimse() throws Exception {
        DimseClient pacs = new DimseClient(node());
        List<Path> files = dicomFiles(TestData.headPhantom());
        assertEquals(140, pacs.store(files, Progress.NONE));

        List<StudyRecord> studies = pacs.findStudies(Map.of("PatientID", "*"));
        assertEquals(1, studies.size());
        StudyRecord study = studies.get(0);
        assertEquals(140, study.instances());
        List<SeriesRecord> series = pacs.findSeries(study.studyUid());
        assertEquals(1, series.size());
        assertEquals("CT", series.get(0).modality());
        assertEquals(original.uid(), series.get(0).seriesUid());

        Path retrieved = dir.resolve("c-get");
        assertEquals(140, pacs.get(study.studyUid(), series.get(0).seriesUid(), retrieved, Progress.NONE).size());
        assertSameVoxels(load(retrieved));
    }

    @Test
    @Order(3)
    void dicomWebFindsAndRetrievesTheSameSeries() throws Exception {
        DicomWebClient web = new DicomWebClient(orthanc.dicomWeb());
        List<StudyRecord> studies = web.studies(Map.of("PatientID", "*"));
        assertEquals(1, studies.size());
        List<SeriesRecord> series = web.series(studies.get(0).studyUid());
        assertEquals(1, series.size());
        assertEquals(140, series.get(0).instances());
        Path retrieved = dir.resolve("wado");
        List<Path> files = web.retrieve(studies.get(0).studyUid(), series.get(0).seriesUid(), retrieved,
                Progress.NONE);
        assertEquals(140, files.size());
        assertSameVoxels(load(retrieved));
        assertEquals(List.of(), web.studies(Map.of("PatientID", "nobody-has-this-id")));
    }

    @Test
    @Order(4)
    void oneStoreMaySendASopClassInTwoTransferSyntaxes() throws Exception {
        // CT images in explicit little endian and in JPEG-LS: one association per syntax
        Path ct = TestData.shared("pydicom_testfiles/src/pydicom/data/test_files/CT_small.dcm");
        Path jls = TestData.shared("cornerstone_ct_transfer_syntaxes/testImages/"
                + "CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm");
        DimseClient pacs = new DimseClient(node());
        assertEquals(2, pacs.store(List.of(ct, jls), Progress.NONE));
        assertEquals(3, pacs.findStudies(Map.of()).size(), "the demo study and the two new ones");
    }

    @Test
    @Order(5)
    void aFileThatIsNotDicomIsNotSent(@TempDir Path scratch) throws IOException {
        Path text = Files.writeString(scratch.resolve("notes.dcm"), "not DICOM");
        PacsException e = assertThrows(PacsException.class,
                () -> new DimseClient(node()).store(List.of(text), Progress.NONE));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
    }

    private static PacsNode node() {
        return new PacsNode("127.0.0.1", orthanc.dicomPort, LocalOrthanc.AET, LocalOrthanc.OUR_AET);
    }

    private static void assertSameVoxels(Series s) {
        assertEquals(original.volume().geometry(), s.volume().geometry());
        assertArrayEquals(original.volume().voxels(), s.volume().voxels());
    }

    private static Series load(Path folder) throws IOException {
        DicomFolderImporter importer = new DicomFolderImporter();
        List<Series> series = importer.importFrom(folder, Parameters.defaults(importer.parameters()), Progress.NONE)
                .series();
        assertEquals(1, series.size());
        return series.get(0);
    }

    private static List<Path> dicomFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
