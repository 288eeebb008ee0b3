package org.twinprint.segmentation.core;

/** Distinct, print-friendly segment colours: hues spread by the golden angle. */
final class Palette {

    private Palette() {
    }

    static int colour(int index) {
        double hue = (index * 137.508) % 360;
        return hsv(hue, 0.55, 0.9);
    }

    private static int hsv(double h, double s, double v) {
        double c = v * s;
        double x = c * (1 - Math.abs((h / 60) % 2 - 1));
        double m = v - c;
        double r, g, b;
        if (h < 60) { r = c; g = x; b = 0; }
        else if (h < 120) { r = x; g = c; b = 0; }
        else if (h < 180) { r = 0; g = c; b = x; }
        else if (h < 240) { r = 0; g = x; b = c; }
        else if (h < 300) { r = x; g = 0; b = c; }
        else { r = c; g = 0; b = x; }
        return ((int) Math.round((r + m) * 255) << 16) | ((int) Math.round((g + m) * 255) << 8)
                | (int) Math.round((b + m) * 255);
    }
}
