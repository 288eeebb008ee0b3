"""The peer for 'implant cranial': the same mirroring with SciPy on the whole grid.

Signed distance of the skull (two exact EDTs), sampled trilinearly at the mirror image of every
voxel across the plane TwinPrint found (read from its report), less the skull. No plane search,
no defect search, no shaping and no mesh: the core step only, so the comparison flatters the peer.
Usage: scipy_mirror.py skull.nii.gz implant.json
"""
import json
import sys
import time

import nibabel as nib
import numpy as np
from scipy import ndimage

start = time.time()
img = nib.load(sys.argv[1])
skull = np.asarray(img.dataobj) > 0
loaded = time.time()
h = np.array(img.header.get_zooms()[:3], dtype=float)
sdf = ndimage.distance_transform_edt(~skull, sampling=h) - ndimage.distance_transform_edt(skull, sampling=h)
plane = json.load(open(sys.argv[2]))["symmetryPlane"]
# TwinPrint's LPS of a voxel of this file (no orientation stored): x = -i h, y = -j h, z = k h
flip = np.array([-1.0, -1.0, 1.0])
n = np.array(plane["normal"]) * flip  # the plane in index space, scaled by the spacing
p0 = np.array(plane["pointMm"]) * flip
idx = np.indices(skull.shape, dtype=np.float32).reshape(3, -1)
mm = idx * h[:, None]
d = (n[:, None] * (mm - p0[:, None])).sum(axis=0)
mirrored_idx = (mm - 2 * n[:, None] * d) / h[:, None]
mirrored = ndimage.map_coordinates(sdf, mirrored_idx, order=1, cval=1e9).reshape(skull.shape) < 0
implant = mirrored & ~skull
print("load %.1f s, mirror %.1f s, %d voxels" % (loaded - start, time.time() - loaded, implant.sum()))
