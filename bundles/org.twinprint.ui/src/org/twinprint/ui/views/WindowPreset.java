package org.twinprint.ui.views;

/** Window/level presets for CT, in HU. */
enum WindowPreset {
    BONE("Bone", 1800, 400),
    SOFT_TISSUE("Soft tissue", 400, 40),
    LUNG("Lung", 1500, -600),
    BRAIN("Brain", 80, 40);

    final String label;
    final int width;
    final int level;

    WindowPreset(String label, int width, int level) {
        this.label = label;
        this.width = width;
        this.level = level;
    }
}
