package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Problem;
import org.twinprint.core.spi.Progress;
import org.twinprint.testing.TestData;

/**
 * Malformed DICOM through the importer: mutants of shared files in every encoding (a fixed seed;
 * {@code -Dtwinprint.fuzz.count=N} and {@code -Dtwinprint.fuzz.seed=S} for a larger run, see
 * {@code releng/fuzz}). Each mutant is imported alone, within 10 s, and must load or be named
 * with a reason; then in folders beside a good slice, whose import must never be aborted. No
 * OutOfMemoryError may come from a lying header.
 */
class DicomFuzzTest {

    private static final List<String> SEEDS = List.of(
            "philips-head-phantom-bone1mm/dicom/I10",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_JPEGProcess1TransferSyntax_1.2.840.10008.1.2.4.50.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_JPEGProcess2_4TransferSyntax_1.2.840.10008.1.2.4.51.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_JPEGLSLossyTransferSyntax_1.2.840.10008.1.2.4.81.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_JPEGProcess10_12TransferSyntax_1.2.840.10008.1.2.4.55.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_JPEG2000TransferSyntax_1.2.840.10008.1.2.4.91.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_DeflatedExplicitVRLittleEndianTransferSyntax_1.2.840.10008.1.2.1.99.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2.dcm",
            "cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm_LittleEndianImplicitTransferSyntax_1.2.840.10008.1.2.dcm",
            "dwv_testdata/tests/data/multiframe-test1.dcm",
            "pydicom_testfiles/src/pydicom/data/test_files/rtdose_rle.dcm",
            "pydicom_data/data_store/data/OBXXXX1A_rle_2frame.dcm",
            "pydicom_testfiles/src/pydicom/data/test_files/MR_small.dcm",
            "ibsi1-ct-phantom-rtstruct/rtstruct/DCM_RS_00060.dcm",
            "dcmqi_ct3slice_seg/data/segmentations/liver.dcm");

    private static final long HANG_SECONDS = 10;
    private static final int PER_FOLDER = 25;

    /** What went wrong, by kind: how often, and the first few examples. */
    private final Map<String, List<String>> findings = new TreeMap<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    private void found(String kind, String example) {
        counts.merge(kind, 1, Integer::sum);
        List<String> list = findings.computeIfAbsent(kind, k -> new ArrayList<>());
        if (list.size() < 5) {
            list.add(example);
        }
    }

    @Test
    void malformedFilesAreNamedAndNeverAbortHangOrExhaustMemory(@TempDir Path dir) throws Exception {
        int count = Integer.getInteger("twinprint.fuzz.count", 500);
        long seed = Long.getLong("twinprint.fuzz.seed", 20261207L);
        List<byte[]> seeds = new ArrayList<>();
        for (String s : SEEDS) {
            Path f = TestData.shared(s);
            if (Files.isRegularFile(f)) {
                seeds.add(Files.readAllBytes(f));
            }
        }
        assertTrue(seeds.size() >= 15, "the seeds are in ../shared/data");
        Path good = TestData.headPhantom().resolve("I10");
        Random random = new Random(seed);
        DicomFolderImporter importer = new DicomFolderImporter();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-import");
            t.setDaemon(true);
            return t;
        });
        int loaded = 0, named = 0;
        try {
            for (int first = 0; first < count; first += PER_FOLDER) {
                Path folder = Files.createDirectories(dir.resolve("batch-" + first));
                Files.copy(good, folder.resolve("good.dcm"));
                List<Path> mutants = new ArrayList<>();
                for (int n = first; n < Math.min(count, first + PER_FOLDER); n++) {
                    DicomMutator.Mutant m = DicomMutator.mutate(seeds.get(random.nextInt(seeds.size())), random);
                    Path f = folder.resolve(String.format("mutant-%05d.dcm", n));
                    Files.write(f, m.bytes());
                    Files.writeString(folder.resolve(String.format("mutant-%05d.txt", n)), m.what());
                    mutants.add(f);
                }
                for (Path f : mutants) {
                    String outcome = importAlone(runner, importer, f);
                    if (outcome.equals("loaded")) {
                        loaded++;
                    } else if (outcome.equals("named")) {
                        named++;
                    }
                }
                importFolder(runner, importer, folder);
                if (findings.isEmpty()) {
                    deleteFolder(folder); // kept only when it shows a finding
                }
            }
        } finally {
            runner.shutdownNow();
        }
        String report = "seed " + seed + ", " + count + " mutants: " + loaded + " loaded, " + named
                + " named with a reason; findings " + counts + ": " + findings;
        System.out.println("[fuzz] " + report);
        assertEquals(count, loaded + named, report);
        assertEquals(Map.of(), findings, report);
    }

    /** "loaded", "named", or a finding recorded. */
    private String importAlone(ExecutorService runner, DicomFolderImporter importer, Path f) throws Exception {
        Future<ImportResult> job = runner.submit(() -> importer.importFrom(f, null, Progress.NONE));
        String what = f.getFileName() + " (" + Files.readString(Path.of(f.toString().replace(".dcm", ".txt"))) + ")";
        try {
            ImportResult r = job.get(HANG_SECONDS, TimeUnit.SECONDS);
            for (Problem p : r.problems()) {
                check(p, what);
            }
            if (!r.series().isEmpty()) {
                return "loaded";
            }
            if (r.problems().isEmpty()) {
                found("silently ignored", what);
            }
            return "named";
        } catch (TimeoutException e) {
            job.cancel(true);
            found("hang over " + HANG_SECONDS + " s", what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError) {
                found("OutOfMemoryError", what);
            } else if (cause instanceof IOException io && io.getMessage() != null
                    && io.getMessage().contains(f.toString())) {
                if (io.getMessage().contains("out of memory")) {
                    found("out of memory reported", what + ": " + io.getMessage());
                }
                return "named"; // a single file that cannot be read fails its import, naming it
            } else {
                found("import of one file threw " + cause.getClass().getSimpleName(), what + ": " + cause);
            }
        }
        return "finding";
    }

    private void check(Problem p, String what) {
        if (p.file() == null || p.message() == null || p.message().isBlank() || p.message().equals("null")) {
            found("problem without a reason", what + ": " + p);
        } else if (p.message().contains("out of memory") || p.message().contains("OutOfMemory")) {
            found("out of memory reported", what + ": " + p.message());
        }
    }

    private void importFolder(ExecutorService runner, DicomFolderImporter importer, Path folder) throws Exception {
        Future<ImportResult> job = runner.submit(() -> importer.importFrom(folder, null, Progress.NONE));
        try {
            ImportResult r = job.get(HANG_SECONDS * PER_FOLDER, TimeUnit.SECONDS);
            if (r.series().isEmpty()) {
                found("folder import lost the good slice", folder.getFileName() + ": " + r.problems());
            }
            r.problems().forEach(p -> check(p, folder.getFileName().toString()));
        } catch (TimeoutException e) {
            job.cancel(true);
            found("folder import hung", folder.getFileName().toString());
        } catch (ExecutionException e) {
            found("folder import aborted", folder.getFileName() + ": " + e.getCause());
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }
}
