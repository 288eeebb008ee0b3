package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.spi.FileImporter;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Importer;

/**
 * Imports the mesh files TwinPrint writes (STL, OBJ, PLY, 3MF); their coordinates are taken as
 * patient LPS millimetres. A file without triangles or with a non-finite coordinate is refused.
 */
@Component(service = Importer.class)
public final class MeshImporter extends FileImporter {

    public MeshImporter() {
        super("import.mesh", "Mesh (STL, OBJ, PLY, 3MF, glTF, GLB)", ".stl", ".obj", ".ply", ".3mf", ".gltf", ".glb");
    }

    @Override
    protected ImportResult read(Path file) throws IOException {
        return new ImportResult(List.of(), MeshFileReader.read(file), List.of());
    }
}
