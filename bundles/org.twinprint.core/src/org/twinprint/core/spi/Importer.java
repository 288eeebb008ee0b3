package org.twinprint.core.spi;

import java.io.IOException;
import java.nio.file.Path;

/** Reads images (a DICOM folder, a research format file, ...) into calibrated patient-space series. */
public interface Importer extends TwinPrintService {

    /** A cheap look at the path: could this importer read it? */
    boolean canImport(Path path);

    /**
     * Loads every series it can from the path. A bad file is reported as a {@link Problem} and
     * skipped; an exception means nothing could be read at all.
     */
    ImportResult importFrom(Path path, Parameters parameters, Progress progress) throws IOException;
}
