package org.twinprint.implant.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Progress;
import org.twinprint.segmentation.core.DistanceTransform;
import org.twinprint.segmentation.core.MaskIslands;

/**
 * A cranial implant by mirroring: the skull's healthy side mirrored across its mid-sagittal plane,
 * less the bone the skull has, kept to the defect, then shaped (thickness, flange, gap, rounding).
 * All in voxel and signed-distance space on the scan's grid, so the result is one solid to mesh,
 * never the outcome of a mesh boolean.
 */
public final class CranialImplant {

    /** The case's results key of an implant's report is this and the implant segment's name. */
    public static final String RESULT_PREFIX = "implant.cranial:";

    /** How far past the defect's seeds its bone may reach, beyond the sliver depth, mm. */
    private static final double GROW_MM = 1.5;

    /**
     * Design controls, mm: {@code thicknessMm} 0 keeps the mirrored bone's own thickness, else a shell
     * of that depth under the mirrored outer surface; a flange {@code flangeMm} wide and
     * {@code flangeThicknessMm} thick onto the rim; {@code gapMm} of clearance to the bone;
     * {@code roundingMm}, the radius edges are rounded to; pieces thinner than twice
     * {@code sliverMm} or smaller than {@code minIslandMl} are not part of the defect.
     */
    public record Options(double thicknessMm, double flangeMm, double flangeThicknessMm, double gapMm,
            double roundingMm, double sliverMm, double minIslandMl) {

        public Options {
            check("thickness", thicknessMm, 0, 12);
            check("flange", flangeMm, 0, 20);
            check("flange thickness", flangeThicknessMm, 0.2, 6);
            check("gap", gapMm, 0, 3);
            check("rounding", roundingMm, 0, 3);
            check("sliver", sliverMm, 0.2, 3);
            check("smallest island", minIslandMl, 0, 1000);
        }

        /** The mirrored bone as it is: no shell, flange, gap or rounding. */
        public static Options mirrored() {
            return new Options(0, 0, 1.5, 0, 0, 1, 0.5);
        }

        private static void check(String what, double value, double min, double max) {
            if (!(value >= min && value <= max)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "the implant's %s must be %s to %s mm,"
                        + " not %s", what, fmt(min), fmt(max), fmt(value)));
            }
        }
    }

    /** The implant's voxels in a box of the scan, the plane it mirrored across, and its measures. */
    public record Result(boolean[] boxMask, Geometry box, int[] boxOrigin, SymmetryPlane.Plane plane,
            Map<String, Object> report) {

        /** The implant as a mask of the whole scan. */
        public boolean[] mask(Geometry scan) {
            return new GridBox(boxOrigin[0], boxOrigin[1], boxOrigin[2], box.nx(), box.ny(), box.nz()).expand(boxMask,
                    scan);
        }

        /** Indices (in the whole scan) of the implant's voxels. */
        public int[] indices(Geometry scan) {
            int count = 0;
            for (boolean b : boxMask) {
                count += b ? 1 : 0;
            }
            int[] out = new int[count];
            for (int k = 0, n = 0, c = 0; k < box.nz(); k++) {
                for (int j = 0; j < box.ny(); j++) {
                    for (int i = 0; i < box.nx(); i++, n++) {
                        if (boxMask[n]) {
                            out[c++] = scan.index(boxOrigin[0] + i, boxOrigin[1] + j, boxOrigin[2] + k);
                        }
                    }
                }
            }
            return out;
        }
    }

    private CranialImplant() {
    }

    /**
     * The implant for a defective skull (mask on grid {@code g}); the symmetry plane is found when
     * {@code plane} is null.
     */
    public static Result design(boolean[] skull, Geometry g, Options o, SymmetryPlane.Plane plane, Progress progress) {
        progress.begin("Designing the cranial implant", 5);
        Map<String, Long> millis = new LinkedHashMap<>();
        long t = System.nanoTime();
        SymmetryPlane.Plane mid = plane != null ? plane : SymmetryPlane.find(skull, g);
        t = lap(millis, "symmetry plane", t);
        progress.worked(1);
        progress.checkCanceled();
        DefectSeeds.Result seeds = DefectSeeds.find(skull, g, mid, o.sliverMm(), o.minIslandMl(), progress);
        t = lap(millis, "defect seeds", t);
        progress.worked(1);
        double coarse = Math.max(seeds.coarse().spacing().x(), Math.max(seeds.coarse().spacing().y(),
                seeds.coarse().spacing().z()));
        double reach = o.sliverMm() + GROW_MM + coarse;
        double extra = reach + o.thicknessMm() + o.flangeMm() + o.flangeThicknessMm() + o.gapMm() + o.roundingMm() + 2;
        int[] margin = { (int) Math.ceil(extra / g.spacing().x()), (int) Math.ceil(extra / g.spacing().y()),
                (int) Math.ceil(extra / g.spacing().z()) };
        GridBox box = GridBox.around(seeds.from()[0], seeds.from()[1], seeds.from()[2], seeds.to()[0], seeds.to()[1],
                seeds.to()[2], margin, g);
        Geometry bg = box.geometry(g);
        boolean[] bone = box.crop(skull, g);
        // the mirror is needed only as far as the defect's bone may reach (distances to the seeds are
        // measured on the coarse grid: a coarse voxel more)
        double inner = reach + o.thicknessMm() + coarse;
        GridBox near = GridBox.around(seeds.from()[0], seeds.from()[1], seeds.from()[2], seeds.to()[0], seeds.to()[1],
                seeds.to()[2], new int[] { (int) Math.ceil(inner / g.spacing().x()) + 1,
                        (int) Math.ceil(inner / g.spacing().y()) + 1, (int) Math.ceil(inner / g.spacing().z()) + 1 }, g);
        boolean[] mirrored = near.into(box, MirroredBone.inBox(skull, g, mid, near));
        progress.checkCanceled();
        double[] toSeed = seeds.squaredDistances(box);
        // distances to the bone only for the controls that measure them
        double[] toBone = o.gapMm() > 0 || o.flangeMm() > 0 ? DistanceTransform.squared(bone, box.nx(), box.ny(),
                box.nz(), g.spacing().x(), g.spacing().y(), g.spacing().z()) : null;
        Vec3 centre = seeds.skullCentre().minus(new Vec3(box.i0(), box.j0(), box.k0()));
        ImplantShape shape = new ImplantShape(bg, bone, toBone, mirrored, toSeed, reach, centre);
        t = lap(millis, "mirror", t);
        progress.worked(1);
        progress.checkCanceled();
        boolean[] defect = shape.natural(0);
        boolean[] implant = o.thicknessMm() > 0 ? shape.shell(o.thicknessMm(), o.gapMm()) : shape.natural(o.gapMm());
        boolean[] flange = new boolean[implant.length];
        if (o.flangeMm() > 0) {
            flange = shape.flange(implant, o.flangeMm(), o.flangeThicknessMm(), o.gapMm());
            for (int n = 0; n < implant.length; n++) {
                implant[n] |= flange[n];
            }
        }
        progress.worked(1);
        progress.checkCanceled();
        if (o.roundingMm() > 0) {
            implant = shape.rounded(implant, o.roundingMm());
        }
        long minVoxels = Math.max(1, Math.round(o.minIslandMl() * 1000 / g.voxelVolumeMm3()));
        implant = MaskIslands.keepLarge(implant, bg, 0.2, minVoxels, progress);
        t = lap(millis, "shape", t);
        ImplantMeasures m = ImplantMeasures.of(implant, flange, defect, bone, toBone, bg, centre);
        lap(millis, "measures", t);
        progress.worked(1);
        if (m.voxels() == 0) {
            throw new IllegalArgumentException("the implant came out empty: a gap or rounding this large leaves"
                    + " nothing of the mirrored bone (try smaller values)");
        }
        return new Result(implant, bg, new int[] { box.i0(), box.j0(), box.k0() }, mid, report(o, mid, m, box, millis));
    }

    private static long lap(Map<String, Long> millis, String stage, long start) {
        long now = System.nanoTime();
        millis.put(stage, (now - start) / 1_000_000);
        return now;
    }

    private static Map<String, Object> report(Options o, SymmetryPlane.Plane plane, ImplantMeasures m, GridBox box,
            Map<String, Long> millis) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("units", "mm, ml; patient LPS");
        r.put("method", "mirrored across the mid-sagittal plane in signed-distance space, less the skull");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("normal", List.of(plane.normal().x(), plane.normal().y(), plane.normal().z()));
        p.put("pointMm", List.of(plane.point().x(), plane.point().y(), plane.point().z()));
        p.put("mirrorDistanceMm", plane.mirrorDistanceMm());
        r.put("symmetryPlane", p);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("thicknessMm", o.thicknessMm() == 0 ? "as the mirrored bone" : o.thicknessMm());
        options.put("flangeMm", o.flangeMm());
        options.put("flangeThicknessMm", o.flangeThicknessMm());
        options.put("gapMm", o.gapMm());
        options.put("roundingMm", o.roundingMm());
        r.put("options", options);
        r.put("voxels", m.voxels());
        r.put("volumeMl", m.volumeMl());
        Map<String, Object> t = new LinkedHashMap<>();
        for (int i = 0; i < ImplantMeasures.THICKNESS.length; i++) {
            t.put(ImplantMeasures.THICKNESS[i], m.thicknessMm()[i]);
        }
        r.put("thicknessMm", t);
        r.put("gapToBoneMm", m.gapToBoneMm());
        r.put("rimContactMm2", m.rimContactMm2());
        r.put("flangeMl", m.flangeMl());
        r.put("flangeReachMm", m.flangeReachMm());
        r.put("defectCoverage", m.coverage());
        r.put("designBoxVoxels", List.of(box.nx(), box.ny(), box.nz()));
        r.put("designMillis", millis);
        return r;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
