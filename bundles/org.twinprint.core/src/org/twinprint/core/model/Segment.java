package org.twinprint.core.model;

/** One named, coloured structure of a {@link LabelMap}; {@code label} is its voxel value (1..255). */
public record Segment(int label, String name, int rgb) {

    public Segment {
        if (label < 1 || label > LabelMap.MAX_LABEL) {
            throw new IllegalArgumentException("segment label must be 1.." + LabelMap.MAX_LABEL + ": " + label);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("segment needs a name");
        }
    }

    public String hexColor() {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
