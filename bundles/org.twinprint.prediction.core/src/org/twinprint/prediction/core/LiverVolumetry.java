package org.twinprint.prediction.core;

import java.util.ArrayList;
import java.util.List;

import org.twinprint.core.model.Geometry;
import org.twinprint.segmentation.core.DistanceTransform;

/**
 * Liver volumes for a resection: the whole liver, its tumours, the parenchyma (liver less
 * tumours), what the resection removes and what remains (the future liver remnant), and each
 * tumour's margin: how far it lies from the resection surface, in mm.
 */
public final class LiverVolumetry {

    /** Where a tumour lies relative to the resection. */
    public enum Side {
        /** Wholly in the part removed: the margin is its distance to the cut. */
        REMOVED,
        /** The cut passes through it: margin 0. */
        CUT,
        /** Wholly in the remnant: left behind, the margin is its distance to the part removed. */
        REMNANT
    }

    /** A tumour's volume, side and margin. */
    public record Margin(String tumour, double volumeMl, Side side, double marginMm) {
    }

    /**
     * The volumes (ml) and margins of one resection. The remnant's interval is the partial-voxel
     * uncertainty at the cut: half the parenchyma voxels along it, either way.
     */
    public record Result(double liverMl, double tumourMl, double parenchymaMl, double remnantMl, double removedMl,
            double remnantLowMl, double remnantHighMl, double voxelDiagonalMm, List<Margin> margins) {

        /** The remnant as a share of the parenchyma, %. */
        public double remnantPercent() {
            return 100 * remnantMl / parenchymaMl;
        }
    }

    private LiverVolumetry() {
    }

    /**
     * @param liver the liver mask (tumours inside it included)
     * @param tumours each tumour's mask, by name
     * @param removed what the resection takes (any voxels; only the liver's count)
     */
    public static Result of(boolean[] liver, List<String> tumourNames, List<boolean[]> tumours, boolean[] removed,
            Geometry g) {
        double voxelMl = g.voxelVolumeMm3() / 1000;
        boolean[] anyTumour = new boolean[liver.length];
        for (boolean[] t : tumours) {
            for (int n = 0; n < liver.length; n++) {
                anyTumour[n] |= t[n];
            }
        }
        long liverVoxels = 0, tumourVoxels = 0, parenchyma = 0, remnant = 0, keptAtCut = 0, removedAtCut = 0;
        int sx = 1, sy = g.nx(), sz = g.nx() * g.ny();
        for (int k = 0, n = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, n++) {
                    boolean inTumour = anyTumour[n] && liver[n];
                    liverVoxels += liver[n] ? 1 : 0;
                    tumourVoxels += inTumour ? 1 : 0;
                    if (liver[n] && !inTumour) {
                        parenchyma++;
                        remnant += removed[n] ? 0 : 1;
                        boolean r = removed[n];
                        boolean atCut = i > 0 && removed[n - sx] != r || i < g.nx() - 1 && removed[n + sx] != r
                                || j > 0 && removed[n - sy] != r || j < g.ny() - 1 && removed[n + sy] != r
                                || k > 0 && removed[n - sz] != r || k < g.nz() - 1 && removed[n + sz] != r;
                        if (atCut) {
                            keptAtCut += r ? 0 : 1;
                            removedAtCut += r ? 1 : 0;
                        }
                    }
                }
            }
        }
        if (liverVoxels == 0) {
            throw new IllegalArgumentException("the liver segment is empty");
        }
        List<Margin> margins = new ArrayList<>();
        if (!tumours.isEmpty()) {
            boolean[] kept = new boolean[liver.length];
            for (int n = 0; n < liver.length; n++) {
                kept[n] = !removed[n];
            }
            double[] toKept = squared(kept, g), toRemoved = null;
            double half = Math.min(g.spacing().x(), Math.min(g.spacing().y(), g.spacing().z())) / 2;
            for (int t = 0; t < tumours.size(); t++) {
                boolean[] mask = tumours.get(t);
                long in = 0, out = 0;
                for (int n = 0; n < mask.length; n++) {
                    if (mask[n]) {
                        in += removed[n] ? 1 : 0;
                        out += removed[n] ? 0 : 1;
                    }
                }
                Side side = in > 0 && out > 0 ? Side.CUT : in > 0 ? Side.REMOVED : Side.REMNANT;
                double margin = 0;
                if (side != Side.CUT) {
                    if (side == Side.REMNANT && toRemoved == null) {
                        toRemoved = squared(removed, g);
                    }
                    double[] d = side == Side.REMOVED ? toKept : toRemoved;
                    double min = Double.MAX_VALUE;
                    for (int n = 0; n < mask.length; n++) {
                        if (mask[n]) {
                            min = Math.min(min, d[n]);
                        }
                    }
                    // centre to centre, less the half voxel on the far side of the cut
                    margin = Math.max(0, Math.sqrt(min) - half);
                }
                margins.add(new Margin(tumourNames.get(t), (in + out) * voxelMl, side, margin));
            }
        }
        return new Result(liverVoxels * voxelMl, tumourVoxels * voxelMl, parenchyma * voxelMl, remnant * voxelMl,
                (parenchyma - remnant) * voxelMl, (remnant - keptAtCut / 2.0) * voxelMl,
                (remnant + removedAtCut / 2.0) * voxelMl, g.spacing().length(), margins);
    }

    private static double[] squared(boolean[] mask, Geometry g) {
        return DistanceTransform.squared(mask, g.nx(), g.ny(), g.nz(), g.spacing().x(), g.spacing().y(),
                g.spacing().z());
    }
}
