package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Series;
import org.twinprint.core.spi.CanceledException;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Problem;
import org.twinprint.core.spi.Progress;

/**
 * Imports every image series found in a DICOM file or folder (searched recursively). Files that
 * are not readable images are reported one by one; the rest still load.
 */
@Component(service = Importer.class)
public final class DicomFolderImporter implements Importer {

    @Override
    public String id() {
        return "import.dicom";
    }

    @Override
    public String label() {
        return "DICOM files or folder";
    }

    @Override
    public String description() {
        return "Loads CT/MR series from DICOM files, ordered by patient position, calibrated to HU.";
    }

    @Override
    public boolean canImport(Path path) {
        if (DicomSources.isArchiveOrIndex(path)) {
            return true;
        }
        if (Files.isRegularFile(path)) {
            return DicomSliceReader.looksLikeDicom(path);
        }
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).limit(64).anyMatch(DicomSliceReader::looksLikeDicom);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("series", "Series", "",
                "SeriesInstanceUID of the one series to load; empty loads every series found."));
    }

    @Override
    public ImportResult importFrom(Path path, Parameters parameters, Progress progress) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such file or folder");
        }
        String only = parameters == null ? "" : parameters.string("series").strip();
        try (DicomSources.Opened opened = DicomSources.open(path)) {
            List<Path> files = opened.files();
            if (!only.isEmpty()) {
                // the headers say which files hold the series: only those are decoded
                files = DicomIndex.scan(files, path, Progress.NONE).series().stream()
                        .filter(s -> s.seriesUid().equals(only)).findFirst()
                        .orElseThrow(() -> new IOException(path + ": no series " + only)).files();
            }
            return read(path, files, progress);
        }
    }

    private ImportResult read(Path path, List<Path> files, Progress progress) throws IOException {
        progress.begin("Reading DICOM from " + path, files.size() + 1);
        Map<String, List<DicomSlice>> bySeries = new LinkedHashMap<>();
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        List<DicomSlice> slices = files.parallelStream().flatMap(file -> {
            progress.checkCanceled();
            try {
                return DicomSliceReader.readForVolume(file).stream();
            } catch (DicomReadException e) {
                if (!isDirectoryIndexOrText(file)) {
                    problems.add(new Problem(file, e.getMessage()));
                }
                return Stream.empty();
            } catch (CanceledException e) {
                throw e;
            } catch (RuntimeException | OutOfMemoryError e) {
                // one bad file is named and the rest load; its stack trace goes to the log only
                problems.add(new Problem(file, DicomSliceReader.describe(e)));
                return Stream.empty();
            } finally {
                progress.worked(1);
            }
        }).toList();
        for (DicomSlice s : slices) {
            bySeries.computeIfAbsent(s.seriesUid(), k -> new ArrayList<>()).add(s);
        }
        progress.subTask("Assembling " + bySeries.size() + " series");
        List<Series> series = new ArrayList<>();
        for (List<DicomSlice> group : bySeries.values()) {
            try {
                series.add(SeriesAssembler.assemble(group, path.toString()));
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // a series that cannot be put together fails alone, named by its first file
                problems.add(new Problem(group.get(0).file(), "series " + group.get(0).seriesUid() + " of "
                        + group.size() + " slice(s) could not be assembled: " + DicomSliceReader.describe(e)));
            }
        }
        progress.worked(1);
        if (series.isEmpty() && !problems.isEmpty()) {
            throw new IOException(path + ": no image could be read; first problem: " + problems.get(0));
        }
        List<Problem> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort((a, b) -> a.file().compareTo(b.file()));
        return new ImportResult(series, sortedProblems);
    }

    /** Licences, notes and DICOMDIR-like index files sit beside images and are no problem. */
    private static boolean isDirectoryIndexOrText(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".sha256") || name.endsWith(".png")
                || name.equals("dicomdir") || name.startsWith(".");
    }
}
