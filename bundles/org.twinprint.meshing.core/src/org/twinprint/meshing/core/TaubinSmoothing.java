package org.twinprint.meshing.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.util.Parallel;

/**
 * Taubin's λ|μ smoothing: a shrinking Laplacian step followed by an inflating one, so the
 * staircase of voxels is smoothed away while the enclosed volume stays nearly the same. Only
 * vertex positions change: a closed, manifold, oriented mesh stays so.
 */
@Component(service = MeshFilter.class)
public final class TaubinSmoothing implements MeshFilter {

    static final double LAMBDA = 0.5;
    static final double MU = -0.53;

    @Override
    public String id() {
        return "mesh.smooth";
    }

    @Override
    public String label() {
        return "Smooth (volume-preserving)";
    }

    @Override
    public String description() {
        return "Taubin lambda/mu smoothing: removes voxel steps without shrinking the model.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.integer("iterations", "Iterations", 10, 0, 500, "",
                "Pairs of smoothing steps; more is smoother."));
    }

    @Override
    public Mesh apply(Mesh input, Parameters parameters, Progress progress) {
        return smooth(input, (int) parameters.integer("iterations"), progress);
    }

    public static Mesh smooth(Mesh input, int iterations, Progress progress) {
        VertexNeighbours nb = VertexNeighbours.of(input.vertexCount(), input.triangles());
        List<Object> made = Parallel.makeAll(() -> input.vertices().clone(), () -> new float[input.vertices().length],
                () -> new float[input.vertexCount()]);
        float[] a = (float[]) made.get(0), b = (float[]) made.get(1);
        // 1 / (number of neighbours), worked out once rather than divided in every step
        float[] perNeighbour = (float[]) made.get(2);
        Parallel.forEachBlock(perNeighbour.length, 1 << 16, (first, last) -> {
            for (int v = first; v < last; v++) {
                int count = nb.offsets[v + 1] - nb.offsets[v];
                perNeighbour[v] = count == 0 ? 0 : 1f / count;
            }
        });
        progress.begin("Smoothing " + input.name(), Math.max(1, iterations));
        for (int it = 0; it < iterations; it++) {
            progress.checkCanceled();
            step(nb, perNeighbour, a, b, LAMBDA);
            step(nb, perNeighbour, b, a, MU);
            progress.worked(1);
        }
        Mesh smooth = new Mesh(input.name(), input.rgb(), a, input.triangles());
        VolumeRestore.restore(input.volumeMm3(), smooth, b); // b is free now
        return smooth;
    }

    /** out = in + factor * (mean of neighbours - in), in parallel over vertices. */
    private static void step(VertexNeighbours nb, float[] perNeighbour, float[] in, float[] out, double factor) {
        int n = in.length / 3;
        int[] offsets = nb.offsets, neighbours = nb.neighbours;
        float f = (float) factor;
        Parallel.forEachBlock(n, 4096, (first, last) -> {
            for (int v = first; v < last; v++) {
                int from = offsets[v], to = offsets[v + 1];
                int p = 3 * v;
                float x = in[p], y = in[p + 1], z = in[p + 2];
                if (from == to) {
                    out[p] = x;
                    out[p + 1] = y;
                    out[p + 2] = z;
                    continue;
                }
                float sx = 0, sy = 0, sz = 0;
                int k = from;
                for (; k + 1 < to; k += 2) { // two neighbours a turn: half the loop overhead in the quick JIT
                    int w = 3 * neighbours[k], u = 3 * neighbours[k + 1];
                    sx += in[w];
                    sy += in[w + 1];
                    sz += in[w + 2];
                    sx += in[u];
                    sy += in[u + 1];
                    sz += in[u + 2];
                }
                if (k < to) {
                    int w = 3 * neighbours[k];
                    sx += in[w];
                    sy += in[w + 1];
                    sz += in[w + 2];
                }
                float inv = perNeighbour[v];
                out[p] = x + f * (sx * inv - x);
                out[p + 1] = y + f * (sy * inv - y);
                out[p + 2] = z + f * (sz * inv - z);
            }
        });
    }
}
