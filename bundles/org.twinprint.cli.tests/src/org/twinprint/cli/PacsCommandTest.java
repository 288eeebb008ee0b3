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

    /** Runs a command against a misbehaving server; returns its exit code and how long it took (ms). */
    private long[] timed(String... args) {
        long start = System.nanoTime();
        int code = run(args);
        return new long[] { code, (System.nanoTime() - start) / 1_000_000 };
    }

    @Test
    void silentAndDrippingDimsePeersAreGivenUpWithinTheTimeout() throws Exception {
        for (MisbehavingServer.Behaviour b : List.of(MisbehavingServer.Behaviour.SILENT,
                MisbehavingServer.Behaviour.SLOW_DRIP)) {
            try (MisbehavingServer server = new MisbehavingServer(b)) {
                String port = Integer.toString(server.port());
                for (String op : List.of("echo", "find")) {
                    long[] r = timed("pacs", op, "--host", "127.0.0.1", "--port", port, "--timeout", "2");
                    assertEquals(1, r[0], b + " " + op + ": " + err);
                    assertTrue(r[1] < 6000, b + " " + op + " took " + r[1] + " ms");
                    assertTrue(err.toString().contains("no answer for 2 s"), b + " " + op + ": " + err);
                }
                long[] r = timed("pacs", "get", "--host", "127.0.0.1", "--port", port, "--timeout", "2", "--study",
                        "1.2.3", "--out", Files.createTempDirectory("get").toString());
                assertEquals(1, r[0], b + " get: " + err);
                assertTrue(r[1] < 6000, b + " get took " + r[1] + " ms");
            }
        }
    }

    @Test
    void aHugePduLengthIsNamedNotANumber() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.HUGE_PDU)) {
            long[] r = timed("pacs", "echo", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                    "--timeout", "3");
            assertEquals(1, r[0], err.toString());
            String message = err.toString();
            assertTrue(message.contains("C-ECHO") && (message.contains("malformed or oversized protocol data unit")
                    || message.contains("failed (")) && !message.matches("(?s).*pacs: -?\\d+\\s*"), message);
            assertTrue(r[1] < 8000, "took " + r[1] + " ms");
        }
    }

    @Test
    void silentDrippingAndEndlessDicomWebServersEndTheCommandWithAMessage(@TempDir Path dir) throws Exception {
        try (MisbehavingServer silent = new MisbehavingServer(MisbehavingServer.Behaviour.SILENT)) {
            String url = "http://127.0.0.1:" + silent.port() + "/dicom-web";
            long[] r = timed("pacs", "web-find", "--url", url, "--timeout", "2");
            assertEquals(1, r[0], err.toString());
            assertTrue(err.toString().contains("given up"), err.toString());
            assertTrue(r[1] < 6000, "took " + r[1] + " ms");
        }
        try (MisbehavingServer drip = new MisbehavingServer(MisbehavingServer.Behaviour.DRIPPING_HTTP)) {
            String url = "http://127.0.0.1:" + drip.port() + "/dicom-web";
            long[] r = timed("pacs", "web-get", "--url", url, "--timeout", "2", "--study", "1", "--series", "2",
                    "--out", dir.resolve("drip").toString());
            assertEquals(1, r[0], err.toString());
            assertTrue(err.toString().contains("no answer for 2 s"), err.toString());
            assertTrue(r[1] < 6000, "took " + r[1] + " ms");
        }
        try (MisbehavingServer endless = new MisbehavingServer(MisbehavingServer.Behaviour.ENDLESS_HTTP)) {
            String url = "http://127.0.0.1:" + endless.port() + "/dicom-web";
            Path out = dir.resolve("endless");
            long[] r = timed("pacs", "web-get", "--url", url, "--timeout", "5", "--max-mb", "64", "--study", "1",
                    "--series", "2", "--out", out.toString());
            assertEquals(1, r[0], err.toString());
            assertTrue(err.toString().contains("larger than the limit of 64 MB"), err.toString());
            assertTrue(r[1] < 20000, "took " + r[1] + " ms");
            try (var left = Files.list(out)) {
                assertEquals(0, left.count(), "what was written of the refused answer is gone");
            }
        }
    }

    @Test
    void cancelStopsARetrievalFromASilentPeerAtOnce(@TempDir Path dir) throws Exception {
        // what the study browser's Cancel does: the job's progress says cancelled
        try (MisbehavingServer silent = new MisbehavingServer(MisbehavingServer.Behaviour.SILENT)) {
            org.twinprint.imaging.pacs.core.DimseClient client = new org.twinprint.imaging.pacs.core.DimseClient(
                    new org.twinprint.imaging.pacs.core.PacsNode("127.0.0.1", silent.port(), "ORTHANC", "TWINPRINT"),
                    60);
            long start = System.nanoTime();
            org.twinprint.core.spi.Progress cancelledSoon = new org.twinprint.core.spi.Progress() {
                @Override
                public void begin(String task, int totalWork) {
                }

                @Override
                public void worked(int work) {
                }

                @Override
                public boolean isCanceled() {
                    return System.nanoTime() - start > 500_000_000L;
                }
            };
            org.junit.jupiter.api.Assertions.assertThrows(org.twinprint.core.spi.CanceledException.class,
                    () -> client.get("1.2.3", null, dir, cancelledSoon));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 3000, "cancelled after " + ms + " ms, though the timeout is 60 s");
        }
    }
}
