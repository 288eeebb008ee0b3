package org.twinprint.core.model;

import java.util.Objects;

/**
 * A scalar image on a {@link Geometry}, stored as 16-bit signed values in x-fastest order.
 * For CT the values are Hounsfield units; {@link #unit()} says what they are.
 */
public final class Volume {

    private final Geometry geometry;
    private final short[] voxels;
    private final String unit;

    public Volume(Geometry geometry, short[] voxels, String unit) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.voxels = Objects.requireNonNull(voxels, "voxels");
        this.unit = Objects.requireNonNull(unit, "unit");
        if (voxels.length != geometry.voxelCount()) {
            throw new IllegalArgumentException(
                    "volume has " + voxels.length + " voxels but its grid holds " + geometry.voxelCount());
        }
    }

    public Geometry geometry() {
        return geometry;
    }

    public String unit() {
        return unit;
    }

    public short get(int i, int j, int k) {
        return voxels[geometry.index(i, j, k)];
    }

    /** The voxel array itself, x fastest, then y, then z; shared, not copied. */
    public short[] voxels() {
        return voxels;
    }

    public Statistics statistics() {
        return Statistics.of(voxels);
    }

    /** Minimum, maximum and sum of all voxel values. */
    public record Statistics(int min, int max, long sum, long count) {

        static Statistics of(short[] values) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            long sum = 0;
            for (short v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            return new Statistics(min, max, sum, values.length);
        }

        public double mean() {
            return count == 0 ? Double.NaN : (double) sum / count;
        }
    }
}
