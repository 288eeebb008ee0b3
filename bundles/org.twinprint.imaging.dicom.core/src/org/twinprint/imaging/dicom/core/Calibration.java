package org.twinprint.imaging.dicom.core;

/**
 * From stored values to calibrated ones: masked to BitsStored, sign-extended, inverted for
 * MONOCHROME1, rescaled and rounded to 16 bits.
 */
record Calibration(int bitsStored, boolean signed, double slope, double intercept, boolean invert) {

    /** Calibrates {@code count} values of {@code values} from {@code from}, in place. */
    void apply(short[] values, int from, int count) {
        int shift = 32 - bitsStored;
        int mask = bitsStored >= 32 ? -1 : (1 << bitsStored) - 1;
        int maxStored = signed ? (1 << (bitsStored - 1)) - 1 : mask;
        int minStored = signed ? -(1 << (bitsStored - 1)) : 0;
        boolean integral = slope == 1.0 && intercept == Math.rint(intercept);
        int offset = (int) intercept;
        int end = from + count;
        if (integral && !invert && bitsStored <= 16 && Math.abs(intercept) < 1 << 20
                && minStored + offset >= Short.MIN_VALUE && maxStored + offset <= Short.MAX_VALUE) {
            // the usual CT case (slope 1, whole intercept, every value within 16 bits after it) in a
            // loop of its own: the quick JIT keeps per-value tests on flags that never change
            if (signed) {
                for (int n = from; n < end; n++) {
                    values[n] = (short) (((values[n] << shift) >> shift) + offset);
                }
            } else {
                for (int n = from; n < end; n++) {
                    values[n] = (short) ((values[n] & mask) + offset);
                }
            }
            return;
        }
        for (int n = from; n < end; n++) {
            int v = signed ? (values[n] << shift) >> shift : values[n] & mask;
            if (invert) {
                v = maxStored + minStored - v;
            }
            // the usual CT case (slope 1, whole intercept) needs no floating point
            long hu = integral ? (long) v + offset : Math.round(v * slope + intercept);
            values[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, hu));
        }
    }
}
