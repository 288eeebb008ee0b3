package org.twinprint.meshing.core;

import java.util.Arrays;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.util.Parallel;

/**
 * How far one mesh lies from another: for each vertex of the first, the distance to the nearest
 * point of the second's surface (not its nearest vertex), signed positive where the vertex lies on
 * the outer side of the surface it is nearest to. Mean, RMS, 95th percentile and maximum are of
 * the unsigned distances. In mm.
 */
public final class MeshDistance {

    /** The statistics, and each vertex's signed distance for a colour map. */
    public record Result(double meanMm, double rmsMm, double p95Mm, double maxMm, double meanSignedMm,
            float[] signedPerVertexMm) {
    }

    private MeshDistance() {
    }

    public static Result between(Mesh from, Mesh to) {
        if (to.triangleCount() == 0) {
            throw new IllegalArgumentException(to.name() + ": a mesh without triangles has no surface to measure to");
        }
        return between(from, to, ClosestPoints.cellSize(to));
    }

    /** With a chosen grid cell (mm); one cell as large as the mesh tests every triangle. */
    static Result between(Mesh from, Mesh to, double cell) {
        ClosestPoints surface = new ClosestPoints(to, cell);
        float[] v = from.vertices();
        float[] signed = new float[from.vertexCount()];
        Parallel.forEachBlock(from.vertexCount(), 4096, (first, last) -> {
            ClosestPoints.Query nearest = surface.query();
            for (int i = first; i < last; i++) {
                signed[i] = (float) nearest.signedDistance(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
            }
        });
        double sum = 0, squares = 0, sumSigned = 0, max = 0;
        double[] absolute = new double[signed.length];
        for (int i = 0; i < signed.length; i++) {
            double d = Math.abs(signed[i]);
            absolute[i] = d;
            sum += d;
            squares += d * d;
            sumSigned += signed[i];
            max = Math.max(max, d);
        }
        Arrays.sort(absolute);
        int n = Math.max(1, signed.length);
        double p95 = absolute.length == 0 ? 0 : absolute[Math.min(absolute.length - 1, (int) Math.ceil(0.95 * n) - 1)];
        return new Result(sum / n, Math.sqrt(squares / n), p95, max, sumSigned / n, signed);
    }

}
