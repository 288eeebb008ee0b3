package org.twinprint.ui.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.imaging.dicom.core.DicomIndex.IndexedSeries;
import org.twinprint.imaging.pacs.core.SeriesRecord;
import org.twinprint.imaging.pacs.core.StudyRecord;

/**
 * The study browser's tree: patients, their studies, their series. A series is either on disk
 * (files found by a folder scan) or at a PACS (listed by C-FIND, fetched by C-GET when opened).
 */
public final class StudyTree {

    /** A node of the tree with its label and children. */
    public interface Node {
        String label();

        List<? extends Node> children();
    }

    public record Patient(String label, List<Study> children) implements Node {
    }

    public record Study(String label, List<Series> children) implements Node {
    }

    /** A series to open: from a folder ({@code folder} set) or from a PACS ({@code remote} set). */
    public record Series(String label, String seriesUid, Path folder, IndexedSeries local, SeriesRecord remote)
            implements Node {
        @Override
        public List<? extends Node> children() {
            return List.of();
        }
    }

    private StudyTree() {
    }

    /** Groups indexed series of a scanned folder by patient and study. */
    static List<Patient> ofFolder(Path folder, List<IndexedSeries> series) {
        Map<String, Map<String, List<Series>>> tree = new LinkedHashMap<>();
        Map<String, String> patientLabels = new LinkedHashMap<>();
        Map<String, String> studyLabels = new LinkedHashMap<>();
        for (IndexedSeries s : series) {
            patientLabels.putIfAbsent(s.patientId(), patient(s.patientName(), s.patientId()));
            studyLabels.putIfAbsent(s.studyUid(), study(s.studyDate(), s.studyDescription()));
            tree.computeIfAbsent(s.patientId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.studyUid(), k -> new ArrayList<>())
                    .add(new Series(series(s.modality(), s.seriesNumber(), s.description(), s.files().size()),
                            s.seriesUid(), folder, s, null));
        }
        return build(tree, patientLabels, studyLabels);
    }

    /** Studies a PACS listed, with their series. */
    static List<Patient> ofPacs(Map<StudyRecord, List<SeriesRecord>> found) {
        Map<String, Map<String, List<Series>>> tree = new LinkedHashMap<>();
        Map<String, String> patientLabels = new LinkedHashMap<>();
        Map<String, String> studyLabels = new LinkedHashMap<>();
        for (Map.Entry<StudyRecord, List<SeriesRecord>> e : found.entrySet()) {
            StudyRecord st = e.getKey();
            patientLabels.putIfAbsent(st.patientId(), patient(st.patientName(), st.patientId()) + " (PACS)");
            studyLabels.putIfAbsent(st.studyUid(), study(st.studyDate(), st.description()));
            List<Series> list = tree.computeIfAbsent(st.patientId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(st.studyUid(), k -> new ArrayList<>());
            for (SeriesRecord r : e.getValue()) {
                list.add(new Series(series(r.modality(), r.number(), r.description(), r.instances()), r.seriesUid(),
                        null, null, r));
            }
        }
        return build(tree, patientLabels, studyLabels);
    }

    private static List<Patient> build(Map<String, Map<String, List<Series>>> tree, Map<String, String> patientLabels,
            Map<String, String> studyLabels) {
        List<Patient> patients = new ArrayList<>();
        tree.forEach((patientId, studies) -> {
            List<Study> list = new ArrayList<>();
            studies.forEach((studyUid, series) -> list.add(new Study(studyLabels.get(studyUid), series)));
            patients.add(new Patient(patientLabels.get(patientId), list));
        });
        return patients;
    }

    private static String patient(String name, String id) {
        String n = name.replace('^', ' ').strip();
        return (n.isEmpty() ? "(no name)" : n) + " [" + (id.isEmpty() ? "no ID" : id) + "]";
    }

    private static String study(String date, String description) {
        String d = date.length() == 8 ? date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6)
                : date;
        return (d.isEmpty() ? "(no date)" : d) + (description.isEmpty() ? "" : "  " + description);
    }

    private static String series(String modality, String number, String description, int images) {
        return modality + (number.isEmpty() ? "" : " #" + number) + (description.isEmpty() ? "" : "  " + description)
                + "  (" + images + " images)";
    }
}
