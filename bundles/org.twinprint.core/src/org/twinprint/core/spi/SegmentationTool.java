package org.twinprint.core.spi;

import org.twinprint.core.model.Case;

/** Edits the segments of a case (threshold, islands, morphology, a lab's own algorithm...). */
public interface SegmentationTool extends TwinPrintService {

    /**
     * Runs on the case's first series and edits its label map in place.
     *
     * @return one line saying what changed, for the provenance and the user
     */
    String apply(Case target, Parameters parameters, Progress progress);
}
