package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.twinprint.core.report.Json;
import org.twinprint.core.spi.Progress;
import org.twinprint.imaging.dicom.core.DicomSources;
import org.twinprint.imaging.pacs.core.DicomWebClient;
import org.twinprint.imaging.pacs.core.DimseClient;
import org.twinprint.imaging.pacs.core.PacsNode;
import org.twinprint.imaging.pacs.core.SeriesRecord;
import org.twinprint.imaging.pacs.core.StudyRecord;

/**
 * {@code releng/run pacs ...}: the PACS operations of the study browser from the command line.
 * DIMSE with --host/--port (--aet, --our-aet), DICOMweb with --url; other --Keyword flags are
 * matching keys (--PatientID 'A*').
 */
final class PacsCommand {

    static final String USAGE = "pacs echo|find|get|store|web-find|web-get ...   talk to a PACS:"
            + " DIMSE with --host H --port P [--aet AET] [--our-aet AET], DICOMweb with --url URL;"
            + " find/web-find [--Keyword value]..., get/web-get --study UID [--series UID] --out DIR,"
            + " store <file|folder>...; [--timeout S] gives up a peer silent for S seconds (default 20),"
            + " [--max-mb N] stops a web-get beyond N MB (default 8192)";

    private final PrintStream out;
    private final Progress progress;

    PacsCommand(PrintStream out, Progress progress) {
        this.out = out;
        this.progress = progress;
    }

    int run(List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new org.twinprint.core.spi.BadParameterException("pacs needs an operation: " + USAGE);
        }
        String op = args.get(0);
        Flags flags = Flags.parse(args.subList(1, args.size()), List.of());
        timeout = positive(flags.take("timeout"), 20, "--timeout takes whole seconds");
        maxBytes = (long) positive(flags.take("max-mb"), 8192, "--max-mb takes whole megabytes") << 20;
        switch (op) {
            case "echo" -> {
                DimseClient c = dimse(flags);
                c.echo();
                out.println("C-ECHO " + c.node() + ": ok");
            }
            case "find" -> {
                DimseClient c = dimse(flags);
                List<Object> studies = new ArrayList<>();
                for (StudyRecord s : c.findStudies(matching(flags))) {
                    studies.add(study(s, c.findSeries(s.studyUid())));
                }
                out.print(Json.write(studies));
            }
            case "get" -> {
                DimseClient c = dimse(flags);
                String study = required(flags, "study");
                String series = flags.take("series");
                Path dir = Path.of(required(flags, "out"));
                List<Path> files = c.get(study, series, dir, progress);
                out.println("C-GET " + c.node() + ": " + files.size() + " files in " + dir.toAbsolutePath()
                        + " (load them with 'releng/run info " + dir + "')");
            }
            case "store" -> {
                DimseClient c = dimse(flags);
                List<Path> files = files(flags.positional());
                out.println("C-STORE " + c.node() + ": " + c.store(files, progress) + " of " + files.size()
                        + " files stored");
            }
            case "web-find" -> {
                DicomWebClient web = new DicomWebClient(URI.create(required(flags, "url")), timeout, maxBytes);
                List<Object> studies = new ArrayList<>();
                for (StudyRecord s : web.studies(matching(flags))) {
                    studies.add(study(s, web.series(s.studyUid())));
                }
                out.print(Json.write(studies));
            }
            case "web-get" -> {
                DicomWebClient web = new DicomWebClient(URI.create(required(flags, "url")), timeout, maxBytes);
                Path dir = Path.of(required(flags, "out"));
                List<Path> files = web.retrieve(required(flags, "study"), required(flags, "series"), dir, progress);
                out.println("WADO-RS: " + files.size() + " files in " + dir.toAbsolutePath());
            }
            default -> throw new org.twinprint.core.spi.BadParameterException("unknown pacs operation '" + op + "': " + USAGE);
        }
        return 0;
    }

    private int timeout;
    private long maxBytes;

    private static int positive(String value, int otherwise, String problem) {
        if (value == null) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new org.twinprint.core.spi.BadParameterException(problem + " (1 or more), not '" + value + "'");
    }

    private DimseClient dimse(Flags flags) {
        String port = required(flags, "port");
        try {
            return new DimseClient(new PacsNode(required(flags, "host"), Integer.parseInt(port),
                    orDefault(flags.take("aet"), "ORTHANC"), orDefault(flags.take("our-aet"), "TWINPRINT")), timeout);
        } catch (NumberFormatException e) {
            throw new org.twinprint.core.spi.BadParameterException("--port takes a number, not '" + port + "'");
        }
    }

    /** The flags left are matching keys. */
    private static Map<String, String> matching(Flags flags) {
        return new LinkedHashMap<>(flags.values());
    }

    private static Map<String, Object> study(StudyRecord s, List<SeriesRecord> series) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("studyInstanceUid", s.studyUid());
        m.put("patientId", s.patientId());
        m.put("patientName", s.patientName());
        m.put("studyDate", s.studyDate());
        m.put("description", s.description());
        m.put("modalities", s.modalities());
        m.put("instances", s.instances());
        List<Object> list = new ArrayList<>();
        for (SeriesRecord r : series) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seriesInstanceUid", r.seriesUid());
            e.put("modality", r.modality());
            e.put("number", r.number());
            e.put("description", r.description());
            e.put("instances", r.instances());
            list.add(e);
        }
        m.put("series", list);
        return m;
    }

    private static List<Path> files(List<String> paths) throws IOException {
        if (paths.isEmpty()) {
            throw new org.twinprint.core.spi.BadParameterException("store needs files or folders to send");
        }
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(DicomSources::isDicomFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IOException(p + ": no such file or folder");
            }
        }
        return files;
    }

    private static String required(Flags flags, String key) {
        String v = flags.take(key);
        if (v == null || v.isBlank()) {
            throw new org.twinprint.core.spi.BadParameterException("pacs needs --" + key);
        }
        return v;
    }

    private static String orDefault(String v, String otherwise) {
        return v == null ? otherwise : v;
    }
}
