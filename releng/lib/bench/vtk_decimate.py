"""VTK's side of the reduction benchmark: vtkQuadricDecimation of an STL surface to half."""
import sys
import time

import vtk

reader = vtk.vtkSTLReader()
reader.SetFileName(sys.argv[1])
reader.Update()
start = time.time()
d = vtk.vtkQuadricDecimation()
d.SetInputData(reader.GetOutput())
d.SetTargetReduction(0.5)
d.Update()
print("[twinprint] stage vtkQuadricDecimation: %d ms" % ((time.time() - start) * 1000))
w = vtk.vtkSTLWriter()
w.SetFileName(sys.argv[2])
w.SetInputData(d.GetOutput())
w.SetFileTypeToBinary()
w.Write()
