package org.twinprint.imaging.dicom.core;

/**
 * DICOM's colour for segments and structures: CIELab (D65 white) scaled to 0..65535 per
 * component (PS3.3 C.10.7.1.1), to and from 8-bit sRGB.
 */
final class CieLab {

    private static final double XN = 0.950456, YN = 1.0, ZN = 1.088754; // D65

    private CieLab() {
    }

    static int toRgb(int[] scaled) {
        double l = scaled[0] * 100.0 / 65535, a = scaled[1] * 255.0 / 65535 - 128, b = scaled[2] * 255.0 / 65535 - 128;
        double fy = (l + 16) / 116, fx = fy + a / 500, fz = fy - b / 200;
        double x = XN * finv(fx), y = YN * finv(fy), z = ZN * finv(fz);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return gamma(r) << 16 | gamma(g) << 8 | gamma(bl);
    }

    static int[] fromRgb(int rgb) {
        double r = linear(rgb >> 16 & 0xff), g = linear(rgb >> 8 & 0xff), b = linear(rgb & 0xff);
        double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
        double fx = f(x / XN), fy = f(y / YN), fz = f(z / ZN);
        double l = 116 * fy - 16, a = 500 * (fx - fy), bb = 200 * (fy - fz);
        return new int[] { scale(l / 100), scale((a + 128) / 255), scale((bb + 128) / 255) };
    }

    private static int scale(double unit) {
        return (int) Math.round(Math.max(0, Math.min(1, unit)) * 65535);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double finv(double t) {
        return t * t * t > 216.0 / 24389 ? t * t * t : (116 * t - 16) * 27 / 24389;
    }

    private static double linear(int c) {
        double v = c / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int gamma(double v) {
        v = Math.max(0, Math.min(1, v));
        double s = v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
        return (int) Math.round(s * 255);
    }
}
