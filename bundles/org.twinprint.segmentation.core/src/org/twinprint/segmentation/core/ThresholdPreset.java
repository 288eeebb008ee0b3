package org.twinprint.segmentation.core;

import java.util.Arrays;
import java.util.List;

/** Named Hounsfield ranges for CT; {@code custom} takes the range from the tool's parameters. */
public enum ThresholdPreset {
    BONE("bone", 226, 3071, 0xf1d691),
    COMPACT_BONE("compact-bone", 662, 1988, 0xfff4d6),
    SKIN("skin", -718, -177, 0xb17a65),
    SOFT_TISSUE("soft-tissue", -700, 225, 0xc86e6e),
    LUNG("lung", -1000, -400, 0x80aec8),
    CUSTOM("custom", -1024, 3071, 0x5aa9e6);

    private final String key;
    private final int lower;
    private final int upper;
    private final int rgb;

    ThresholdPreset(String key, int lower, int upper, int rgb) {
        this.key = key;
        this.lower = lower;
        this.upper = upper;
        this.rgb = rgb;
    }

    public String key() {
        return key;
    }

    public int lower() {
        return lower;
    }

    public int upper() {
        return upper;
    }

    public int rgb() {
        return rgb;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ThresholdPreset::key).toList();
    }

    public static ThresholdPreset of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown preset '" + key + "'; known: " + keys()));
    }
}
