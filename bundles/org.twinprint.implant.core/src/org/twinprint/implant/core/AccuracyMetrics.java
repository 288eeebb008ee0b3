package org.twinprint.implant.core;

import java.util.Arrays;

import org.twinprint.core.model.Geometry;
import org.twinprint.segmentation.core.DistanceTransform;

/**
 * How well an implant matches the bone it replaces, as the AutoImplant challenge measures it: Dice,
 * boundary Dice (only voxels within 10 mm of the defective skull), and HD95, the 95th percentile
 * of the surface distances both ways, in mm on the grid's own (possibly anisotropic) spacing.
 */
public final class AccuracyMetrics {

    /** Boundary Dice counts voxels this close to the defective skull (mm), as AutoImplant does. */
    public static final double BOUNDARY_MM = 10;

    private AccuracyMetrics() {
    }

    /** 2 |A and B| / (|A| + |B|); 1 for two empty masks. */
    public static double dice(boolean[] a, boolean[] b) {
        return diceWhere(a, b, null);
    }

    /** Dice over the voxels within {@link #BOUNDARY_MM} of the defective skull. */
    public static double boundaryDice(boolean[] a, boolean[] b, boolean[] defectiveSkull, Geometry g) {
        double[] d = DistanceTransform.squared(defectiveSkull, g.nx(), g.ny(), g.nz(), g.spacing().x(),
                g.spacing().y(), g.spacing().z());
        boolean[] near = new boolean[d.length];
        for (int n = 0; n < d.length; n++) {
            near[n] = d[n] <= BOUNDARY_MM * BOUNDARY_MM;
        }
        return diceWhere(a, b, near);
    }

    private static double diceWhere(boolean[] a, boolean[] b, boolean[] where) {
        long both = 0, sizes = 0;
        for (int n = 0; n < a.length; n++) {
            if (where == null || where[n]) {
                both += a[n] && b[n] ? 1 : 0;
                sizes += (a[n] ? 1 : 0) + (b[n] ? 1 : 0);
            }
        }
        return sizes == 0 ? 1 : 2.0 * both / sizes;
    }

    /**
     * The 95th percentile (linear between ranks) of the distances from each surface voxel of A to
     * the nearest surface voxel of B and from each of B to A, pooled; mm.
     */
    public static double hd95(boolean[] a, boolean[] b, Geometry g) {
        boolean[] sa = surface(a, g), sb = surface(b, g);
        double[] ab = distances(sa, sb, g), ba = distances(sb, sa, g);
        double[] all = new double[ab.length + ba.length];
        System.arraycopy(ab, 0, all, 0, ab.length);
        System.arraycopy(ba, 0, all, ab.length, ba.length);
        if (all.length == 0) {
            throw new IllegalArgumentException("HD95 needs two masks that are not empty");
        }
        Arrays.sort(all);
        double rank = 0.95 * (all.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(all.length - 1, low + 1);
        return all[low] + (rank - low) * (all[high] - all[low]);
    }

    /** From each voxel of {@code from} to the nearest of {@code to}, mm. */
    private static double[] distances(boolean[] from, boolean[] to, Geometry g) {
        double[] d = DistanceTransform.squared(to, g.nx(), g.ny(), g.nz(), g.spacing().x(), g.spacing().y(),
                g.spacing().z());
        int count = 0;
        for (boolean f : from) {
            count += f ? 1 : 0;
        }
        double[] out = new double[count];
        for (int n = 0, k = 0; n < from.length; n++) {
            if (from[n]) {
                out[k++] = Math.sqrt(d[n]);
            }
        }
        return out;
    }

    /** The mask's voxels with a face on the outside (a side neighbour outside, or the grid's edge). */
    static boolean[] surface(boolean[] mask, Geometry g) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        boolean[] out = new boolean[mask.length];
        java.util.stream.IntStream.range(0, nz).parallel().forEach(k -> {
            for (int j = 0, n = k * nx * ny; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (mask[n]) {
                        out[n] = i == 0 || j == 0 || k == 0 || i == nx - 1 || j == ny - 1 || k == nz - 1
                                || !mask[n - 1] || !mask[n + 1] || !mask[n - nx] || !mask[n + nx]
                                || !mask[n - nx * ny] || !mask[n + nx * ny];
                    }
                }
            }
        });
        return out;
    }
}
