package org.twinprint.meshing.core;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.Progress;

/**
 * Takes back the moves that made triangles cross. A filter that moves every vertex (along its
 * normal, say) can push two close sheets through each other; the corners of each crossing pair
 * that moved go back where they were, and this repeats until no moved corner is in a crossing.
 * The mesh before the moves is the last resort, so what this leaves crosses no more than it did.
 */
final class CrossingRevert {

    private static final int ROUNDS = 8;

    private CrossingRevert() {
    }

    /**
     * Puts corners of {@code moved} back to their positions in {@code before} (same vertex order)
     * until the moves make no crossing; returns how many vertices went back.
     */
    static int revert(Mesh moved, float[] before, Progress progress) {
        float[] v = moved.vertices();
        int[] t = moved.triangles();
        double cell = 1.5 * PrintabilityReport.meanEdge(moved);
        int reverted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            progress.checkCanceled();
            boolean[] crossing = new boolean[moved.triangleCount()];
            if (SurfaceChecks.selfIntersections(new TriangleGrid(moved, cell), crossing) == 0) {
                return reverted;
            }
            int back = 0;
            for (int f = 0; f < crossing.length; f++) {
                if (!crossing[f]) {
                    continue;
                }
                for (int k = 3 * f; k < 3 * f + 3; k++) {
                    int p = 3 * t[k];
                    if (v[p] != before[p] || v[p + 1] != before[p + 1] || v[p + 2] != before[p + 2]) {
                        System.arraycopy(before, p, v, p, 3);
                        back++;
                    }
                }
            }
            if (back == 0) {
                return reverted; // the crossings left were there before
            }
            reverted += back;
        }
        System.arraycopy(before, 0, v, 0, v.length);
        return v.length / 3;
    }
}
