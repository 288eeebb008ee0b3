package org.twinprint.meshing.vtk;

import org.twinprint.core.model.Geometry;

/** The bounding box of one label, and the label as a 0/1 mask cropped to it with a one-voxel border. */
final class VoxelBox {

    private VoxelBox() {
    }

    /** {i0, j0, k0, i1, j1, k1} inclusive, or null when the label is absent. */
    static int[] of(byte[] labels, byte label, Geometry g) {
        int nx = g.nx(), ny = g.ny();
        // slices in parallel; a row is read from its start to the first hit and from its end to the last
        return java.util.stream.IntStream.range(0, g.nz()).parallel().mapToObj(k -> {
            int[] box = { Integer.MAX_VALUE, Integer.MAX_VALUE, k, -1, -1, k };
            for (int j = 0; j < ny; j++) {
                int row = (k * ny + j) * nx;
                int first = 0;
                while (first < nx && labels[row + first] != label) {
                    first++;
                }
                if (first == nx) {
                    continue;
                }
                int last = nx - 1;
                while (labels[row + last] != label) {
                    last--;
                }
                box[0] = Math.min(box[0], first);
                box[3] = Math.max(box[3], last);
                box[1] = Math.min(box[1], j);
                box[4] = Math.max(box[4], j);
            }
            return box[3] < 0 ? null : box;
        }).filter(java.util.Objects::nonNull).reduce((a, b) -> new int[] { Math.min(a[0], b[0]),
                Math.min(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3]), Math.max(a[4], b[4]),
                Math.max(a[5], b[5]) }).orElse(null);
    }

    static byte[] paddedMask(byte[] labels, byte label, Geometry g, int[] box) {
        int mx = box[3] - box[0] + 3, my = box[4] - box[1] + 3, mz = box[5] - box[2] + 3;
        byte[] mask = new byte[mx * my * mz];
        // the box's ends in locals: the quick JIT would read them from the array at every voxel
        int i0 = box[0], i1 = box[3], j0 = box[1], j1 = box[4], k0 = box[2], nx = g.nx(), ny = g.ny();
        java.util.stream.IntStream.rangeClosed(k0, box[5]).parallel().forEach(k -> {
            for (int j = j0; j <= j1; j++) {
                int src = (k * ny + j) * nx;
                int dst = ((k - k0 + 1) * my + (j - j0 + 1)) * mx + 1 - i0;
                for (int i = i0; i <= i1; i++) {
                    mask[dst + i] = labels[src + i] == label ? (byte) 1 : 0;
                }
            }
        });
        return mask;
    }
}
