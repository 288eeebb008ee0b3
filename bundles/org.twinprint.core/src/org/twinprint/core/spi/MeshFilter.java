package org.twinprint.core.spi;

import org.twinprint.core.model.Mesh;

/** Turns one mesh into another (smoothing, reduction, repair); never edits its input. */
public interface MeshFilter extends TwinPrintService {

    Mesh apply(Mesh input, Parameters parameters, Progress progress);
}
