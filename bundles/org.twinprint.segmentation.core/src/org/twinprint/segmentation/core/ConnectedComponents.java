package org.twinprint.segmentation.core;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.spi.Progress;

/**
 * Labels the 26-connected (or 6-connected) islands of one label in a label map with a breadth
 * first flood fill on an int queue: no recursion, no per-voxel objects.
 */
final class ConnectedComponents {

    /** Island id of each voxel (0 = not in the label), and the size of each island (index = id). */
    record Result(int[] islandOf, long[] sizes) {

        int largest() {
            int best = 0;
            for (int id = 1; id < sizes.length; id++) {
                if (best == 0 || sizes[id] > sizes[best]) {
                    best = id;
                }
            }
            return best;
        }
    }

    private ConnectedComponents() {
    }

    static Result of(byte[] labels, byte label, Geometry g, boolean full26, Progress progress) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int[] islandOf = new int[labels.length];
        int[] queue = new int[1 << 16];
        long[] sizes = new long[16];
        int islands = 0;
        progress.begin("Finding islands", nz);
        int sliceSize = nx * ny;
        for (int start = 0; start < labels.length; start++) {
            if (start % sliceSize == 0) {
                progress.checkCanceled();
                progress.worked(1);
            }
            if (labels[start] != label || islandOf[start] != 0) {
                continue;
            }
            islands++;
            if (islands == sizes.length) {
                sizes = java.util.Arrays.copyOf(sizes, sizes.length * 2);
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            islandOf[start] = islands;
            long size = 0;
            while (head < tail) {
                int n = queue[head++];
                size++;
                int i = n % nx;
                int j = (n / nx) % ny;
                int k = n / sliceSize;
                for (int dk = -1; dk <= 1; dk++) {
                    int kk = k + dk;
                    if (kk < 0 || kk >= nz) {
                        continue;
                    }
                    for (int dj = -1; dj <= 1; dj++) {
                        int jj = j + dj;
                        if (jj < 0 || jj >= ny) {
                            continue;
                        }
                        for (int di = -1; di <= 1; di++) {
                            int ii = i + di;
                            if (ii < 0 || ii >= nx || (!full26 && Math.abs(di) + Math.abs(dj) + Math.abs(dk) != 1)) {
                                continue;
                            }
                            int m = (kk * ny + jj) * nx + ii;
                            if (labels[m] == label && islandOf[m] == 0) {
                                islandOf[m] = islands;
                                if (tail == queue.length) {
                                    // compact the consumed head before growing
                                    System.arraycopy(queue, head, queue, 0, tail - head);
                                    tail -= head;
                                    head = 0;
                                    if (tail == queue.length) {
                                        queue = java.util.Arrays.copyOf(queue, queue.length * 2);
                                    }
                                }
                                queue[tail++] = m;
                            }
                        }
                    }
                }
            }
            sizes[islands] = size;
        }
        return new Result(islandOf, java.util.Arrays.copyOf(sizes, islands + 1));
    }
}
