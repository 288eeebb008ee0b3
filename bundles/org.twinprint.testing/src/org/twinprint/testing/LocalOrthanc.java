package org.twinprint.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Orthanc (Debian's orthanc + orthanc-dicomweb) started for a test on loopback, with its
 * own configuration, storage and free ports, and stopped again. The Debian service cannot be
 * started here, so the binary is run directly.
 */
public final class LocalOrthanc implements AutoCloseable {

    public static final String AET = "ORTHANC";
    public static final String OUR_AET = "TWINPRINT";

    public final int dicomPort;
    public final int httpPort;
    private final Process process;
    private final Path log;

    public LocalOrthanc(Path dir) throws IOException, InterruptedException {
        dicomPort = freePort();
        httpPort = freePort();
        Path config = dir.resolve("config.json");
        log = dir.resolve("orthanc.log");
        Files.writeString(config, """
                {
                  "Name": "TwinPrintTest",
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "HttpPort": %d,
                  "DicomPort": %d,
                  "DicomAet": "%s",
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "DicomCheckCalledAet": false,
                  "DicomModalities": { "twinprint": [ "%s", "127.0.0.1", %d ] },
                  "DicomAlwaysAllowEcho": true,
                  "DicomAlwaysAllowStore": true,
                  "DicomAlwaysAllowFind": true,
                  "DicomAlwaysAllowGet": true,
                  "Plugins": [ "/usr/share/orthanc/plugins/libOrthancDicomWeb.so" ],
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
                }
                """.formatted(dir.resolve("storage"), dir.resolve("index"), httpPort, dicomPort, AET, OUR_AET,
                freePort()));
        process = new ProcessBuilder("/usr/sbin/Orthanc", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        awaitHttp();
    }

    public URI dicomWeb() {
        return URI.create("http://127.0.0.1:" + httpPort + "/dicom-web");
    }

    private void awaitHttp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest system = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/system")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc stopped at start-up:\n" + Files.readString(log));
            }
            try {
                if (http.send(system, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("Orthanc did not answer within 60 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
