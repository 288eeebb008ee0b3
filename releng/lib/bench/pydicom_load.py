"""pydicom's side of the load benchmark: read every file of a series folder, order the slices
along their normal, decode and rescale them into one int16 volume, as TwinPrint does. Prints the
time after interpreter start-up and a checksum to compare with TwinPrint's."""
import glob
import sys
import time

import numpy as np
import pydicom

start = time.time()
datasets = [pydicom.dcmread(f) for f in sorted(glob.glob(sys.argv[1] + "/*"))]
datasets = [d for d in datasets if "PixelData" in d]
iop = np.array(datasets[0].ImageOrientationPatient, dtype=float)
normal = np.cross(iop[:3], iop[3:])
datasets.sort(key=lambda d: float(np.dot(np.array(d.ImagePositionPatient, dtype=float), normal)))
volume = np.empty((len(datasets), datasets[0].Rows, datasets[0].Columns), dtype=np.int16)
for k, d in enumerate(datasets):
    volume[k] = d.pixel_array * float(d.RescaleSlope) + float(d.RescaleIntercept)
print("[twinprint] stage load: %d ms" % ((time.time() - start) * 1000))
print("sum of HU", int(volume.astype(np.int64).sum()))
