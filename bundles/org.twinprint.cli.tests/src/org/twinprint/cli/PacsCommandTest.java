package org.twinprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.report.JsonReader;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.testing.LocalOrthanc;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** 'releng/run pacs ...' against a real Orthanc: what the study browser does, from the command line. */
class PacsCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        Commands commands = new Commands(new CaseOperations(OsgiServices.await(ServiceCatalog.class)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return commands.run(List.of(args));
    }

    @Test
    void storeFindGetAndLoadTheDemoSeries(@TempDir Path dir) throws Exception {
        try (LocalOrthanc orthanc = new LocalOrthanc(Files.createDirectories(dir.resolve("orthanc")))) {
            String port = Integer.toString(orthanc.dicomPort);
            assertEquals(0, run("pacs", "echo", "--host", "127.0.0.1", "--port", port));
            assertTrue(out.toString().contains("C-ECHO ORTHANC@127.0.0.1:" + port + ": ok"), out.toString());

            assertEquals(0, run("pacs", "store", "--host", "127.0.0.1", "--port", port,
                    TestData.headPhantom().toString()));
            assertTrue(out.toString().contains("140 of 140 files stored"), out.toString());

            assertEquals(0, run("pacs", "find", "--host", "127.0.0.1", "--port", port, "--PatientID", "*"));
            List<?> studies = (List<?>) JsonReader.parse(out.toString());
            assertEquals(1, studies.size());
            Map<?, ?> study = (Map<?, ?>) studies.get(0);
            Map<?, ?> series = (Map<?, ?>) ((List<?>) study.get("series")).get(0);
            assertEquals(140.0, series.get("instances"));

            Path got = dir.resolve("retrieved");
            assertEquals(0, run("pacs", "get", "--host", "127.0.0.1", "--port", port, "--study",
                    (String) study.get("studyInstanceUid"), "--series", (String) series.get("seriesInstanceUid"),
                    "--out", got.toString()));
            assertEquals(0, run("info", got.toString()));
            assertTrue(out.toString().contains("\"sum\": -30468829548"), "the retrieved series is the demo CT");

            assertEquals(0, run("pacs", "web-find", "--url", orthanc.dicomWeb().toString()));
            assertEquals(1, ((List<?>) JsonReader.parse(out.toString())).size());
        }
    }

    @Test
    void aPacsThatIsNotThereIsAnErrorNotACrash() {
        assertEquals(1, run("pacs", "echo", "--host", "127.0.0.1", "--port", "9", "--aet", "NOBODY"));
        assertTrue(err.toString().contains("NOBODY@127.0.0.1:9: C-ECHO failed"), err.toString());
        assertEquals(2, run("pacs", "get", "--host", "127.0.0.1", "--port", "9"));
        assertTrue(err.toString().contains("pacs needs --study"), err.toString());
    }
}
