package org.twinprint.core.spi;

import java.util.List;

import org.twinprint.core.model.Series;

/** What an import found: the series it could load, and a problem for each file it could not. */
public record ImportResult(List<Series> series, List<Problem> problems) {

    public ImportResult {
        series = List.copyOf(series);
        problems = List.copyOf(problems);
    }
}
