package org.twinprint.prediction.core;

import java.util.List;
import java.util.stream.IntStream;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/**
 * What a plan takes out, as voxels: the space in front of every one of its planes (each plane's
 * normal points into what is removed; one plane takes a half-space, two a wedge), or a resection
 * painted as a segment.
 */
public final class Resection {

    /** A cut plane: a point on it and the normal pointing into the part removed, LPS mm. */
    public record Plane(Vec3 point, Vec3 normal) {
        public Plane {
            normal = normal.normalized();
        }
    }

    private Resection() {
    }

    /** The voxels in front of every plane. */
    public static boolean[] byPlanes(List<Plane> planes, Geometry g) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("a resection by planes needs at least one plane");
        }
        boolean[] out = new boolean[(int) g.voxelCount()];
        int nx = g.nx(), ny = g.ny();
        IntStream.range(0, g.nz()).parallel().forEach(k -> {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    boolean removed = true;
                    Vec3 p = g.toLps(i, j, k);
                    for (Plane plane : planes) {
                        removed &= plane.normal().dot(p.minus(plane.point())) > 0;
                    }
                    out[(k * ny + j) * nx + i] = removed;
                }
            }
        });
        return out;
    }
}
