package org.twinprint.implant.core;

import java.util.Locale;

import org.twinprint.core.model.Mesh;
import org.twinprint.meshing.core.DistanceColours;
import org.twinprint.meshing.core.MeshDistance;

/**
 * How a part sits on another surface, vertex by vertex: the signed distance (above zero a gap,
 * below a penetration), its colour on a diverging map saturated at {@code rangeMm}, and a
 * histogram over that range whose bars carry the same colours, so it is also the legend.
 */
public record FitMap(String part, String reference, float[] signedMm, int[] rgb, double rangeMm, int[] histogram) {

    /** Bars of the histogram, over minus to plus the range; values beyond fall in the end bars. */
    public static final int BINS = 24;

    /** The map of {@code part} against {@code reference}; range 0 takes the 95th percentile. */
    public static FitMap of(Mesh part, Mesh reference, double rangeMm) {
        MeshDistance.Result d = MeshDistance.between(part, reference);
        double range = rangeMm > 0 ? rangeMm : Math.max(0.05, d.p95Mm());
        float[] signed = d.signedPerVertexMm();
        int[] histogram = new int[BINS];
        for (float v : signed) {
            histogram[bin(v, range)]++;
        }
        return new FitMap(part.name(), reference.name(), signed, DistanceColours.of(signed, range), range, histogram);
    }

    /** The bar a value falls in. */
    public static int bin(double mm, double rangeMm) {
        int b = (int) Math.floor((mm + rangeMm) / (2 * rangeMm) * BINS);
        return Math.max(0, Math.min(BINS - 1, b));
    }

    /** The middle of bar b, mm. */
    public double binCentreMm(int b) {
        return -rangeMm + (b + 0.5) * 2 * rangeMm / BINS;
    }

    public String legend() {
        return String.format(Locale.ROOT, "%s on %s: gap red (up to +%.2f mm), contact white, penetration blue (to"
                + " -%.2f mm)", part, reference, rangeMm, rangeMm);
    }
}
