package org.twinprint.meshing.core;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.util.Parallel;

/**
 * Edge-level facts of a triangle mesh as its file will be read (vertices joined by position), from
 * each vertex's outgoing half-edges: boundary edges (used once), non-manifold edges (used more
 * than twice), edges whose two triangles run the same way (inconsistent orientation), degenerate
 * triangles and the number of shells.
 */
public record MeshTopology(long edges, long boundaryEdges, long nonManifoldEdges, long misorientedEdges,
        long degenerateTriangles, int shells) {

    public boolean closed() {
        return boundaryEdges == 0;
    }

    public boolean manifold() {
        return nonManifoldEdges == 0;
    }

    public boolean consistentlyOriented() {
        return misorientedEdges == 0;
    }

    /** Closed, manifold, consistently oriented and free of degenerate triangles. */
    public boolean watertight() {
        return closed() && manifold() && consistentlyOriented() && degenerateTriangles == 0;
    }

    /** Checks the mesh as a file reader will see it: vertices at one position count as one. */
    public static MeshTopology of(Mesh mesh) {
        return ofIndexed(new Mesh(mesh.name(), mesh.rgb(), mesh.vertices(), PositionWelding.weldedTriangles(mesh)));
    }

    /** Checks the vertex indices as they are, as a program holding the mesh in memory sees it. */
    static MeshTopology ofIndexed(Mesh mesh) {
        if (mesh.vertexCount() >= (1 << 30)) {
            throw new IllegalArgumentException("mesh too large for edge analysis: " + mesh.vertexCount() + " vertices");
        }
        return of(HalfEdges.of(mesh.vertexCount(), mesh.triangles()), mesh, shells(mesh));
    }

    /**
     * The same from the half-edges of the mesh's triangles and its number of shells, for a caller
     * that has both already (the repair does).
     */
    static MeshTopology of(HalfEdges half, Mesh mesh, int shells) {
        if (half.pairedOnce()) { // each edge used twice, once each way: nothing to count
            return new MeshTopology(half.targets.length / 2, 0, 0, 0, degenerate(mesh), shells);
        }
        // blocks of vertices count their edges in parallel: {edges, boundary, non-manifold, misoriented}
        long[] sums = new long[4];
        for (long[] block : Parallel.mapBlocks(mesh.vertexCount(), BLOCK, (from, to) -> edgeCounts(half, from, to))) {
            for (int i = 0; i < 4; i++) {
                sums[i] += block[i];
            }
        }
        return new MeshTopology(sums[0], sums[1], sums[2], sums[3], degenerate(mesh), shells);
    }

    private static final int BLOCK = 1 << 15;

    private static long[] edgeCounts(HalfEdges half, int from, int to) {
        long edges = 0, boundary = 0, nonManifold = 0, misoriented = 0;
        for (int a = from; a < to; a++) {
            for (int k = half.offsets[a]; k < half.offsets[a + 1]; k++) {
                int b = half.targets[k];
                if (!half.firstOfItsKind(a, k)) {
                    continue; // a -> b counted at its first occurrence
                }
                int forward = half.count(a, b), backward = half.count(b, a);
                if (backward > 0 && b < a) {
                    continue; // counted from b's side
                }
                int uses = forward + backward;
                edges++;
                if (uses == 1) {
                    boundary++;
                } else if (uses > 2) {
                    nonManifold++;
                } else if (forward != 1) {
                    misoriented++;
                }
            }
        }
        return new long[] { edges, boundary, nonManifold, misoriented };
    }

    static long degenerate(Mesh mesh) {
        int[] t = mesh.triangles();
        float[] v = mesh.vertices();
        return Parallel.mapBlocks(mesh.triangleCount(), BLOCK, (from, to) -> {
            long count = 0;
            double[] n2 = new double[3];
            for (int n = 3 * from; n < 3 * to; n += 3) {
                int a = 3 * t[n], b = 3 * t[n + 1], c = 3 * t[n + 2];
                if (a == b || b == c || a == c) {
                    count++;
                    continue;
                }
                Normals.scaled(v, a, b, c, n2);
                if (n2[0] * n2[0] + n2[1] * n2[1] + n2[2] * n2[2] == 0) {
                    count++;
                }
            }
            return count;
        }).stream().mapToLong(Long::longValue).sum();
    }

    /** Connected pieces, counting vertices joined by triangle edges (unused vertices ignored). */
    static int shells(Mesh mesh) {
        int[] t = mesh.triangles();
        int[] root = ShellRoots.of(mesh.vertexCount(), t);
        boolean[] used = new boolean[root.length];
        Parallel.forEachBlock(t.length, 1 << 16, (first, last) -> {
            for (int i = first; i < last; i++) {
                used[t[i]] = true; // threads may mark the same vertex: both write true
            }
        });
        int shells = 0;
        for (int count : Parallel.mapBlocks(root.length, 1 << 16, (first, last) -> {
            int n = 0;
            for (int i = first; i < last; i++) {
                n += used[i] && root[i] == i ? 1 : 0;
            }
            return n;
        })) {
            shells += count;
        }
        return shells;
    }
}
