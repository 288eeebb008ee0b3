package org.twinprint.meshing.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.util.Parallel;

/**
 * Repairs that are safe for a print: drops tiny separate shells (loose voxel crumbs that would
 * print as dust) and closes small holes with a fan of triangles. Everything it does is counted.
 */
@Component(service = MeshFilter.class)
public final class MeshRepair implements MeshFilter {

    /** Vertices or triangles per block of the parallel loops. */
    private static final int BLOCK = 1 << 16;

    /**
     * The repaired mesh, what was done to it, and the repaired mesh's topology as its file will be
     * read (what {@link MeshTopology#of} says of it, worked out from what the repair already knows).
     */
    public record Result(Mesh mesh, int shellsRemoved, double volumeRemovedMm3, int holesFilled, int holesLeft,
            MeshTopology topology) {

        public String summary() {
            return String.format(Locale.ROOT,
                    "removed %d tiny shells (%.2f mm³), filled %d small holes, %d larger holes left", shellsRemoved,
                    volumeRemovedMm3, holesFilled, holesLeft);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("shellsRemoved", shellsRemoved);
            m.put("volumeRemovedMm3", volumeRemovedMm3);
            m.put("holesFilled", holesFilled);
            m.put("holesLeft", holesLeft);
            return m;
        }
    }

    @Override
    public String id() {
        return "mesh.repair";
    }

    @Override
    public String label() {
        return "Repair (tiny shells, small holes)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number("min-shell-volume", "Smallest shell", 1, 0, 1e9, "mm³",
                        "Separate pieces enclosing less than this are removed."),
                ParameterSpec.integer("max-hole-edges", "Largest hole", 30, 0, 100_000, "edges",
                        "Holes bounded by at most this many edges are closed."));
    }

    @Override
    public Mesh apply(Mesh input, Parameters p, Progress progress) {
        return repair(input, p.number("min-shell-volume"), (int) p.integer("max-hole-edges")).mesh();
    }

    public static Result repair(Mesh input, double minShellVolume, int maxHoleEdges) {
        int[] t = PositionWelding.weldedTriangles(input);
        float[] v = input.vertices();
        int nv = input.vertexCount();
        // shells, each named by its lowest vertex, then each shell's signed volume
        int[] parent = ShellRoots.of(nv, t);
        int nt = t.length / 3;
        List<Object> made = Parallel.makeAll(() -> new double[nt], () -> new int[nt], () -> new double[nv],
                () -> new boolean[nv], () -> new boolean[nv]); // on both cores: fresh memory costs its zeroing
        double[] faceVolume = (double[]) made.get(0), shellVolume = (double[]) made.get(2);
        int[] root = (int[]) made.get(1);
        boolean[] hasTriangles = (boolean[]) made.get(3), drop = (boolean[]) made.get(4);
        Parallel.forEachBlock(nt, BLOCK, (first, last) -> {
            for (int face = first, f = 3 * first; face < last; face++, f += 3) {
                root[face] = parent[t[f]];
                faceVolume[face] = signedVolume(v, t, f);
            }
        });
        // one pass in triangle order: each shell's volume summed as a single pass would, and its root noted
        int[] roots = new int[16];
        int shells = 0;
        for (int face = 0; face < nt; face++) {
            int r = root[face];
            shellVolume[r] += faceVolume[face];
            if (!hasTriangles[r]) {
                hasTriangles[r] = true;
                if (shells == roots.length) {
                    roots = java.util.Arrays.copyOf(roots, 2 * shells);
                }
                roots[shells++] = r;
            }
        }
        java.util.Arrays.sort(roots, 0, shells); // shells are looked at in vertex order
        int removedShells = 0;
        double removedVolume = 0;
        for (int i = 0; i < shells; i++) {
            int r = roots[i];
            if (Math.abs(shellVolume[r]) < minShellVolume && shells - removedShells > 1) {
                drop[r] = true;
                removedShells++;
                removedVolume += Math.abs(shellVolume[r]);
            }
        }
        int[] tri = removedShells == 0 ? t : kept(t, root, drop);
        // holes: half-edges a -> b without a b -> a, followed as loops
        HalfEdges half = HalfEdges.of(nv, tri);
        List<int[]> open = openEdges(half, nv);
        Holes holes = open.isEmpty() ? new Holes() : Holes.close(open, v, nv, maxHoleEdges);
        List<int[]> fills = holes.fills;
        List<Float> newVertices = holes.newVertices;
        // meshes are not changed once made, so with nothing filled the arrays are shared, not copied
        float[] outV = newVertices.isEmpty() ? v : java.util.Arrays.copyOf(v, v.length + newVertices.size());
        for (int i = 0; i < newVertices.size(); i++) {
            outV[v.length + i] = newVertices.get(i);
        }
        int[] outT = fills.isEmpty() ? tri : java.util.Arrays.copyOf(tri, tri.length + 3 * fills.size());
        for (int i = 0; i < fills.size(); i++) {
            System.arraycopy(fills.get(i), 0, outT, tri.length + 3 * i, 3);
        }
        Mesh repaired = new Mesh(input.name(), input.rgb(), outV, outT);
        // without fills the triangles are the welded ones whose half-edges and shells are known here
        // (each corner is the first vertex at its position, so welding again would change nothing)
        MeshTopology topology = fills.isEmpty() ? MeshTopology.of(half, repaired, shells - removedShells)
                : MeshTopology.of(repaired);
        return new Result(repaired, removedShells, removedVolume, holes.filled, holes.left, topology);
    }

    /** Small holes closed by a fan around their centre; the larger ones counted. */
    private static final class Holes {
        final List<int[]> fills = new ArrayList<>();
        final List<Float> newVertices = new ArrayList<>();
        int filled;
        int left;

        /** Follows the open half-edges as loops; new vertices are numbered from nv on. */
        static Holes close(List<int[]> open, float[] v, int nv, int maxHoleEdges) {
            int[] next = new int[nv]; // boundary edge a -> b, kept as b -> a so the fill faces out
            java.util.Arrays.fill(next, -1);
            for (int[] e : open) {
                next[e[1]] = e[0];
            }
            Holes h = new Holes();
            boolean[] done = new boolean[nv];
            List<Integer> loop = new ArrayList<>();
            for (int startVertex = 0; startVertex < nv; startVertex++) {
                if (next[startVertex] < 0 || done[startVertex]) {
                    continue;
                }
                loop.clear();
                int cur = startVertex;
                while (cur >= 0 && !done[cur]) {
                    done[cur] = true;
                    loop.add(cur);
                    cur = next[cur];
                }
                if (cur != startVertex || loop.size() > maxHoleEdges || loop.size() < 3) {
                    h.left++;
                    continue;
                }
                double cx = 0, cy = 0, cz = 0;
                for (int w : loop) {
                    cx += v[3 * w];
                    cy += v[3 * w + 1];
                    cz += v[3 * w + 2];
                }
                int centre = nv + h.newVertices.size() / 3;
                h.newVertices.add((float) (cx / loop.size()));
                h.newVertices.add((float) (cy / loop.size()));
                h.newVertices.add((float) (cz / loop.size()));
                for (int i = 0; i < loop.size(); i++) {
                    h.fills.add(new int[] { loop.get(i), loop.get((i + 1) % loop.size()), centre });
                }
                h.filled++;
            }
            return h;
        }
    }

    /** The triangles whose shell is not dropped, in order; blocks are counted first, then all written at once. */
    private static int[] kept(int[] t, int[] root, boolean[] drop) {
        int nt = root.length;
        int[] keptStart = Parallel.offsets(Parallel.mapBlocks(nt, BLOCK, (first, last) -> {
            int n = 0;
            for (int face = first; face < last; face++) {
                n += drop[root[face]] ? 0 : 1;
            }
            return n;
        }));
        int[] tri = new int[3 * keptStart[keptStart.length - 1]];
        Parallel.forEachBlock(nt, BLOCK, (first, last) -> {
            int n = 3 * keptStart[first / BLOCK];
            for (int face = first, f = 3 * first; face < last; face++, f += 3) {
                if (!drop[root[face]]) {
                    tri[n++] = t[f];
                    tri[n++] = t[f + 1];
                    tri[n++] = t[f + 2];
                }
            }
        });
        return tri;
    }

    /**
     * Half-edges a → b without a b → a, in vertex order; found in parallel blocks of vertices. A
     * closed, consistently oriented mesh has none, and one look at its edges says so.
     */
    private static List<int[]> openEdges(HalfEdges half, int nv) {
        if (half.pairedOnce()) {
            return List.of();
        }
        List<int[]> all = new ArrayList<>();
        Parallel.mapBlocks(nv, BLOCK, (first, last) -> {
            List<int[]> open = new ArrayList<>();
            for (int a = first; a < last; a++) {
                for (int k = half.offsets[a]; k < half.offsets[a + 1]; k++) {
                    int b = half.targets[k];
                    if (!half.contains(b, a)) {
                        open.add(new int[] { a, b });
                    }
                }
            }
            return open;
        }).forEach(all::addAll);
        return all;
    }

    private static double signedVolume(float[] v, int[] t, int f) {
        int a = 3 * t[f], b = 3 * t[f + 1], c = 3 * t[f + 2];
        return (v[a] * (v[b + 1] * (double) v[c + 2] - v[b + 2] * (double) v[c + 1])
                - v[a + 1] * (v[b] * (double) v[c + 2] - v[b + 2] * (double) v[c])
                + v[a + 2] * (v[b] * (double) v[c + 1] - v[b + 1] * (double) v[c])) / 6;
    }
}
