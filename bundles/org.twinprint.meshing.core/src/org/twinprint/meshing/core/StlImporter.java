package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.spi.FileImporter;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Importer;

/** Imports an STL file as a mesh; its coordinates are taken as patient LPS millimetres. */
@Component(service = Importer.class)
public final class StlImporter extends FileImporter {

    public StlImporter() {
        super("import.stl", "STL mesh", ".stl");
    }

    @Override
    protected ImportResult read(Path file) throws IOException {
        return new ImportResult(List.of(), List.of(StlFormat.read(file)), List.of());
    }
}
