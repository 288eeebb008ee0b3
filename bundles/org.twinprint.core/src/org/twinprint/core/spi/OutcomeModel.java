package org.twinprint.core.spi;

import java.util.List;

import org.twinprint.core.model.Case;

/** Predicts outcomes of the planned operation from the case (a lab's research model, a simulation). */
public interface OutcomeModel extends TwinPrintService {

    List<Prediction> predict(Case target, Parameters parameters, Progress progress);
}
