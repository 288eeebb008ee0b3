package org.twinprint.meshing.core;

/**
 * A 3D printer as the printability report needs it: build volume in mm, and the rates for a
 * rough estimate of print time and cost.
 *
 * @param mm3PerHour    deposition or curing rate of model material
 * @param costPerCm3    material cost per cm³, in the lab's currency
 * @param minWallMm     thinnest wall the process prints reliably
 */
public record Printer(String name, double buildX, double buildY, double buildZ, double mm3PerHour,
        double costPerCm3, double minWallMm) {

    /** Fits the box in some axis-aligned orientation (the slicer may turn the model by 90°). */
    public boolean fits(double x, double y, double z) {
        double[] box = { x, y, z };
        double[] build = { buildX, buildY, buildZ };
        java.util.Arrays.sort(box);
        java.util.Arrays.sort(build);
        return box[0] <= build[0] && box[1] <= build[1] && box[2] <= build[2];
    }
}
