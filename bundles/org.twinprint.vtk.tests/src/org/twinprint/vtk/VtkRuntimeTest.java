package org.twinprint.vtk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vtk.vtkDiscreteFlyingEdges3D;
import vtk.vtkImageData;
import vtk.vtkMassProperties;
import vtk.vtkShortArray;

/** Debian's VTK works inside OSGi without a display: surface a voxel sphere and measure it. */
class VtkRuntimeTest {

    @Test
    void surfaceOfAVoxelSphereEnclosesTheSphereVolume() {
        VtkRuntime.load();
        int n = 64;
        double spacing = 0.5; // mm
        double radius = 12.0; // mm
        vtkImageData image = new vtkImageData();
        image.SetDimensions(n, n, n);
        image.SetSpacing(spacing, spacing, spacing);
        image.SetOrigin(0, 0, 0);
        short[] labels = new short[n * n * n];
        double c = (n - 1) * spacing / 2;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double dx = i * spacing - c, dy = j * spacing - c, dz = k * spacing - c;
                    labels[(k * n + j) * n + i] = (short) (dx * dx + dy * dy + dz * dz <= radius * radius ? 1 : 0);
                }
            }
        }
        vtkShortArray scalars = new vtkShortArray();
        scalars.SetJavaArray(labels);
        image.GetPointData().SetScalars(scalars);

        vtkDiscreteFlyingEdges3D surface = new vtkDiscreteFlyingEdges3D();
        surface.SetInputData(image);
        surface.SetValue(0, 1);
        surface.Update();
        vtkMassProperties mass = new vtkMassProperties();
        mass.SetInputData(surface.GetOutput());
        mass.Update();

        double sphere = 4.0 / 3.0 * Math.PI * radius * radius * radius;
        assertTrue(surface.GetOutput().GetNumberOfCells() > 1000);
        assertEquals(sphere, mass.GetVolume(), sphere * 0.03, "discrete surface of a 12 mm sphere");
    }

    @Test
    void displayCheckReadsTheXSocketNotJustTheVariable() {
        assertFalse(VtkRuntime.displayAvailable(null));
        assertFalse(VtkRuntime.displayAvailable(""));
        assertFalse(VtkRuntime.displayAvailable(":4242"), "no X server listens on display 4242");
    }
}
