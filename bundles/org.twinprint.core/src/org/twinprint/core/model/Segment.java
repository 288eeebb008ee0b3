package org.twinprint.core.model;

/**
 * One named, coloured structure of a {@link LabelMap}: {@code label} is its voxel value (1..255)
 * in layer {@code layer}. Segments that overlap live in different layers.
 */
public record Segment(int label, String name, int rgb, int layer) {

    public Segment {
        if (label < 1 || label > LabelMap.MAX_LABEL) {
            throw new IllegalArgumentException("segment label must be 1.." + LabelMap.MAX_LABEL + ": " + label);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("segment needs a name");
        }
        if (layer < 0) {
            throw new IllegalArgumentException("segment layer must be 0 or more: " + layer);
        }
    }

    /** A segment of the first layer. */
    public Segment(int label, String name, int rgb) {
        this(label, name, rgb, 0);
    }

    /** Unique within a label map: the layer and the label in one number. */
    public int key() {
        return layer << 8 | label;
    }

    public String hexColor() {
        return String.format("#%06x", rgb & 0xffffff);
    }
}
