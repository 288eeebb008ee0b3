package org.twinprint.imaging.pacs.core;

/** One study as a PACS lists it (C-FIND or QIDO-RS). Empty strings where the PACS said nothing. */
public record StudyRecord(String studyUid, String patientId, String patientName, String studyDate,
        String description, String modalities, int instances) {
}
