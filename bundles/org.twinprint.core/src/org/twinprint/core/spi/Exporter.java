package org.twinprint.core.spi;

import java.io.IOException;
import java.nio.file.Path;

import org.twinprint.core.model.Case;

/**
 * Writes part of a case to a file (STL, 3MF, a report...). Exports are atomic: on failure no
 * half-written file is left under the target name.
 */
public interface Exporter extends TwinPrintService {

    /** File name ending this exporter writes, without the dot, e.g. {@code stl}. */
    String fileExtension();

    void export(Case source, Path target, Parameters parameters, Progress progress)
            throws IOException;

}
