package org.twinprint.vtk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vtk.vtkActor;
import vtk.vtkPolyDataMapper;
import vtk.vtkRenderWindow;
import vtk.vtkRenderer;
import vtk.vtkSphereSource;
import vtk.vtkUnsignedCharArray;

/** VTK renders off screen inside OSGi when there is a display (releng/test runs under Xvfb). */
class RenderingTest {

    @Test
    void rendersASphereOffScreen() {
        VtkRuntime.load();
        if (!VtkRuntime.displayAvailable()) {
            return; // nothing to render on; the guard itself is tested in VtkRuntimeTest
        }
        assertTrue(!VtkRuntime.unavailableLibraries().contains("vtkRenderingOpenGL2Java"),
                VtkRuntime.unavailableLibraries().toString());
        vtkSphereSource sphere = new vtkSphereSource();
        vtkPolyDataMapper mapper = new vtkPolyDataMapper();
        mapper.SetInputConnection(sphere.GetOutputPort());
        vtkActor actor = new vtkActor();
        actor.SetMapper(mapper);
        actor.GetProperty().SetColor(1, 0, 0);
        vtkRenderer renderer = new vtkRenderer();
        renderer.AddActor(actor);
        vtkRenderWindow window = new vtkRenderWindow();
        window.SetOffScreenRendering(1);
        window.AddRenderer(renderer);
        window.SetSize(64, 64);
        window.Render();
        vtkUnsignedCharArray rgba = new vtkUnsignedCharArray();
        window.GetRGBACharPixelData(0, 0, 63, 63, 0, rgba, 0);
        byte[] p = rgba.GetJavaArray();
        int centre = (32 * 64 + 32) * 4;
        assertTrue((p[centre] & 0xff) > 100, "the sphere's red in the middle");
        assertEquals(0, p[4 * 0] & 0xff, "black background in the corner");
        window.Finalize();
    }
}
