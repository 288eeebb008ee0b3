package org.twinprint.segmentation.core;

import java.util.Arrays;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.spi.Progress;

/**
 * The 26-connected (or 6-connected) islands of one label in a label map. Works on runs of voxels
 * along x rather than on voxels: each run is joined (union-find) to the runs it touches in the
 * rows already scanned, so memory grows with the number of runs, not with the volume, and voxels
 * are only touched once to find the runs and once to clear what is dropped.
 */
final class ConnectedComponents {

    /**
     * The runs of the label, row by row (row = k * ny + j, runs of row r at indices
     * {@code rowStart[r] .. rowStart[r + 1]}), each run's island id (1-based, numbered in the order
     * of their first voxel) and each island's size in voxels (index = id).
     */
    record Result(int nx, int[] rowStart, int[] runFrom, int[] runTo, int[] runIsland, long[] sizes) {

        int largest() {
            int best = 0;
            for (int id = 1; id < sizes.length; id++) {
                if (best == 0 || sizes[id] > sizes[best]) {
                    best = id;
                }
            }
            return best;
        }

        /** Island id of the voxel at a linear index, 0 when the voxel is not in the label. */
        int islandAt(int index) {
            int row = index / nx, x = index % nx;
            for (int r = rowStart[row]; r < rowStart[row + 1]; r++) {
                if (runFrom[r] <= x && x < runTo[r]) {
                    return runIsland[r];
                }
            }
            return 0;
        }

        /** Sets the voxels of islands not kept to 0; returns the voxels left in the label. */
        long keepOnly(byte[] labels, boolean[] keep) {
            long kept = 0;
            for (int row = 0; row + 1 < rowStart.length; row++) {
                for (int r = rowStart[row]; r < rowStart[row + 1]; r++) {
                    if (keep[runIsland[r]]) {
                        kept += runTo[r] - runFrom[r];
                    } else {
                        Arrays.fill(labels, row * nx + runFrom[r], row * nx + runTo[r], (byte) 0);
                    }
                }
            }
            return kept;
        }
    }

    private ConnectedComponents() {
    }

    /** Slices per slab: slabs find and join their runs in parallel, then are joined to each other. */
    private static final int SLAB = 8;

    static Result of(byte[] labels, byte label, Geometry g, boolean full26, Progress progress) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        int rows = ny * nz;
        int reach = full26 ? 1 : 0;
        int slabs = (nz + SLAB - 1) / SLAB;
        Slab[] parts = new Slab[slabs];
        progress.begin("Finding islands", nz);
        int batch = 4 * Runtime.getRuntime().availableProcessors();
        for (int first = 0; first < slabs; first += batch) {
            progress.checkCanceled();
            int last = Math.min(slabs, first + batch);
            java.util.stream.IntStream.range(first, last).parallel().forEach(s -> parts[s] = new Slab(labels, label,
                    nx, ny, s * SLAB, Math.min(nz, (s + 1) * SLAB), reach));
            progress.worked(Math.min(nz, last * SLAB) - first * SLAB);
        }
        // the slabs side by side: run indices shift by the runs of the slabs before
        int runs = 0;
        for (Slab slab : parts) {
            runs += slab.runs;
        }
        int[] rowStart = new int[rows + 1];
        int[] from = new int[runs], to = new int[runs], parent = new int[runs];
        int offset = 0;
        for (Slab slab : parts) {
            System.arraycopy(slab.from, 0, from, offset, slab.runs);
            System.arraycopy(slab.to, 0, to, offset, slab.runs);
            for (int r = 0; r < slab.runs; r++) {
                parent[offset + r] = offset + slab.parent[r];
            }
            for (int r = 0; r < slab.rowStart.length; r++) {
                rowStart[slab.firstRow + r] = offset + slab.rowStart[r];
            }
            offset += slab.runs;
        }
        rowStart[rows] = runs;
        // join each slab's first slice to the slice before it
        for (int s = 1; s < slabs; s++) {
            int k = s * SLAB;
            for (int j = 0; j < ny; j++) {
                int row = k * ny + j;
                for (int dj = -reach; dj <= reach; dj++) {
                    int jj = j + dj;
                    if (jj >= 0 && jj < ny) {
                        join(rowStart, (k - 1) * ny + jj, row, rowStart[row + 1], from, to, parent, reach);
                    }
                }
            }
        }
        // number islands by their first run (the root, as unions keep the smaller index)
        int[] island = new int[runs];
        long[] sizes = new long[16];
        int islands = 0;
        for (int r = 0; r < runs; r++) {
            int root = find(parent, r);
            if (root == r) {
                islands++;
                if (islands == sizes.length) {
                    sizes = Arrays.copyOf(sizes, sizes.length * 2);
                }
                island[r] = islands;
            } else {
                island[r] = island[root];
            }
            sizes[island[r]] += to[r] - from[r];
        }
        return new Result(nx, rowStart, from, to, island, Arrays.copyOf(sizes, islands + 1));
    }

    /** The runs of slices [k0, k1), joined among themselves; run indices are local to the slab. */
    private static final class Slab {
        final int firstRow;
        final int[] rowStart;
        int[] from = new int[1 << 10], to = new int[1 << 10], parent = new int[1 << 10];
        int runs;

        Slab(byte[] labels, byte label, int nx, int ny, int k0, int k1, int reach) {
            firstRow = k0 * ny;
            rowStart = new int[(k1 - k0) * ny];
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < ny; j++) {
                    int row = k * ny + j, local = row - firstRow;
                    rowStart[local] = runs;
                    int base = row * nx;
                    for (int x = 0; x < nx; x++) {
                        if (labels[base + x] != label) {
                            continue;
                        }
                        int end = x + 1;
                        while (end < nx && labels[base + end] == label) {
                            end++;
                        }
                        if (runs == from.length) {
                            from = Arrays.copyOf(from, runs * 2);
                            to = Arrays.copyOf(to, runs * 2);
                            parent = Arrays.copyOf(parent, runs * 2);
                        }
                        from[runs] = x;
                        to[runs] = end;
                        parent[runs] = runs;
                        runs++;
                        x = end;
                    }
                    // join with the touching runs of rows already scanned in this slab
                    if (j > 0) {
                        join(rowStart, local - 1, local, runs, from, to, parent, reach);
                    }
                    if (k > k0) {
                        for (int dj = -reach; dj <= reach; dj++) {
                            int jj = j + dj;
                            if (jj >= 0 && jj < ny) {
                                join(rowStart, local - ny + dj, local, runs, from, to, parent, reach);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Unions the runs of {@code row} (its runs end at {@code rowEnd}) with the runs of an earlier
     * row they touch: overlapping in x, or with {@code reach} 1 also meeting corner to corner.
     */
    private static void join(int[] rowStart, int earlier, int row, int rowEnd, int[] from, int[] to, int[] parent,
            int reach) {
        int a = rowStart[earlier], aEnd = rowStart[earlier + 1];
        int b = rowStart[row];
        while (a < aEnd && b < rowEnd) {
            if (from[a] < to[b] + reach && from[b] < to[a] + reach) {
                union(parent, a, b);
            }
            // advance whichever run ends first
            if (to[a] < to[b]) {
                a++;
            } else {
                b++;
            }
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
