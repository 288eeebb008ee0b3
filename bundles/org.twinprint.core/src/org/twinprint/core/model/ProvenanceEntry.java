package org.twinprint.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * One step that changed a case: which service of which plugin (bundle id and version) ran with
 * which parameters, and what it produced; enough for a lab to reproduce the result.
 */
public record ProvenanceEntry(Instant time, String serviceId, String pluginId, String pluginVersion,
        Map<String, String> parameters, String summary) {

    public ProvenanceEntry {
        parameters = Map.copyOf(parameters);
    }
}
