package org.twinprint.core.spi;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Segment;

/** Turns one segment of a case's label map into a closed surface in patient LPS millimetres. */
public interface Mesher extends TwinPrintService {

    Mesh mesh(Case source, Segment segment, Parameters parameters, Progress progress);

    /**
     * Gets ready ahead of the first {@link #mesh} (native libraries, caches), so that a caller who
     * knows a surface will be needed can start it early on another thread. Safe to call more than once.
     */
    default void prepare() {
    }
}
