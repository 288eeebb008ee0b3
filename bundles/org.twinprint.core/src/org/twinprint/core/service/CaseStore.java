package org.twinprint.core.service;

import java.io.IOException;
import java.nio.file.Path;

import org.twinprint.core.model.Case;
import org.twinprint.core.spi.Progress;

/**
 * Saves a whole case in one file and opens it again, exactly: series, segments, meshes and
 * provenance. The workbench and the command line both reach it as an OSGi service.
 */
public interface CaseStore {

    /** The file name ending of a saved case. */
    String EXTENSION = ".twinprint";

    /**
     * Writes {@code c} to {@code file} atomically: a save that is killed at any moment leaves the
     * previous file as it was.
     */
    void save(Case c, Path file, Progress progress) throws IOException;

    /**
     * The case saved in {@code file}, whole, or an IOException naming the file and what is wrong
     * with it (damaged, written by a newer TwinPrint): never half a case.
     */
    Case open(Path file, Progress progress) throws IOException;
}
