package org.twinprint.core.spi;

import java.util.List;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Series;

/**
 * What an import found: the image series and surface meshes it could load, and a problem for
 * each file it could not.
 */
public record ImportResult(List<Series> series, List<Mesh> meshes, List<Problem> problems) {

    public ImportResult {
        series = List.copyOf(series);
        meshes = List.copyOf(meshes);
        problems = List.copyOf(problems);
    }

    /** A result with images only. */
    public ImportResult(List<Series> series, List<Problem> problems) {
        this(series, List.of(), problems);
    }
}
