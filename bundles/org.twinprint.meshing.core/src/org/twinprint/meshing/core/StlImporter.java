package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Problem;
import org.twinprint.core.spi.Progress;

/** Imports an STL file as a mesh; its coordinates are taken as patient LPS millimetres. */
@Component(service = Importer.class)
public final class StlImporter implements Importer {

    @Override
    public String id() {
        return "import.stl";
    }

    @Override
    public String label() {
        return "STL mesh";
    }

    @Override
    public boolean canImport(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".stl");
    }

    @Override
    public ImportResult importFrom(Path path, Parameters parameters, Progress progress) throws IOException {
        try {
            return new ImportResult(List.of(), List.of(StlFormat.read(path)), List.of());
        } catch (IOException e) {
            return new ImportResult(List.of(), List.of(), List.of(new Problem(path, e.getMessage())));
        }
    }
}
