package org.twinprint.implant.core;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.meshing.core.ClosestPoints;

/**
 * Iterative closest point, point-to-plane and trimmed: each round pairs the moving mesh's
 * vertices with the nearest points of the fixed surface, drops the worst pairs (so a part that
 * covers only some of the bone still fits), and solves the small rotation and translation that
 * bring the pairs onto the surface's tangent planes. It stops when a round moves nothing; it has
 * converged only if the fit is then also close.
 */
public final class Icp {

    /**
     * @param maxIterations rounds at most
     * @param keepFraction  share of the pairs kept each round, the nearest (1: all)
     * @param acceptRmsMm   the largest RMS that counts as converged
     * @param maxSamples    moving vertices used at most (spread evenly over the mesh)
     */
    public record Options(int maxIterations, double keepFraction, double acceptRmsMm, int maxSamples) {
        public static final Options DEFAULT = new Options(100, 0.9, 0.5, 20_000);
    }

    /**
     * The fit, its RMS over the kept pairs (mm), the rounds it took, whether it converged, and in
     * words what happened.
     */
    public record Result(RigidTransform transform, double rmsMm, int iterations, boolean converged, String message) {
    }

    private static final double STILL_RADIANS = 1e-10;
    private static final double STILL_MM = 1e-9;

    private Icp() {
    }

    public static Result align(Mesh moving, Mesh fixed, RigidTransform start, Options o) {
        ClosestPoints.Query nearest = new ClosestPoints(fixed).query();
        double[] samples = samples(moving, o.maxSamples());
        RigidTransform current = start;
        int n = samples.length / 3;
        double[] distance = new double[n];
        double[][] pair = new double[n][];
        boolean still = false;
        int round = 0;
        double rms = Double.NaN;
        while (round < o.maxIterations() && !still) {
            round++;
            double cutoff = pairs(samples, current, nearest, distance, pair, o.keepFraction());
            // about the kept pairs' centre: far from the origin, rotation and translation would be entangled
            double cx = 0, cy = 0, cz = 0;
            int counted = 0;
            for (int k = 0; k < n; k++) {
                if (distance[k] <= cutoff) {
                    cx += pair[k][0];
                    cy += pair[k][1];
                    cz += pair[k][2];
                    counted++;
                }
            }
            cx /= Math.max(1, counted);
            cy /= Math.max(1, counted);
            cz /= Math.max(1, counted);
            double[][] ata = new double[6][6];
            double[] atb = new double[6];
            double sq = 0;
            int kept = 0;
            for (int k = 0; k < n; k++) {
                if (distance[k] > cutoff) {
                    continue;
                }
                double[] e = pair[k]; // p, q, normal
                double px = e[0] - cx, py = e[1] - cy, pz = e[2] - cz, nx = e[6], ny = e[7], nz = e[8];
                double[] a = { py * nz - pz * ny, pz * nx - px * nz, px * ny - py * nx, nx, ny, nz };
                double b = -((e[0] - e[3]) * nx + (e[1] - e[4]) * ny + (e[2] - e[5]) * nz);
                for (int i = 0; i < 6; i++) {
                    atb[i] += a[i] * b;
                    for (int j = 0; j < 6; j++) {
                        ata[i][j] += a[i] * a[j];
                    }
                }
                sq += distance[k] * distance[k];
                kept++;
            }
            rms = Math.sqrt(sq / Math.max(1, kept));
            double[] x;
            try {
                x = new CholeskyDecomposition(new Array2DRowRealMatrix(ata), 1e-12, 1e-15).getSolver()
                        .solve(new ArrayRealVector(atb)).toArray();
            } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                return new Result(current, rms, round, false, "the surfaces give no hold for a fit (a flat or"
                        + " symmetric overlap): not converged");
            }
            double angle = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
            Vec3 move = new Vec3(x[3], x[4], x[5]);
            // the rotation about the centre c, then the move: p' = R (p - c) + c + t
            Vec3 c = new Vec3(cx, cy, cz);
            RigidTransform turn = angle == 0 ? RigidTransform.IDENTITY
                    : RigidTransform.of(new Vec3(x[0], x[1], x[2]), angle, Vec3.ZERO);
            RigidTransform step = new RigidTransform(turn.rotation(), 1, c.minus(turn.apply(c)).plus(move));
            current = current.then(step);
            still = angle < STILL_RADIANS && move.length() < STILL_MM;
        }
        double cutoff = pairs(samples, current, nearest, distance, pair, o.keepFraction());
        double sq = 0;
        int kept = 0;
        for (double d : distance) {
            if (d <= cutoff) {
                sq += d * d;
                kept++;
            }
        }
        rms = Math.sqrt(sq / Math.max(1, kept));
        boolean converged = rms <= o.acceptRmsMm();
        String message = converged
                ? String.format(java.util.Locale.ROOT, "converged in %d rounds, RMS %.4f mm", round, rms)
                : String.format(java.util.Locale.ROOT, "NOT converged: after %d rounds the RMS is %.3f mm (more than"
                        + " %.3f mm); start closer, with landmarks", round, rms, o.acceptRmsMm());
        return new Result(current, rms, round, converged, message);
    }

    /** Moving vertices, at most {@code max}, every k-th. */
    private static double[] samples(Mesh m, int max) {
        int count = m.vertexCount(), step = Math.max(1, (count + max - 1) / max);
        float[] v = m.vertices();
        double[] out = new double[3 * ((count + step - 1) / step)];
        for (int i = 0, k = 0; i < count; i += step, k++) {
            out[3 * k] = v[3 * i];
            out[3 * k + 1] = v[3 * i + 1];
            out[3 * k + 2] = v[3 * i + 2];
        }
        return out;
    }

    /** Pairs every sample (moved by t) with its nearest surface point; returns the distance cut-off of the kept share. */
    private static double pairs(double[] samples, RigidTransform t, ClosestPoints.Query nearest, double[] distance,
            double[][] pair, double keep) {
        for (int k = 0; k < distance.length; k++) {
            Vec3 p = t.apply(new Vec3(samples[3 * k], samples[3 * k + 1], samples[3 * k + 2]));
            distance[k] = Math.abs(nearest.signedDistance(p.x(), p.y(), p.z()));
            double[] q = nearest.point(), normal = nearest.normal();
            pair[k] = new double[] { p.x(), p.y(), p.z(), q[0], q[1], q[2], normal[0], normal[1], normal[2] };
        }
        double[] sorted = distance.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(keep * sorted.length) - 1)];
    }
}
