package org.twinprint.meshing.vtk;

import org.twinprint.core.model.Geometry;

/** The bounding box of one label, and the label as a 0/1 mask cropped to it with a one-voxel border. */
final class VoxelBox {

    private VoxelBox() {
    }

    /** {i0, j0, k0, i1, j1, k1} inclusive, or null when the label is absent. */
    static int[] of(byte[] labels, byte label, Geometry g) {
        int nx = g.nx(), ny = g.ny(), nz = g.nz();
        int[] box = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1 };
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                int row = (k * ny + j) * nx;
                for (int i = 0; i < nx; i++) {
                    if (labels[row + i] == label) {
                        box[0] = Math.min(box[0], i);
                        box[3] = Math.max(box[3], i);
                        box[1] = Math.min(box[1], j);
                        box[4] = Math.max(box[4], j);
                        box[2] = Math.min(box[2], k);
                        box[5] = Math.max(box[5], k);
                    }
                }
            }
        }
        return box[3] < 0 ? null : box;
    }

    static byte[] paddedMask(byte[] labels, byte label, Geometry g, int[] box) {
        int mx = box[3] - box[0] + 3, my = box[4] - box[1] + 3, mz = box[5] - box[2] + 3;
        byte[] mask = new byte[mx * my * mz];
        for (int k = box[2]; k <= box[5]; k++) {
            for (int j = box[1]; j <= box[4]; j++) {
                int src = (k * g.ny() + j) * g.nx();
                int dst = ((k - box[2] + 1) * my + (j - box[1] + 1)) * mx + 1;
                for (int i = box[0]; i <= box[3]; i++) {
                    mask[dst + i - box[0]] = labels[src + i] == label ? (byte) 1 : 0;
                }
            }
        }
        return mask;
    }
}
