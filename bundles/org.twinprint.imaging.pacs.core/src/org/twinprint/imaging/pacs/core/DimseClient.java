package org.twinprint.imaging.pacs.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.FindSOPClassSCU;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import com.pixelmed.network.VerificationSOPClassSCU;

import org.twinprint.core.spi.Progress;

/**
 * The DIMSE services TwinPrint uses, on PixelMed's network code: C-ECHO, C-FIND (study root,
 * study and series level), C-GET (no listening port needed, unlike C-MOVE) and C-STORE. C-STORE
 * opens one association per transfer syntax: some PACS (Orthanc 1.10) fail when one association
 * offers one SOP class in two syntaxes. Every operation gives up when the node has said nothing
 * for the timeout (20 s unless set), and a malformed answer is named, not thrown ({@link Watchdog}).
 */
public final class DimseClient {

    /** Storage SOP classes offered for the objects a C-GET brings back. */
    private static final Set<String> RETRIEVABLE = Set.of(SOPClass.CTImageStorage, SOPClass.EnhancedCTImageStorage,
            SOPClass.MRImageStorage, SOPClass.EnhancedMRImageStorage, SOPClass.PETImageStorage,
            SOPClass.SecondaryCaptureImageStorage, SOPClass.RTStructureSetStorage, SOPClass.SegmentationStorage,
            SOPClass.RTDoseStorage);

    private final PacsNode node;
    private final int timeoutSeconds;

    public DimseClient(PacsNode node) {
        this(node, Watchdog.DEFAULT_SECONDS);
    }

    /** A client that gives a silent node up after {@code timeoutSeconds} (1 or more). */
    public DimseClient(PacsNode node, int timeoutSeconds) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("a PACS timeout is 1 s or more, not " + timeoutSeconds);
        }
        this.node = node;
        this.timeoutSeconds = timeoutSeconds;
    }

    public PacsNode node() {
        return node;
    }

    /** C-ECHO: does the node answer? */
    public void echo() throws PacsException {
        Watchdog.run(node + ": C-ECHO", timeoutSeconds, Progress.NONE, dog -> {
            try {
                new VerificationSOPClassSCU(node.host(), node.port(), node.calledAet(), node.callingAet(), false, 0);
            } catch (DicomNetworkException | DicomException | IOException e) {
                throw failure("C-ECHO", e);
            }
            return null;
        });
    }

    /**
     * C-FIND at study level. {@code matching} maps DICOM keywords (PatientID, PatientName,
     * StudyDate, AccessionNumber, ModalitiesInStudy...) to values, with * and ? wildcards.
     */
    public List<StudyRecord> findStudies(Map<String, String> matching) throws PacsException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String k : List.of("StudyInstanceUID", "PatientID", "PatientName", "StudyDate", "StudyDescription",
                "ModalitiesInStudy", "NumberOfStudyRelatedInstances")) {
            keys.put(k, "");
        }
        keys.putAll(matching);
        List<StudyRecord> studies = new ArrayList<>();
        for (AttributeList a : find("STUDY", keys, Progress.NONE)) {
            studies.add(new StudyRecord(text(a, TagFromName.StudyInstanceUID), text(a, TagFromName.PatientID),
                    text(a, TagFromName.PatientName), text(a, TagFromName.StudyDate),
                    text(a, TagFromName.StudyDescription), String.join("\\", values(a, TagFromName.ModalitiesInStudy)),
                    number(a, TagFromName.NumberOfStudyRelatedInstances)));
        }
        return studies;
    }

    /** C-FIND at series level within a study. */
    public List<SeriesRecord> findSeries(String studyUid) throws PacsException {
        return findSeries(studyUid, Progress.NONE);
    }

    /** The same, given up when {@code progress} is cancelled. */
    private List<SeriesRecord> findSeries(String studyUid, Progress progress) throws PacsException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("StudyInstanceUID", studyUid);
        for (String k : List.of("SeriesInstanceUID", "Modality", "SeriesNumber", "SeriesDescription",
                "NumberOfSeriesRelatedInstances")) {
            keys.put(k, "");
        }
        List<SeriesRecord> series = new ArrayList<>();
        for (AttributeList a : find("SERIES", keys, progress)) {
            series.add(new SeriesRecord(studyUid, text(a, TagFromName.SeriesInstanceUID), text(a, TagFromName.Modality),
                    text(a, TagFromName.SeriesNumber), text(a, TagFromName.SeriesDescription),
                    number(a, TagFromName.NumberOfSeriesRelatedInstances)));
        }
        return series;
    }

    private List<AttributeList> find(String level, Map<String, String> keys, Progress progress)
            throws PacsException {
        return Watchdog.run(node + ": C-FIND", timeoutSeconds, progress, dog -> {
            List<AttributeList> answers = Collections.synchronizedList(new ArrayList<>());
            try {
                AttributeList identifier = identifier(level, keys);
                new FindSOPClassSCU(node.host(), node.port(), node.calledAet(), node.callingAet(),
                        SOPClass.StudyRootQueryRetrieveInformationModelFind, identifier, new IdentifierHandler() {
                            @Override
                            public void doSomethingWithIdentifier(AttributeList answer) {
                                dog.alive();
                                answers.add(answer);
                            }
                        });
            } catch (DicomNetworkException | DicomException | IOException e) {
                throw failure("C-FIND", e);
            }
            return answers;
        });
    }

    /**
     * C-GET of a study, or of one series when {@code seriesUid} is not null, into {@code folder}
     * (created if needed). Returns the files received.
     */
    public List<Path> get(String studyUid, String seriesUid, Path folder, Progress progress) throws PacsException {
        List<Path> received = Collections.synchronizedList(new ArrayList<>());
        try {
            Files.createDirectories(folder);
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("StudyInstanceUID", studyUid);
            if (seriesUid != null) {
                keys.put("SeriesInstanceUID", seriesUid);
            }
            int expected = 0; // the PACS's own count, for progress
            for (SeriesRecord r : findSeries(studyUid, progress)) {
                if (seriesUid == null || seriesUid.equals(r.seriesUid())) {
                    expected += r.instances();
                }
            }
            progress.begin("Retrieving from " + node, Math.max(1, expected));
            AttributeList id = identifier(seriesUid == null ? "STUDY" : "SERIES", keys);
            Watchdog.run(node + ": C-GET", timeoutSeconds, progress, dog -> {
                try {
                    new GetSOPClassSCU(node.host(), node.port(), node.calledAet(), node.callingAet(),
                            SOPClass.StudyRootQueryRetrieveInformationModelGet, id, new IdentifierHandler(),
                            folder.toFile(), StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER,
                            new ReceivedObjectHandler() {
                                @Override
                                public void sendReceivedObjectIndication(String fileName, String transferSyntax,
                                        String callingAet) {
                                    dog.alive(); // each object received restarts the silence
                                    received.add(Path.of(fileName));
                                    progress.worked(1);
                                }
                            }, RETRIEVABLE, true, false, false);
                } catch (DicomNetworkException | DicomException | IOException e) {
                    throw failure("C-GET", e);
                }
                return null;
            });
        } catch (DicomException | IOException e) {
            throw e instanceof PacsException p ? p : failure("C-GET", e);
        }
        if (received.isEmpty()) {
            throw new PacsException(node + ": C-GET of study " + studyUid
                    + (seriesUid == null ? "" : " series " + seriesUid) + " brought back nothing");
        }
        return List.copyOf(received);
    }

    /** C-STORE of files, one association per transfer syntax. Returns how many the node accepted. */
    public int store(List<Path> files, Progress progress) throws PacsException {
        Map<String, SetOfDicomFiles> bySyntax = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                SetOfDicomFiles.DicomFile d = new SetOfDicomFiles().add(f.toString(), false, false);
                if (d == null || d.getTransferSyntaxUID() == null) {
                    throw new PacsException(f + ": not a DICOM file with a transfer syntax, not sent");
                }
                bySyntax.computeIfAbsent(d.getTransferSyntaxUID(), k -> new SetOfDicomFiles()).add(d);
            } catch (RuntimeException e) {
                throw new PacsException(f + ": cannot be read for sending (" + e.getMessage() + ")", e);
            }
        }
        progress.begin("Sending " + files.size() + " files to " + node, files.size());
        int sent = 0;
        int refused = 0;
        for (SetOfDicomFiles group : bySyntax.values()) {
            AtomicInteger done = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            // PixelMed traps network errors in this call and only reports that there were some
            StorageSOPClassSCU scu = Watchdog.run(node + ": C-STORE", timeoutSeconds, progress,
                    dog -> new StorageSOPClassSCU(node.host(), node.port(), node.calledAet(), node.callingAet(), group,
                            0, new MultipleInstanceTransferStatusHandler() {
                                @Override
                                public void updateStatus(int remaining, int completed, int failed, int warnings,
                                        String sopInstanceUid) {
                                    dog.alive();
                                    done.set(completed + warnings);
                                    failures.set(failed);
                                    progress.worked(1);
                                }
                            }));
            if (scu.encounteredTrappedExceptions()) {
                throw new PacsException(node + ": C-STORE failed: the association was refused or broke off ("
                        + (sent + done.get()) + " of " + files.size() + " files sent)");
            }
            sent += done.get();
            refused += failures.get();
        }
        if (refused > 0) {
            throw new PacsException(node + ": C-STORE refused " + refused + " of " + files.size() + " files");
        }
        return sent;
    }

    private static AttributeList identifier(String level, Map<String, String> keys) throws DicomException {
        AttributeList id = new AttributeList();
        put(id, TagFromName.QueryRetrieveLevel, level);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            AttributeTag tag = DicomDictionary.StandardDictionary.getTagFromName(e.getKey());
            if (tag == null) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not a DICOM keyword");
            }
            put(id, tag, e.getValue());
        }
        return id;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        if (value != null && !value.isEmpty()) {
            a.addValue(value);
        }
        list.put(tag, a);
    }

    private static String text(AttributeList a, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(a, tag);
    }

    private static String[] values(AttributeList a, AttributeTag tag) {
        String[] v = Attribute.getStringValues(a, tag);
        return v == null ? new String[0] : v;
    }

    private static int number(AttributeList a, AttributeTag tag) {
        return Attribute.getSingleIntegerValueOrDefault(a, tag, 0);
    }

    private PacsException failure(String what, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new PacsException(node + ": " + what + " failed (" + why + ")", e);
    }
}
