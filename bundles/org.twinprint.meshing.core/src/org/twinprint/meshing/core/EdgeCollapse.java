package org.twinprint.meshing.core;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.util.Parallel;

/**
 * Reduces a closed mesh to a triangle budget by collapsing cheap edges, where the cost is the
 * quadric error of Garland and Heckbert. A collapse is refused when it would break
 * the surface: when the two ends share more neighbours than the two triangles between them (the
 * link condition, which keeps the mesh manifold), when a triangle around it would flip or
 * collapse to a sliver (which keeps the orientation), or when it would leave a vertex with fewer
 * than three neighbours. So a watertight input stays watertight. A collapse is refused too when a
 * triangle around it would cross one near it ({@link CrossingGuard}): reduction adds no
 * self-intersections.
 */
final class EdgeCollapse {

    private static final double MIN_NORMAL_COS = 0.2;
    /** Edges looked at per collapse: more is closer to the greedy order, fewer is faster. */
    private static final int CHOICES = 6;
    /** Candidates come from this many triangles ahead of the sweep's cursor. */
    private static final int WINDOW = 32;
    /** How far the cursor moves per step. */
    private static final int STEP = 2;
    private static final int MAX_SWEEPS = 40;
    /**
     * The sweep's threshold is at least this quantile of the costs: when only a few collapses are
     * left to do, a lower one would have the sweep walk the whole surface, again and again, to find them.
     */
    private static final double MIN_SHARE = 0.05;
    /** Vertices or triangles per block of the parallel loops over all of them. */
    private static final int BLOCK = 1 << 16;

    /** Vertex positions; they stay float-exact (what the file will hold), all arithmetic on them is double. */
    private final float[] pos;
    private final int[] tri;
    private final boolean[] deadTriangle;
    private final boolean[] deadVertex;
    private final double[] quadric;
    /** Each vertex's triangles, kept up to date through the collapses. */
    private final VertexFans fans;
    /** The fans' counts, held here too: the quick JIT reloads fields at every use. */
    private final int[] triangleCount;
    /** The stretches of storage order the cores reduce on their own; 1: no stretches. */
    private final int parts;
    /** Which stretch each vertex belongs to (-1: on a seam between stretches); null with one part. */
    private final byte[] ownerOf;
    /** The live triangles with a corner on a seam, in storage order; null with one part. */
    private final int[] seams;
    /** Refuses collapses that would make triangles cross. */
    private final CrossingGuard guard;
    private int alive;

    private EdgeCollapse(Mesh mesh) {
        int nv = mesh.vertexCount();
        int nt = mesh.triangleCount();
        // the arrays are made on all cores at once: zeroing or copying fresh memory (page faults) is
        // about half of the set-up's time; the largest go first, so the cores end together
        List<Object> made = Parallel.makeAll(() -> new double[10 * nv],
                () -> new int[3 * nt], // the fans' slots, whatever the degenerate triangles
                () -> mesh.triangles().clone(), () -> mesh.vertices().clone(), () -> new int[nv], // fan counts
                () -> new int[nv][], () -> new boolean[nt], () -> new boolean[nv]); // fans of their own, deaths
        quadric = (double[]) made.get(0);
        tri = (int[]) made.get(2);
        pos = (float[]) made.get(3);
        deadTriangle = (boolean[]) made.get(6);
        deadVertex = (boolean[]) made.get(7);
        int degenerate = 0;
        for (int count : Parallel.mapBlocks(nt, BLOCK, this::markDegenerate)) {
            degenerate += count;
        }
        fans = new VertexFans(tri, deadTriangle, (int[]) made.get(1), (int[]) made.get(4), (int[][]) made.get(5));
        triangleCount = fans.count;
        parts = nt > 100_000 ? Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())) : 1;
        ownerOf = parts > 1 ? owners() : null;
        seams = parts > 1 ? seamTriangles() : null;
        guard = new CrossingGuard(pos, tri, deadTriangle, fans, parts, t -> (int) ((long) t * parts / nt));
        vertexQuadrics();
        alive = nt - degenerate;
    }

    /**
     * Marks the triangles in [from, to) with a repeated corner (as a file read by position can hold)
     * as dead: they have no area and no edges of their own, so they are dropped, not collapsed.
     * Returns how many there were.
     */
    private int markDegenerate(int from, int to) {
        int[] tri = this.tri;
        boolean[] deadTriangle = this.deadTriangle;
        int count = 0;
        for (int t = from; t < to; t++) {
            int a = tri[3 * t], b = tri[3 * t + 1], c = tri[3 * t + 2];
            if (a == b || b == c || a == c) {
                deadTriangle[t] = true;
                count++;
            }
        }
        return count;
    }

    static Mesh reduce(Mesh mesh, int targetTriangles, Progress progress) {
        if (targetTriangles >= mesh.triangleCount()) {
            return mesh;
        }
        EdgeCollapse c = new EdgeCollapse(mesh);
        c.run(Math.max(4, targetTriangles), progress);
        return c.result(mesh);
    }

    /** The quadrics the reduction of {@code mesh} starts from, ten per vertex (for tests). */
    static double[] quadrics(Mesh mesh) {
        return new EdgeCollapse(mesh).quadric;
    }

    /**
     * Each vertex's quadric: the sum over its triangles of the squared distance to their planes,
     * weighted by area. Each triangle's plane is worked out once and added to its corners, in
     * triangle order, so every vertex gets the sum in the order of its fan. Each core takes its own
     * stretch and adds only to the vertices it owns; the seams' vertices are then done in one walk
     * over the seam triangles.
     */
    private void vertexQuadrics() {
        if (parts == 1) {
            addPlanes(null, 0, deadTriangle.length, -1);
            return;
        }
        // the stretches as the owners were given (rounded up, which the workers' own ranges are not)
        Parallel.forEach(0, parts, p -> addPlanes(null, stretchBegin(p), stretchBegin(p + 1), p));
        addPlanes(seams, 0, seams.length, -1);
    }

    /** The first triangle t of stretch p, the first with t * parts >= p * triangles. */
    private int stretchBegin(int p) {
        return (int) (((long) deadTriangle.length * p + parts - 1) / parts);
    }

    /**
     * Adds the planes of the live triangles at positions [from, to) of a walk (null: the positions
     * are the triangles) to those corners that belong to {@code owner} (every corner with one part).
     */
    private void addPlanes(int[] walk, int from, int to, int owner) {
        float[] pos = this.pos; // locals: the quick JIT reloads fields at every use
        int[] tri = this.tri;
        boolean[] deadTriangle = this.deadTriangle;
        byte[] ownerOf = this.ownerOf;
        double[] quadric = this.quadric;
        for (int p = from; p < to; p++) {
            int t = walk == null ? p : walk[p];
            if (deadTriangle[t]) {
                continue;
            }
            int a = 3 * tri[3 * t], b = 3 * tri[3 * t + 1], c = 3 * tri[3 * t + 2];
            double ux = (double) pos[b] - pos[a], uy = (double) pos[b + 1] - pos[a + 1],
                    uz = (double) pos[b + 2] - pos[a + 2];
            double wx = (double) pos[c] - pos[a], wy = (double) pos[c + 1] - pos[a + 1],
                    wz = (double) pos[c + 2] - pos[a + 2];
            // the plane through the triangle, weighted by its area: with c the cross product
            // (normal times twice the area) and e = -c.a, area * n n^T = c c^T / (2|c|) and so on,
            // so one division serves all ten terms
            double cx = uy * wz - uz * wy, cy = uz * wx - ux * wz, cz = ux * wy - uy * wx;
            double length2 = cx * cx + cy * cy + cz * cz;
            if (length2 == 0) {
                continue;
            }
            double half = 0.5 / Math.sqrt(length2);
            double e = -(cx * pos[a] + cy * pos[a + 1] + cz * pos[a + 2]);
            double hx = half * cx, hy = half * cy, hz = half * cz;
            double q0 = hx * cx, q1 = hx * cy, q2 = hx * cz, q3 = hx * e, q4 = hy * cy, q5 = hy * cz,
                    q6 = hy * e, q7 = hz * cz, q8 = hz * e, q9 = half * e * e;
            for (int k = 3 * t; k < 3 * t + 3; k++) {
                int v = tri[k];
                if (ownerOf != null && ownerOf[v] != owner) {
                    continue;
                }
                int q = 10 * v;
                quadric[q] += q0;
                quadric[q + 1] += q1;
                quadric[q + 2] += q2;
                quadric[q + 3] += q3;
                quadric[q + 4] += q4;
                quadric[q + 5] += q5;
                quadric[q + 6] += q6;
                quadric[q + 7] += q7;
                quadric[q + 8] += q8;
                quadric[q + 9] += q9;
            }
        }
    }

    /** Error of placing a vertex with quadric q0..q9 (the sum of a's and b's) at (x, y, z). */
    private static double error(double q0, double q1, double q2, double q3, double q4, double q5, double q6,
            double q7, double q8, double q9, double x, double y, double z) {
        return q0 * x * x + 2 * q1 * x * y + 2 * q2 * x * z + 2 * q3 * x + q4 * y * y + 2 * q5 * y * z + 2 * q6 * y
                + q7 * z * z + 2 * q8 * z + q9;
    }

    /**
     * One thread's share of the work: its own scratch space, random numbers and triangle range.
     * In the parallel phase a worker only touches vertices it owns (all of whose triangles lie in
     * its range), so workers never write what another reads; the last, sequential phase owns all.
     */
    private final class Worker {
        private final double[] target = new double[3];
        /** Stamps per vertex, to mark a fan's vertices once per collapse (a later worker carries them on). */
        private final int[] mark;
        private int markStamp;
        private long seed;
        private final int from;
        private final int to;
        /** The triangles walked, by position in [from, to); null: the positions are the triangles. */
        private final int[] walk;
        private final int owner;
        private final CrossingGuard.Probe probe = new CrossingGuard.Probe();
        private int removed;

        Worker(int from, int to, int owner, long seed, Worker after) {
            this(from, to, null, owner, seed, after);
        }

        /**
         * A worker for positions [from, to) of the walk; {@code after}, a worker that is done (or
         * null), hands on its marks and where its stamps got to, so they need not be made again.
         */
        Worker(int from, int to, int[] walk, int owner, long seed, Worker after) {
            this.from = from;
            this.to = to;
            this.walk = walk;
            this.owner = owner;
            this.seed = seed;
            this.mark = after == null ? new int[deadVertex.length] : after.mark;
            this.markStamp = after == null ? 0 : after.markStamp;
        }

        /**
         * A pseudo-random number in [0, bound): a 64-bit linear congruential step, its high 31 bits
         * scaled to the bound. Statistical quality matters little here, speed does.
         */
        private int below(int bound) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            return (int) (((seed >>> 33) * bound) >>> 31);
        }

        /** The triangle at position p of the walk, or -1 past its end. */
        private int at(int p) {
            return triangleAt(walk, to, p);
        }

        private boolean mine(int v) {
            return owns(ownerOf, owner, v);
        }

        /** Best position for merging a and b into {@link #target}; returns its error. */
        double plan(int a, int b) {
            // the summed quadric in locals: this runs for every candidate edge
            int qa = 10 * a, qb = 10 * b;
            double[] quadric = EdgeCollapse.this.quadric; // locals: the quick JIT reloads fields at every use
            float[] pos = EdgeCollapse.this.pos;
            double q0 = quadric[qa] + quadric[qb], q1 = quadric[qa + 1] + quadric[qb + 1],
                    q2 = quadric[qa + 2] + quadric[qb + 2], q3 = quadric[qa + 3] + quadric[qb + 3],
                    q4 = quadric[qa + 4] + quadric[qb + 4], q5 = quadric[qa + 5] + quadric[qb + 5],
                    q6 = quadric[qa + 6] + quadric[qb + 6], q7 = quadric[qa + 7] + quadric[qb + 7],
                    q8 = quadric[qa + 8] + quadric[qb + 8], q9 = quadric[qa + 9] + quadric[qb + 9];
            double c0 = q4 * q7 - q5 * q5, c1 = q1 * q7 - q5 * q2, c2 = q1 * q5 - q4 * q2;
            double det = q0 * c0 - q1 * c1 + q2 * c2;
            double ax = pos[3 * a], ay = pos[3 * a + 1], az = pos[3 * a + 2];
            double bx = pos[3 * b], by = pos[3 * b + 1], bz = pos[3 * b + 2];
            double edge2 = (ax - bx) * (ax - bx) + (ay - by) * (ay - by) + (az - bz) * (az - bz);
            double trace = q0 + q4 + q7;
            if (Math.abs(det) > 1e-12 * Math.max(1e-30, trace * trace * trace)) {
                // solve the 3x3 system by Cramer's rule
                double r0 = -q3, r1 = -q6, r2 = -q8;
                double x = (r0 * c0 - q1 * (r1 * q7 - q5 * r2) + q2 * (r1 * q5 - q4 * r2)) / det;
                double y = (q0 * (r1 * q7 - q5 * r2) - r0 * c1 + q2 * (q1 * r2 - r1 * q2)) / det;
                double z = (q0 * (q4 * r2 - r1 * q5) - q1 * (q1 * r2 - r1 * q2) + r0 * c2) / det;
                double mx = (ax + bx) / 2, my = (ay + by) / 2, mz = (az + bz) / 2;
                double far2 = (x - mx) * (x - mx) + (y - my) * (y - my) + (z - mz) * (z - mz);
                if (far2 <= edge2) { // stay near the edge: far optima come from nearly flat quadrics
                    target[0] = x;
                    target[1] = y;
                    target[2] = z;
                    return Math.max(0, error(q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, x, y, z));
                }
            }
            double ea = error(q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, ax, ay, az);
            double eb = error(q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, bx, by, bz);
            double mx = (ax + bx) / 2, my = (ay + by) / 2, mz = (az + bz) / 2;
            double em = error(q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, mx, my, mz);
            if (em <= ea && em <= eb) {
                target[0] = mx;
                target[1] = my;
                target[2] = mz;
                return Math.max(0, em);
            }
            boolean useA = ea <= eb;
            target[0] = useA ? ax : bx;
            target[1] = useA ? ay : by;
            target[2] = useA ? az : bz;
            return Math.max(0, Math.min(ea, eb));
        }

        /**
         * Sweeps the range in storage order (spatial order for extracted surfaces); each step
         * collapses the cheapest of a few nearby edges if it is below the sweep's threshold, which
         * rises from sweep to sweep, so cheap edges go first all over the surface.
         */
        void run(int goal, Progress progress) {
            boolean[] deadTriangle = EdgeCollapse.this.deadTriangle;
            int[] tri = EdgeCollapse.this.tri, path = walk;
            byte[] owners = ownerOf;
            int end = to, me = owner;
            for (int sweep = 0; removed < goal && sweep < MAX_SWEEPS; sweep++) {
                double threshold = sweepThreshold(goal, sweep);
                int before = removed;
                for (int cursor = from; cursor < to && removed < goal; cursor += STEP) {
                    int bestA = -1, bestB = -1;
                    double bestCost = threshold;
                    double bx = 0, by = 0, bz = 0;
                    for (int s = 0; s < CHOICES; s++) {
                        int t = triangleAt(path, end, cursor + below(WINDOW));
                        if (t < 0 || deadTriangle[t]) {
                            continue;
                        }
                        int k = below(3);
                        int a = tri[3 * t + k], b = tri[3 * t + Corners.next(k)];
                        if (!owns(owners, me, a) || !owns(owners, me, b)) {
                            continue;
                        }
                        double cost = plan(a, b);
                        if (cost <= bestCost) {
                            bestCost = cost;
                            bestA = a;
                            bestB = b;
                            bx = target[0];
                            by = target[1];
                            bz = target[2];
                        }
                    }
                    if (bestA < 0) {
                        continue;
                    }
                    target[0] = bx;
                    target[1] = by;
                    target[2] = bz;
                    if (collapse(bestA, bestB)) {
                        removed += 2;
                        if (owner <= 0 && (removed & 0xfffe) == 0) {
                            progress.checkCanceled();
                        }
                    }
                }
                if (removed == before && threshold == Double.MAX_VALUE) {
                    break; // nothing left that may be collapsed
                }
            }
        }

        /** The cost below which a sweep collapses: a quantile of sampled costs, rising each sweep. */
        private double sweepThreshold(int goal, int sweep) {
            if (sweep >= MAX_SWEEPS / 2) {
                return Double.MAX_VALUE;
            }
            double[] sample = new double[2048];
            int n = 0;
            int aliveHere = 0;
            for (int tries = 0; n < sample.length && tries < 20 * sample.length; tries++) {
                int t = at(from + below(to - from));
                if (t >= 0 && !deadTriangle[t]) {
                    aliveHere++;
                    int k = below(3);
                    int a = tri[3 * t + k], b = tri[3 * t + Corners.next(k)];
                    if (mine(a) && mine(b)) {
                        sample[n++] = plan(a, b);
                    }
                }
            }
            if (n == 0) {
                return Double.MAX_VALUE;
            }
            Arrays.sort(sample, 0, n);
            double aliveShare = (double) aliveHere / Math.max(1, Math.min(20 * sample.length, n + aliveHere));
            double remaining = Math.max(0, goal - removed) / (double) Math.max(1, (to - from) * aliveShare);
            double share = Math.min(1.0, Math.max(MIN_SHARE, remaining * (1.5 + sweep)));
            return sample[Math.min(n - 1, (int) (share * n))];
        }

        /** Merges a into b at {@link #target} if that keeps the surface sound. */
        boolean collapse(int a, int b) {
            // positions stay float-exact, as the file will hold them: a triangle whose corners would
            // meet in float (and be degenerate in the file) then has zero area here too, and is refused
            double tx = (float) target[0], ty = (float) target[1], tz = (float) target[2];
            int[] tri = EdgeCollapse.this.tri, mark = this.mark, triangleCount = EdgeCollapse.this.triangleCount;
            // link condition: common neighbours of a and b are exactly the apexes of their shared
            // triangles; the shared triangles and their apexes are noted once for all later tests
            int stamp = ++markStamp;
            int shared = 0, t1 = -1, t2 = -1, p1 = -1, p2 = -1;
            int[] fanA = fans.array(a);
            int offA = fans.offset(a);
            for (int i = 0, n = triangleCount[a]; i < n; i++) {
                int t = fanA[offA + i];
                int apex = -1;
                boolean hasB = false;
                for (int k = 3 * t; k < 3 * t + 3; k++) {
                    int v = tri[k];
                    mark[v] = stamp;
                    if (v == b) {
                        hasB = true;
                    } else if (v != a) {
                        apex = v;
                    }
                }
                if (hasB) {
                    if (++shared > 2 || !mine(apex)) {
                        return false;
                    }
                    if (shared == 1) {
                        t1 = t;
                        p1 = apex;
                    } else {
                        t2 = t;
                        p2 = apex;
                    }
                }
            }
            if (shared != 2) {
                return false;
            }
            int common = 0;
            int stamp2 = ++markStamp;
            int[] fanB = fans.array(b);
            int at1 = -1, at2 = -1; // where the shared triangles are in b's fan, to take them out
            for (int i = 0, n = triangleCount[b], offB = fans.offset(b); i < n; i++) {
                int t = fanB[offB + i];
                if (t == t1) {
                    at1 = i;
                } else if (t == t2) {
                    at2 = i;
                }
                for (int k = 3 * t, end = k + 3; k < end; k++) {
                    int v = tri[k];
                    if (v != a && v != b && mark[v] == stamp) {
                        mark[v] = stamp2; // count each common neighbour once
                        common++;
                    }
                }
            }
            if (common != 2 || triangleCount[p1] <= 3 || triangleCount[p2] <= 3) {
                return false; // not a manifold edge, or it would leave a vertex with two neighbours
            }
            if (flips(a, t1, t2, tx, ty, tz) || flips(b, t1, t2, tx, ty, tz)
                    || !guard.allows(probe, owner, a, b, t1, t2, tx, ty, tz)) {
                return false;
            }
            guard.merging(a, b, t1, t2, tx, ty, tz);
            // apply: remove the two shared triangles, move a's other triangles to b
            deadTriangle[t1] = true;
            deadTriangle[t2] = true;
            fans.removeAt(b, Math.max(at1, at2)); // the later first: the last entry fills the gap
            fans.removeAt(b, Math.min(at1, at2));
            fans.remove(p1, t1);
            fans.remove(p2, t2);
            for (int i = 0, n = triangleCount[a]; i < n; i++) { // a's fan goes with a, but for t1 and t2
                int t = fanA[offA + i];
                if (t == t1 || t == t2) {
                    continue;
                }
                for (int k = 3 * t; k < 3 * t + 3; k++) {
                    if (tri[k] == a) {
                        tri[k] = b;
                    }
                }
                fans.add(b, t);
            }
            triangleCount[a] = 0;
            deadVertex[a] = true;
            pos[3 * b] = (float) tx;
            pos[3 * b + 1] = (float) ty;
            pos[3 * b + 2] = (float) tz;
            double[] q = quadric;
            for (int j = 0; j < 10; j++) {
                q[10 * b + j] += q[10 * a + j];
            }
            guard.moved(b, probe);
            return true;
        }
    }

    /** Would moving vertex v to t turn over, or squash, one of its triangles other than s1 and s2? */
    private boolean flips(int v, int s1, int s2, double tx, double ty, double tz) {
        int[] fan = fans.array(v), tri = this.tri;
        float[] pos = this.pos;
        for (int i = 0, n = triangleCount[v], from = fans.offset(v); i < n; i++) {
            int t = fan[from + i];
            if (t == s1 || t == s2) {
                continue;
            }
            int k = tri[3 * t] == v ? 0 : tri[3 * t + 1] == v ? 1 : 2;
            int p = 3 * tri[3 * t + Corners.next(k)], q = 3 * tri[3 * t + Corners.previous(k)], o = 3 * v;
            double ux = (double) pos[p] - pos[o], uy = (double) pos[p + 1] - pos[o + 1],
                    uz = (double) pos[p + 2] - pos[o + 2];
            double wx = (double) pos[q] - pos[o], wy = (double) pos[q + 1] - pos[o + 1],
                    wz = (double) pos[q + 2] - pos[o + 2];
            double n0x = uy * wz - uz * wy, n0y = uz * wx - ux * wz, n0z = ux * wy - uy * wx;
            ux = pos[p] - tx;
            uy = pos[p + 1] - ty;
            uz = pos[p + 2] - tz;
            wx = pos[q] - tx;
            wy = pos[q + 1] - ty;
            wz = pos[q + 2] - tz;
            double n1x = uy * wz - uz * wy, n1y = uz * wx - ux * wz, n1z = ux * wy - uy * wx;
            double l0 = n0x * n0x + n0y * n0y + n0z * n0z, l1 = n1x * n1x + n1y * n1y + n1z * n1z;
            double dot = n0x * n1x + n0y * n1y + n0z * n1z;
            // the angle between old and new normal opens beyond acos(MIN_NORMAL_COS), compared squared
            if (l1 == 0 || l0 == 0 || dot <= 0 || dot * dot < MIN_NORMAL_COS * MIN_NORMAL_COS * l0 * l1) {
                return true;
            }
        }
        return false;
    }

    /**
     * First every core reduces its own stretch of the surface, away from the others; then one
     * pass over the seams between the stretches does their share, and should anything be left,
     * a pass over everything finishes the job.
     */
    private void run(int targetTriangles, Progress progress) {
        int triangles = deadTriangle.length;
        int goal = alive - targetTriangles;
        progress.begin("Reducing to " + targetTriangles + " triangles", 2);
        int removed = 0;
        Worker done = null;
        if (parts > 1) {
            Worker[] workers = new Worker[parts];
            // the seams are left as much as their size asks for (and walked alone, which is quick)
            int share = (int) ((goal - (long) goal * seams.length / alive) / parts);
            IntStream.range(0, parts).parallel().forEach(p -> { // each worker makes its marks on its own thread
                workers[p] = new Worker((int) ((long) triangles * p / parts),
                        (int) ((long) triangles * (p + 1) / parts), p, 20260101L + p, null);
                workers[p].run(share, progress);
            });
            for (Worker w : workers) {
                removed += w.removed;
            }
            done = workers[0];
        }
        progress.worked(1);
        if (seams != null && seams.length > 0) {
            Worker seam = new Worker(0, seams.length, seams, -1, 20260101L, done);
            seam.run(goal - removed, progress);
            removed += seam.removed;
            done = seam;
        }
        if (removed < goal) {
            Worker last = new Worker(0, triangles, -1, 20260102L, done);
            last.run(goal - removed, progress);
            removed += last.removed;
        }
        alive -= removed;
        progress.worked(1);
    }

    /**
     * A vertex belongs to a stretch when all its triangles do; vertices on seams belong to none. The
     * fans are still in triangle order here, so a fan's first and last triangle tell.
     */
    private byte[] owners() {
        // triangle t lies in stretch t * parts / triangles, so stretch p begins at the first t with
        // t * parts >= p * triangles: comparisons with these starts, not a 64-bit division per corner
        int[] begins = new int[parts + 1];
        for (int p = 1; p < parts; p++) {
            begins[p] = stretchBegin(p);
        }
        begins[parts] = Integer.MAX_VALUE;
        byte[] ownerOf = new byte[deadVertex.length];
        Parallel.forEachBlock(ownerOf.length, 1 << 14, (first, last) -> {
            for (int v = first; v < last; v++) {
                int n = triangleCount[v];
                if (n == 0) {
                    ownerOf[v] = -2;
                    continue;
                }
                int[] fan = fans.array(v);
                int o = fans.offset(v), part = 0;
                while (fan[o] >= begins[part + 1]) {
                    part++;
                }
                ownerOf[v] = (byte) (fan[o + n - 1] < begins[part + 1] ? part : -1);
            }
        });
        return ownerOf;
    }

    /** The live triangles with a corner on a seam (owned by no stretch), in storage order. */
    private int[] seamTriangles() {
        List<int[]> blocks = Parallel.mapBlocks(deadTriangle.length, BLOCK, (from, to) -> {
            int[] found = new int[to - from];
            int n = 0;
            for (int t = from; t < to; t++) {
                if (!deadTriangle[t] && (ownerOf[tri[3 * t]] < 0 || ownerOf[tri[3 * t + 1]] < 0
                        || ownerOf[tri[3 * t + 2]] < 0)) {
                    found[n++] = t;
                }
            }
            return Arrays.copyOf(found, n);
        });
        int[] seams = new int[blocks.stream().mapToInt(b -> b.length).sum()];
        int n = 0;
        for (int[] b : blocks) {
            System.arraycopy(b, 0, seams, n, b.length);
            n += b.length;
        }
        return seams;
    }

    /**
     * The surviving vertices and triangles, renumbered in storage order. Both are counted first, block
     * by block, so that the output arrays are made at once and every block knows where its output
     * begins; then all blocks are written at once.
     */
    private Mesh result(Mesh input) {
        boolean[] deadVertex = this.deadVertex, deadTriangle = this.deadTriangle;
        int[] triangleCount = this.triangleCount, tri = this.tri;
        float[] pos = this.pos;
        int nv = deadVertex.length;
        int[] vertexStart = Parallel.offsets(Parallel.mapBlocks(nv, BLOCK, (from, to) -> {
            int n = 0;
            for (int v = from; v < to; v++) {
                n += kept(deadVertex, triangleCount, v) ? 1 : 0;
            }
            return n;
        }));
        int nt = deadTriangle.length;
        int[] triangleStart = Parallel.offsets(Parallel.mapBlocks(nt, BLOCK, (from, to) -> {
            int n = 0;
            for (int t = from; t < to; t++) {
                n += deadTriangle[t] ? 0 : 1;
            }
            return n;
        }));
        List<Object> made = Parallel.makeAll(() -> new int[3 * triangleStart[triangleStart.length - 1]],
                () -> new float[3 * vertexStart[vertexStart.length - 1]], () -> new int[nv]);
        int[] outT = (int[]) made.get(0);
        float[] outV = (float[]) made.get(1);
        int[] newIndex = (int[]) made.get(2);
        Parallel.forEachBlock(nv, BLOCK, (from, to) -> {
            int next = vertexStart[from / BLOCK];
            for (int v = from; v < to; v++) {
                if (kept(deadVertex, triangleCount, v)) {
                    outV[3 * next] = pos[3 * v];
                    outV[3 * next + 1] = pos[3 * v + 1];
                    outV[3 * next + 2] = pos[3 * v + 2];
                    newIndex[v] = next++;
                } else {
                    newIndex[v] = -1;
                }
            }
        });
        Parallel.forEachBlock(nt, BLOCK, (from, to) -> {
            int n = 3 * triangleStart[from / BLOCK];
            for (int t = from; t < to; t++) {
                if (!deadTriangle[t]) {
                    outT[n++] = newIndex[tri[3 * t]];
                    outT[n++] = newIndex[tri[3 * t + 1]];
                    outT[n++] = newIndex[tri[3 * t + 2]];
                }
            }
        });
        return new Mesh(input.name(), input.rgb(), outV, outT);
    }

    /**
     * The triangle at position p of a walk ({@code walk} null: the positions are the triangles), or
     * -1 past its end. Static, with the walk passed in: the sweep's loop holds it in a local.
     */
    private static int triangleAt(int[] walk, int end, int p) {
        return p >= end ? -1 : walk == null ? p : walk[p];
    }

    /** May a worker of this owner (negative: every vertex is its own) change vertex v? */
    private static boolean owns(byte[] ownerOf, int owner, int v) {
        return owner < 0 || ownerOf[v] == owner;
    }

    /** Does vertex v stay: alive, with triangles? */
    private static boolean kept(boolean[] deadVertex, int[] triangleCount, int v) {
        return !deadVertex[v] && triangleCount[v] > 0;
    }
}
