package org.twinprint.imaging.pacs.core;

/** One series of a study as a PACS lists it (C-FIND or QIDO-RS). */
public record SeriesRecord(String studyUid, String seriesUid, String modality, String number, String description,
        int instances) {
}
