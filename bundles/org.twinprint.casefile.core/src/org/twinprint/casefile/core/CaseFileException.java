package org.twinprint.casefile.core;

import java.io.IOException;
import java.nio.file.Path;

/** A case file that cannot be opened: damaged, not a case file, or written by a newer TwinPrint. */
public final class CaseFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public CaseFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public CaseFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
