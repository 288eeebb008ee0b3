package org.twinprint.core.spi;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;

/** Designs a patient-specific part (plate, guide, spacer) fitted to the case's anatomy, in LPS mm. */
public interface ImplantDesigner extends TwinPrintService {

    Mesh design(Case target, Parameters parameters, Progress progress);
}
