package org.twinprint.meshing.core;

import java.util.Locale;

/**
 * A diverging colour map for signed distances: blue where a surface lies inside the other, white
 * where they meet, red where it lies outside; saturated at plus or minus {@code rangeMm}.
 */
public final class DistanceColours {

    private DistanceColours() {
    }

    /** One 0xRRGGBB colour per value. */
    public static int[] of(float[] signedMm, double rangeMm) {
        int[] rgb = new int[signedMm.length];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = colour(signedMm[i], rangeMm);
        }
        return rgb;
    }

    public static int colour(double signedMm, double rangeMm) {
        double s = rangeMm > 0 ? Math.max(-1, Math.min(1, signedMm / rangeMm)) : 0;
        int fade = (int) Math.round(255 * (1 - Math.abs(s))); // the other two channels, 255 at 0 mm
        return s >= 0 ? 0xff0000 | fade << 8 | fade : fade << 16 | fade << 8 | 0xff;
    }

    /** The legend, as a file can say it in a comment line. */
    public static String legend(double rangeMm) {
        return String.format(Locale.ROOT, "colour = signed distance: blue -%.2f mm (inside), white 0, red +%.2f mm"
                + " (outside), saturated beyond", rangeMm, rangeMm);
    }
}
