package org.twinprint.core.spi;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Segment;

/** Turns one segment of a case's label map into a closed surface in patient LPS millimetres. */
public interface Mesher extends TwinPrintService {

    Mesh mesh(Case source, Segment segment, Parameters parameters, Progress progress);
}
