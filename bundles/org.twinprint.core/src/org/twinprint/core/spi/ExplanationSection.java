package org.twinprint.core.spi;

import org.twinprint.core.model.Case;

/** Writes one section of the explanation of the operation for the patient and family. */
public interface ExplanationSection extends TwinPrintService {

    Explanation explain(Case target, Parameters parameters);
}
