package org.twinprint.core.model;

/** A point or direction in patient LPS space, in millimetres (x = left, y = posterior, z = superior). */
public record Vec3(double x, double y, double z) {

    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double length() {
        return Math.sqrt(dot(this));
    }

    public Vec3 normalized() {
        double len = length();
        if (len == 0) {
            throw new IllegalArgumentException("cannot normalise a zero vector");
        }
        return times(1 / len);
    }

    public double[] toArray() {
        return new double[] { x, y, z };
    }
}
