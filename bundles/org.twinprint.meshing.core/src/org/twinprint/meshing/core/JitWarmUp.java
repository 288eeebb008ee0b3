package org.twinprint.meshing.core;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.util.LowPriority;

/**
 * Runs the mesh stages (smooth, reduce, repair, check) once on a small generated hollow ball, on a
 * thread of the lowest priority, while a command still reads and surfaces its scan. The quick JIT
 * compiles a loop only after it has run a while, and every stage's first pass over the real surface
 * used to pay for that; this way the code is compiled before the surface arrives, in time when a
 * core would otherwise wait (the load and the surface leave one idle for much of theirs). At normal
 * priority the same warm-up took its time from the load and gained about half as much.
 */
final class JitWarmUp {

    /** Rings of each sphere of the ball: 13,776 triangles, enough for the stages' loops to be compiled. */
    static final int RINGS = 42;
    /** The ball's outer radius and wall, about a skull's. */
    static final double OUTER_MM = 20;
    static final double WALL_MM = 3;

    private JitWarmUp() {
    }

    /**
     * Starts the warm-up on a pool of one thread of its own, so that the stages' parallel loops stay
     * on it too; where the thread cannot be lowered it does nothing, rather than compete.
     */
    static void startOnIdleCore() {
        ForkJoinPool pool = new ForkJoinPool(1, IdleWorker::new, null, false);
        pool.execute(() -> {
            if (((IdleWorker) Thread.currentThread()).lowered) {
                exercise();
            }
        });
        pool.shutdown(); // the thread ends when the warm-up does
    }

    /** The stages as a model run calls them; returns the check of the result. */
    static PrintabilityReport exercise() {
        Mesh smooth = TaubinSmoothing.smooth(hollowBall(), 10, Progress.NONE);
        Mesh reduced = EdgeCollapse.reduce(smooth, smooth.triangleCount() / 2, Progress.NONE);
        MeshRepair.Result repaired = MeshRepair.repair(reduced, 1, 30);
        return PrintabilityReport.of(repaired.mesh(), Printers.defaults().get(0), repaired.topology());
    }

    /** A hollow ball: two spheres, the inner one turned inside out, so there is a wall to find. */
    static Mesh hollowBall() {
        Mesh outer = sphere(RINGS, OUTER_MM), inner = sphere(RINGS, OUTER_MM - WALL_MM);
        int[] t = java.util.Arrays.copyOf(outer.triangles(), 2 * outer.triangles().length);
        int[] turned = inner.triangles();
        for (int k = 0, n = outer.vertexCount(), at = outer.triangles().length; k < turned.length; k += 3, at += 3) {
            t[at] = turned[k] + n;
            t[at + 1] = turned[k + 2] + n;
            t[at + 2] = turned[k + 1] + n;
        }
        float[] v = java.util.Arrays.copyOf(outer.vertices(), 2 * outer.vertices().length);
        System.arraycopy(inner.vertices(), 0, v, outer.vertices().length, inner.vertices().length);
        return new Mesh("warm-up ball", v, t);
    }

    /**
     * A closed sphere of latitude rings and twice as many longitude sectors, centred on the origin,
     * triangles counter-clockwise seen from outside.
     */
    static Mesh sphere(int rings, double radius) {
        int sectors = 2 * rings;
        int nv = 2 + (rings - 1) * sectors, south = nv - 1;
        float[] v = new float[3 * nv];
        v[2] = (float) radius;
        v[3 * south + 2] = (float) -radius;
        for (int i = 1; i < rings; i++) {
            double polar = Math.PI * i / rings;
            for (int j = 0; j < sectors; j++) {
                double azimuth = 2 * Math.PI * j / sectors;
                int p = 3 * ringVertex(i, j, sectors);
                v[p] = (float) (radius * Math.sin(polar) * Math.cos(azimuth));
                v[p + 1] = (float) (radius * Math.sin(polar) * Math.sin(azimuth));
                v[p + 2] = (float) (radius * Math.cos(polar));
            }
        }
        int[] t = new int[3 * 2 * sectors * (rings - 1)];
        int k = 0;
        for (int j = 0; j < sectors; j++) {
            int next = (j + 1) % sectors;
            k = put(t, k, 0, ringVertex(1, j, sectors), ringVertex(1, next, sectors));
            for (int i = 1; i < rings - 1; i++) {
                int a = ringVertex(i, j, sectors), b = ringVertex(i, next, sectors);
                int c = ringVertex(i + 1, j, sectors), d = ringVertex(i + 1, next, sectors);
                k = put(t, k, a, c, d);
                k = put(t, k, a, d, b);
            }
            k = put(t, k, south, ringVertex(rings - 1, next, sectors), ringVertex(rings - 1, j, sectors));
        }
        return new Mesh("sphere", v, t);
    }

    /** Vertex j of ring i (1 .. rings - 1); vertex 0 is the north pole. */
    private static int ringVertex(int i, int j, int sectors) {
        return 1 + (i - 1) * sectors + j;
    }

    private static int put(int[] t, int k, int a, int b, int c) {
        t[k] = a;
        t[k + 1] = b;
        t[k + 2] = c;
        return k + 3;
    }

    /** The warm-up pool's thread: a daemon that lowers itself before it takes any work. */
    private static final class IdleWorker extends ForkJoinWorkerThread {
        private boolean lowered;

        IdleWorker(ForkJoinPool pool) {
            super(null, pool, true);
            setName("TwinPrint JIT warm-up");
            setDaemon(true);
        }

        @Override
        protected void onStart() {
            super.onStart();
            lowered = LowPriority.lowerCurrentThread();
        }
    }
}
