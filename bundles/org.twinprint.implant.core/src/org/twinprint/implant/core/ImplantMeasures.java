package org.twinprint.implant.core;

import java.util.Arrays;
import java.util.BitSet;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;
import org.twinprint.segmentation.core.DistanceTransform;

/**
 * What a designer checks on an implant's voxels: its volume, how thick it is (twice the depth of
 * its medial voxels), how close it comes to the bone, how much of it touches the rim, how far
 * its flange reaches, and how much of the defect's opening it closes, seen from the skull's centre.
 */
record ImplantMeasures(long voxels, double volumeMl, double[] thicknessMm, double gapToBoneMm, double rimContactMm2,
        double flangeMl, double flangeReachMm, double coverage) {

    /** Thickness statistics: mean, 5th percentile, median, 95th percentile, max (mm). */
    static final String[] THICKNESS = { "mean", "p5", "median", "p95", "max" };

    /**
     * Bins across each face of the direction cube: about 1.3 mm wide at 80 mm from the centre,
     * 0.65 mm at 40 mm; finer bins would fall between the voxels of the surface they are to see.
     */
    private static final int BINS = 96;

    static ImplantMeasures of(boolean[] implant, boolean[] flange, boolean[] defect, boolean[] bone, double[] toBone,
            Geometry g, Vec3 centre) {
        double h = ImplantShape.minSpacing(g);
        long voxels = 0, flangeVoxels = 0;
        double gap = Double.MAX_VALUE;
        for (int n = 0; n < implant.length; n++) {
            if (implant[n]) {
                voxels++;
                gap = toBone == null ? 0 : Math.min(gap, Math.sqrt(toBone[n]) - h);
                flangeVoxels += flange[n] ? 1 : 0;
            }
        }
        double voxelMl = g.voxelVolumeMm3() / 1000;
        return new ImplantMeasures(voxels, voxels * voxelMl, thickness(implant, g), voxels == 0 ? 0 : Math.max(0, gap),
                contact(implant, bone, g), flangeVoxels * voxelMl, reach(implant, flange, g),
                coverage(implant, defect, bone, g, centre));
    }

    /**
     * Twice the depth of the voxels deepest in their neighbourhood (the medial sheet) to the nearest
     * voxel outside, less half a voxel: within half a voxel of the true thickness whether the medial
     * sheet runs through voxel centres (odd counts across) or between them (even).
     */
    private static double[] thickness(boolean[] whole, Geometry box) {
        // on the implant's own box with a free voxel around it: the nearest free voxel is there too
        int[] lo = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE }, hi = { -1, -1, -1 };
        for (int k = 0, n = 0; k < box.nz(); k++) {
            for (int j = 0; j < box.ny(); j++) {
                for (int i = 0; i < box.nx(); i++, n++) {
                    if (whole[n]) {
                        lo[0] = Math.min(lo[0], i);
                        hi[0] = Math.max(hi[0], i);
                        lo[1] = Math.min(lo[1], j);
                        hi[1] = Math.max(hi[1], j);
                        lo[2] = Math.min(lo[2], k);
                        hi[2] = Math.max(hi[2], k);
                    }
                }
            }
        }
        if (hi[0] < 0) {
            return new double[THICKNESS.length];
        }
        GridBox tight = GridBox.around(lo[0], lo[1], lo[2], hi[0], hi[1], hi[2], new int[] { 1, 1, 1 }, box);
        boolean[] implant = tight.crop(whole, box);
        Geometry g = tight.geometry(box);
        boolean[] outside = new boolean[implant.length];
        for (int n = 0; n < implant.length; n++) {
            outside[n] = !implant[n];
        }
        double[] d = DistanceTransform.squared(outside, g.nx(), g.ny(), g.nz(), g.spacing().x(), g.spacing().y(),
                g.spacing().z());
        double h = ImplantShape.minSpacing(g);
        double[] out = new double[64];
        int count = 0;
        int sx = 1, sy = g.nx(), sz = g.nx() * g.ny();
        for (int k = 1; k < g.nz() - 1; k++) {
            for (int j = 1; j < g.ny() - 1; j++) {
                for (int i = 1, n = g.index(1, j, k); i < g.nx() - 1; i++, n++) {
                    if (implant[n] && d[n] >= d[n - sx] && d[n] >= d[n + sx] && d[n] >= d[n - sy] && d[n] >= d[n + sy]
                            && d[n] >= d[n - sz] && d[n] >= d[n + sz]) {
                        if (count == out.length) {
                            out = Arrays.copyOf(out, 2 * count);
                        }
                        out[count++] = 2 * Math.sqrt(d[n]) - h / 2;
                    }
                }
            }
        }
        if (count == 0) {
            return new double[THICKNESS.length];
        }
        double[] t = Arrays.copyOf(out, count);
        Arrays.sort(t);
        return new double[] { Arrays.stream(t).average().orElse(0), rank(t, 0.05), rank(t, 0.5), rank(t, 0.95),
                t[count - 1] };
    }

    private static double rank(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    /** The area of the implant's voxel faces that touch bone, mm². */
    private static double contact(boolean[] implant, boolean[] bone, Geometry g) {
        double sx = g.spacing().x(), sy = g.spacing().y(), sz = g.spacing().z();
        double area = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int n = g.index(i, j, k);
                    if (!implant[n]) {
                        continue;
                    }
                    area += sy * sz * ((i > 0 && bone[n - 1] ? 1 : 0) + (i < g.nx() - 1 && bone[n + 1] ? 1 : 0));
                    area += sx * sz * ((j > 0 && bone[n - g.nx()] ? 1 : 0)
                            + (j < g.ny() - 1 && bone[n + g.nx()] ? 1 : 0));
                    int slice = g.nx() * g.ny();
                    area += sx * sy * ((k > 0 && bone[n - slice] ? 1 : 0) + (k < g.nz() - 1 && bone[n + slice] ? 1 : 0));
                }
            }
        }
        return area;
    }

    /** How far the flange reaches from the rest of the implant, mm (0 without a flange). */
    private static double reach(boolean[] implant, boolean[] flange, Geometry g) {
        boolean[] body = new boolean[implant.length];
        boolean any = false;
        for (int n = 0; n < implant.length; n++) {
            body[n] = implant[n] && !flange[n];
            any |= implant[n] && flange[n];
        }
        if (!any) {
            return 0;
        }
        double[] d = DistanceTransform.squared(body, g.nx(), g.ny(), g.nz(), g.spacing().x(), g.spacing().y(),
                g.spacing().z());
        double max = 0;
        for (int n = 0; n < implant.length; n++) {
            if (implant[n] && flange[n]) {
                max = Math.max(max, d[n]);
            }
        }
        return Math.sqrt(max);
    }

    /**
     * The share of the defect's directions, seen from the skull's centre, in which the implant or
     * the skull lies: 1 when no part of the opening is left bare, whatever the implant's thickness.
     */
    private static double coverage(boolean[] implant, boolean[] defect, boolean[] bone, Geometry g, Vec3 centre) {
        BitSet seen = new BitSet(), covered = new BitSet();
        for (int k = 0, n = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, n++) {
                    if (defect[n] || implant[n] || bone[n]) {
                        int bin = bin((i - centre.x()) * g.spacing().x(), (j - centre.y()) * g.spacing().y(),
                                (k - centre.z()) * g.spacing().z());
                        if (defect[n]) {
                            seen.set(bin);
                        }
                        if (implant[n] || bone[n]) {
                            covered.set(bin);
                        }
                    }
                }
            }
        }
        int total = seen.cardinality();
        seen.and(covered);
        return total == 0 ? 1 : seen.cardinality() / (double) total;
    }

    /**
     * The direction's bin on a cube around the centre (face, then a square grid on it): no
     * trigonometry, as every voxel of the box is binned.
     */
    private static int bin(double x, double y, double z) {
        double ax = Math.abs(x), ay = Math.abs(y), az = Math.abs(z);
        int face;
        double u, v, m;
        if (ax >= ay && ax >= az) {
            face = x >= 0 ? 0 : 1;
            u = y;
            v = z;
            m = ax;
        } else if (ay >= az) {
            face = y >= 0 ? 2 : 3;
            u = x;
            v = z;
            m = ay;
        } else {
            face = z >= 0 ? 4 : 5;
            u = x;
            v = y;
            m = az;
        }
        if (m < 1e-9) {
            return 0;
        }
        int a = (int) Math.min(BINS - 1, (u / m + 1) / 2 * BINS), b = (int) Math.min(BINS - 1, (v / m + 1) / 2 * BINS);
        return (face * BINS + a) * BINS + b;
    }
}
