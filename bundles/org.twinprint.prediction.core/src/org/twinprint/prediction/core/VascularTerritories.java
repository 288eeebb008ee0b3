package org.twinprint.prediction.core;

import java.util.List;

import org.twinprint.core.model.Geometry;
import org.twinprint.segmentation.core.DistanceTransform;

/**
 * Vascular territories: each liver voxel belongs to the nearest branch of a vessel tree (the
 * branches given as masks, e.g. the portal vein cut into its right and left branches), so a plan
 * can resect the territory of the branches it names.
 */
public final class VascularTerritories {

    private VascularTerritories() {
    }

    /** For each voxel, 1 + the index of its nearest branch; 0 outside the liver. */
    public static byte[] assign(boolean[] liver, List<boolean[]> branches, Geometry g) {
        if (branches.isEmpty() || branches.size() > 127) {
            throw new IllegalArgumentException("territories need 1 to 127 branches, not " + branches.size());
        }
        byte[] out = new byte[liver.length];
        double[] best = new double[liver.length];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int b = 0; b < branches.size(); b++) {
            double[] d = DistanceTransform.squared(branches.get(b), g.nx(), g.ny(), g.nz(), g.spacing().x(),
                    g.spacing().y(), g.spacing().z());
            for (int n = 0; n < liver.length; n++) {
                if (liver[n] && d[n] < best[n]) {
                    best[n] = d[n];
                    out[n] = (byte) (b + 1);
                }
            }
        }
        return out;
    }

    /** The voxels of the territories of the chosen branches (indices into the list given to {@link #assign}). */
    public static boolean[] of(byte[] territories, List<Integer> chosen) {
        boolean[] out = new boolean[territories.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = territories[n] != 0 && chosen.contains(territories[n] - 1);
        }
        return out;
    }
}
