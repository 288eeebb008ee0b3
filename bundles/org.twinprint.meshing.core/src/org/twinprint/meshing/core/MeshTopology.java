package org.twinprint.meshing.core;

import java.util.Arrays;

import org.twinprint.core.model.Mesh;

/**
 * Edge-level facts of a triangle mesh as its file will be read (vertices joined by position), from
 * one sort of all its half-edges: boundary edges (used
 * once), non-manifold edges (used more than twice), edges whose two triangles run the same way
 * (inconsistent orientation), degenerate triangles and the number of shells.
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
        int[] t = mesh.triangles();
        if (mesh.vertexCount() >= (1 << 30)) {
            throw new IllegalArgumentException("mesh too large for edge analysis: " + mesh.vertexCount() + " vertices");
        }
        // key: smaller vertex, larger vertex, and one bit saying whether the edge runs small -> large
        long[] halfEdges = new long[t.length];
        for (int n = 0; n < t.length; n += 3) {
            for (int e = 0; e < 3; e++) {
                int a = t[n + e];
                int b = t[n + (e + 1) % 3];
                long lo = Math.min(a, b);
                long hi = Math.max(a, b);
                halfEdges[n + e] = (lo << 31 | hi) << 1 | (a < b ? 1 : 0);
            }
        }
        Arrays.parallelSort(halfEdges);
        long edges = 0, boundary = 0, nonManifold = 0, misoriented = 0;
        for (int i = 0; i < halfEdges.length;) {
            long key = halfEdges[i] >>> 1;
            int j = i;
            int forward = 0;
            while (j < halfEdges.length && halfEdges[j] >>> 1 == key) {
                forward += (int) (halfEdges[j] & 1);
                j++;
            }
            int uses = j - i;
            edges++;
            if (uses == 1) {
                boundary++;
            } else if (uses > 2) {
                nonManifold++;
            } else if (forward != 1) {
                misoriented++;
            }
            i = j;
        }
        return new MeshTopology(edges, boundary, nonManifold, misoriented, degenerate(mesh), shells(mesh));
    }

    static long degenerate(Mesh mesh) {
        int[] t = mesh.triangles();
        float[] v = mesh.vertices();
        long count = 0;
        double[] n2 = new double[3];
        for (int n = 0; n < t.length; n += 3) {
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
    }

    /** Connected pieces, counting vertices joined by triangle edges (unused vertices ignored). */
    static int shells(Mesh mesh) {
        int[] parent = new int[mesh.vertexCount()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int[] t = mesh.triangles();
        boolean[] used = new boolean[parent.length];
        for (int n = 0; n < t.length; n += 3) {
            union(parent, t[n], t[n + 1]);
            union(parent, t[n + 1], t[n + 2]);
            used[t[n]] = used[t[n + 1]] = used[t[n + 2]] = true;
        }
        int shells = 0;
        for (int i = 0; i < parent.length; i++) {
            if (used[i] && find(parent, i) == i) {
                shells++;
            }
        }
        return shells;
    }

    static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
