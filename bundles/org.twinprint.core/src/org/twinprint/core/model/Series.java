package org.twinprint.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One image series of a case: its volume, what it is, where it came from, and every warning
 * raised while loading it (nothing about a load is silent).
 */
public record Series(String uid, String description, String modality, Volume volume, String source,
        List<String> warnings) {

    public Series {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(volume, "volume");
        description = description == null ? "" : description;
        modality = modality == null ? "" : modality;
        warnings = List.copyOf(warnings);
    }
}
