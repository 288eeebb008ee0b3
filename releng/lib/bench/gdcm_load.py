"""GDCM's codecs in one process (Debian python3-gdcm): read and decode every file of a folder,
the native decoding speed that gdcmconv's per-file process start hides."""
import glob
import sys
import time

import gdcm

start = time.time()
decoded = 0
for f in sorted(glob.glob(sys.argv[1] + "/*")):
    reader = gdcm.ImageReader()
    reader.SetFileName(f)
    if reader.Read():
        decoded += len(reader.GetImage().GetBuffer())
print("[twinprint] stage load: %d ms" % ((time.time() - start) * 1000))
print("decoded bytes", decoded)
