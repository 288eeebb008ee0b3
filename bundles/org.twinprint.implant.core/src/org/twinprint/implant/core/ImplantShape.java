package org.twinprint.implant.core;

import java.util.stream.IntStream;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;
import org.twinprint.segmentation.core.DistanceTransform;

/**
 * The design controls of a cranial implant, on the voxels of its box: the part the skull lacks, a
 * shell of uniform thickness under the mirrored outer surface, a flange onto the rim, a gap to the
 * bone and rounded edges. "Outward" is along the ray from the skull's centre, which on a skull
 * is close to the surface normal.
 */
final class ImplantShape {

    /** How far along the outward ray a flange voxel must see no bone to count as outside the skull. */
    private static final double OUTSIDE_MM = 20;

    private final Geometry g;
    private final boolean[] bone;
    private final double[] toBone;
    private final boolean[] mirrored;
    private final double[] toSeed;
    private final double reachMm;
    private final Vec3 centre;
    private final double half;

    /**
     * @param toBone squared mm to the nearest bone voxel; null when neither a gap nor a flange is asked for
     * @param toSeed squared mm to the nearest defect seed
     * @param reachMm how far from the seeds the defect's bone may lie
     * @param centre the skull's centre, in voxel indices of the box
     */
    ImplantShape(Geometry g, boolean[] bone, double[] toBone, boolean[] mirrored, double[] toSeed, double reachMm,
            Vec3 centre) {
        this.g = g;
        this.bone = bone;
        this.toBone = toBone;
        this.mirrored = mirrored;
        this.toSeed = toSeed;
        this.reachMm = reachMm;
        this.centre = centre;
        this.half = minSpacing(g) / 2;
    }

    /** Mirrored bone near the defect where there is no bone, kept more than {@code gapMm} off the bone. */
    boolean[] natural(double gapMm) {
        boolean[] out = new boolean[bone.length];
        for (int n = 0; n < out.length; n++) {
            out[n] = mirrored[n] && free(n, gapMm) && toSeed[n] <= reachMm * reachMm;
        }
        return out;
    }

    /**
     * A shell {@code thicknessMm} deep under the outer surface of the mirrored bone near the defect:
     * the voxels that, going outward, leave the mirrored bone within that depth.
     */
    boolean[] shell(double thicknessMm, double gapMm) {
        double reach = reachMm + thicknessMm;
        boolean[] outer = new boolean[bone.length];
        for (int n = 0; n < outer.length; n++) {
            outer[n] = mirrored[n] && toSeed[n] <= reach * reach;
        }
        double step = half;
        int steps = (int) Math.floor(thicknessMm / step);
        boolean[] out = new boolean[bone.length];
        IntStream.range(0, g.nz()).parallel().forEach(k -> {
            double[] d = new double[3];
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int n = g.index(i, j, k);
                    if (!free(n, gapMm) || toSeed[n] > reach * reach || !outward(i, j, k, step, d)) {
                        continue;
                    }
                    boolean was = at(outer, i, j, k);
                    for (int s = 1; s <= steps + 1; s++) {
                        boolean is = at(outer, i + s * d[0], j + s * d[1], k + s * d[2]);
                        if (was && !is && (s - 0.5) * step <= thicknessMm) {
                            out[n] = true;
                            break;
                        }
                        was = is;
                    }
                }
            }
        });
        return out;
    }

    /**
     * A flange {@code thicknessMm} thick lying on the outer surface of the skull (beyond the gap),
     * reaching {@code widthMm} past the implant's edge.
     */
    boolean[] flange(boolean[] implant, double widthMm, double thicknessMm, double gapMm) {
        double[] toImplant = DistanceTransform.squared(implant, g.nx(), g.ny(), g.nz(), g.spacing().x(),
                g.spacing().y(), g.spacing().z());
        int steps = (int) Math.ceil(OUTSIDE_MM / half);
        boolean[] out = new boolean[bone.length];
        IntStream.range(0, g.nz()).parallel().forEach(k -> {
            double[] d = new double[3];
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int n = g.index(i, j, k);
                    double fromBone = Math.sqrt(toBone[n]) - 2 * half;
                    if (implant[n] || bone[n] || fromBone < gapMm - 1e-9 || fromBone >= gapMm + thicknessMm
                            || toImplant[n] > widthMm * widthMm || !outward(i, j, k, half, d)) {
                        continue;
                    }
                    boolean outside = true;
                    for (int s = 1; s <= steps && outside; s++) {
                        // neither bone nor the implant further out: not under the skull, nor under the defect
                        double x = i + s * d[0], y = j + s * d[1], z = k + s * d[2];
                        outside = !at(bone, x, y, z) && !at(implant, x, y, z);
                    }
                    out[n] = outside;
                }
            }
        });
        return out;
    }

    /** Edges rounded by a ball of that radius (a morphological opening: thinner parts go too). */
    boolean[] rounded(boolean[] implant, double radiusMm) {
        boolean[] outside = new boolean[implant.length];
        for (int n = 0; n < implant.length; n++) {
            outside[n] = !implant[n];
        }
        double[] depth = DistanceTransform.squared(outside, g.nx(), g.ny(), g.nz(), g.spacing().x(), g.spacing().y(),
                g.spacing().z());
        boolean[] core = new boolean[implant.length];
        for (int n = 0; n < implant.length; n++) {
            core[n] = implant[n] && Math.sqrt(depth[n]) - half > radiusMm;
        }
        double[] toCore = DistanceTransform.squared(core, g.nx(), g.ny(), g.nz(), g.spacing().x(), g.spacing().y(),
                g.spacing().z());
        boolean[] out = new boolean[implant.length];
        for (int n = 0; n < implant.length; n++) {
            out[n] = toCore[n] <= radiusMm * radiusMm;
        }
        return out;
    }

    /** Not bone, and at least the gap between this voxel's faces and the nearest bone voxel's. */
    private boolean free(int n, double gapMm) {
        return !bone[n] && (gapMm <= 0 || Math.sqrt(toBone[n]) - 2 * half >= gapMm - 1e-9);
    }

    /** The outward step of {@code stepMm} from voxel (i, j, k), in voxel indices; false at the centre. */
    private boolean outward(int i, int j, int k, double stepMm, double[] d) {
        double x = (i - centre.x()) * g.spacing().x(), y = (j - centre.y()) * g.spacing().y(),
                z = (k - centre.z()) * g.spacing().z();
        double length = Math.sqrt(x * x + y * y + z * z);
        if (length < 1e-9) {
            return false;
        }
        d[0] = x / length * stepMm / g.spacing().x();
        d[1] = y / length * stepMm / g.spacing().y();
        d[2] = z / length * stepMm / g.spacing().z();
        return true;
    }

    /** The mask at the voxel nearest a point given in voxel indices; outside the box, false. */
    private boolean at(boolean[] mask, double x, double y, double z) {
        long i = Math.round(x), j = Math.round(y), k = Math.round(z);
        return i >= 0 && j >= 0 && k >= 0 && i < g.nx() && j < g.ny() && k < g.nz()
                && mask[g.index((int) i, (int) j, (int) k)];
    }

    static double minSpacing(Geometry g) {
        return Math.min(g.spacing().x(), Math.min(g.spacing().y(), g.spacing().z()));
    }
}
