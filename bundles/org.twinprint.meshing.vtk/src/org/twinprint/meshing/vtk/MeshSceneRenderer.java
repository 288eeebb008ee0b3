package org.twinprint.meshing.vtk;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Mesh;
import org.twinprint.vtk.VtkRuntime;

import vtk.vtkActor;
import vtk.vtkCamera;
import vtk.vtkCellArray;
import vtk.vtkFloatArray;
import vtk.vtkIntArray;
import vtk.vtkPoints;
import vtk.vtkPolyData;
import vtk.vtkPolyDataMapper;
import vtk.vtkPolyDataNormals;
import vtk.vtkRenderWindow;
import vtk.vtkRenderer;
import vtk.vtkUnsignedCharArray;

/**
 * Renders meshes off screen with VTK and hands back the pixels, so any toolkit can show them.
 * Each mesh has a full and an optional light version: the light one is drawn while the user moves
 * the camera (level of detail). Needs an X display (checked first: VTK would abort the JVM).
 * Not thread-safe: use it from one thread.
 */
public final class MeshSceneRenderer {

    /**
     * A mesh to draw: its full and light versions, colour and visibility; {@code vertexRgb}, when
     * not null, colours the full mesh vertex by vertex (a fit or deviation map) and is always drawn.
     */
    public record Item(Mesh full, Mesh light, int rgb, boolean visible, int[] vertexRgb) {

        public Item(Mesh full, Mesh light, int rgb, boolean visible) {
            this(full, light, rgb, visible, null);
        }
    }

    private final vtkRenderWindow window;
    private final vtkRenderer renderer;
    private final Map<Mesh, vtkActor> actors = new IdentityHashMap<>();
    private final Map<int[], vtkActor> mapped = new IdentityHashMap<>();
    private boolean cameraSet;

    public MeshSceneRenderer() {
        VtkRuntime.load(); // before any VTK object: their natives come with the libraries
        VtkRuntime.requireDisplay("The 3D view");
        window = new vtkRenderWindow();
        renderer = new vtkRenderer();
        window.SetOffScreenRendering(1);
        window.AddRenderer(renderer);
        renderer.SetBackground(0.12, 0.13, 0.16);
        renderer.SetBackground2(0.32, 0.34, 0.40);
        renderer.GradientBackgroundOn();
    }

    /** Draws the items, light versions if {@code interactive}; returns RGB pixels, top row first. */
    public int[] render(List<Item> items, boolean interactive, int width, int height) {
        renderer.RemoveAllViewProps();
        boolean any = false;
        for (Item item : items) {
            if (!item.visible()) {
                continue;
            }
            if (item.vertexRgb() != null && item.vertexRgb().length == item.full().vertexCount()) {
                renderer.AddActor(mapped.computeIfAbsent(item.vertexRgb(), c -> colouredActor(item.full(), c)));
                any = true;
                continue;
            }
            Mesh m = interactive && item.light() != null ? item.light() : item.full();
            vtkActor actor = actors.computeIfAbsent(m, MeshSceneRenderer::actor);
            actor.GetProperty().SetColor((item.rgb() >> 16 & 0xff) / 255.0, (item.rgb() >> 8 & 0xff) / 255.0,
                    (item.rgb() & 0xff) / 255.0);
            renderer.AddActor(actor);
            any = true;
        }
        if (any && !cameraSet) {
            resetCamera();
        }
        window.SetSize(Math.max(1, width), Math.max(1, height));
        renderer.ResetCameraClippingRange();
        window.Render();
        vtkUnsignedCharArray rgba = new vtkUnsignedCharArray();
        window.GetRGBACharPixelData(0, 0, width - 1, height - 1, 0, rgba, 0);
        byte[] bytes = rgba.GetJavaArray();
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            int src = (height - 1 - y) * width * 4; // VTK's rows start at the bottom
            for (int x = 0; x < width; x++, src += 4) {
                rgb[y * width + x] = (bytes[src] & 0xff) << 16 | (bytes[src + 1] & 0xff) << 8 | bytes[src + 2] & 0xff;
            }
        }
        rgba.Delete();
        return rgb;
    }

    /** Looks at the patient from the front (anterior), head up: LPS -y towards the viewer. */
    public void resetCamera() {
        vtkCamera camera = renderer.GetActiveCamera();
        camera.SetFocalPoint(0, 0, 0);
        camera.SetPosition(0, -1, 0);
        camera.SetViewUp(0, 0, 1);
        renderer.ResetCamera();
        cameraSet = true;
    }

    /** Turns the camera around the focal point by screen-space degrees. */
    public void orbit(double degreesRight, double degreesUp) {
        vtkCamera camera = renderer.GetActiveCamera();
        camera.Azimuth(-degreesRight);
        camera.Elevation(degreesUp);
        camera.OrthogonalizeViewUp();
    }

    public void zoom(double factor) {
        renderer.GetActiveCamera().Dolly(factor);
    }

    /** Moves camera and focal point by a fraction of the view's width and height. */
    public void pan(double right, double up) {
        vtkCamera camera = renderer.GetActiveCamera();
        double[] f = camera.GetFocalPoint();
        double[] p = camera.GetPosition();
        double[] v = camera.GetViewUp();
        double[] d = { f[0] - p[0], f[1] - p[1], f[2] - p[2] };
        double dist = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        double[] r = { d[1] * v[2] - d[2] * v[1], d[2] * v[0] - d[0] * v[2], d[0] * v[1] - d[1] * v[0] };
        double rl = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        double scale = dist * Math.tan(Math.toRadians(camera.GetViewAngle() / 2)) * 2;
        for (int i = 0; i < 3; i++) {
            double shift = -(r[i] / rl * right + v[i] * up) * scale;
            f[i] += shift;
            p[i] += shift;
        }
        camera.SetFocalPoint(f);
        camera.SetPosition(p);
    }

    /** Forgets cached geometry of meshes no longer shown. */
    public void retainOnly(List<Item> items) {
        java.util.Set<Mesh> keep = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Item i : items) {
            keep.add(i.full());
            if (i.light() != null) {
                keep.add(i.light());
            }
        }
        actors.keySet().removeIf(m -> !keep.contains(m));
        java.util.Set<int[]> colours = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        items.forEach(i -> colours.add(i.vertexRgb()));
        mapped.keySet().removeIf(c -> !colours.contains(c));
    }

    /** The mesh coloured vertex by vertex (0xRRGGBB each). */
    private static vtkActor colouredActor(Mesh m, int[] rgb) {
        byte[] bytes = new byte[3 * rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            bytes[3 * i] = (byte) (rgb[i] >> 16);
            bytes[3 * i + 1] = (byte) (rgb[i] >> 8);
            bytes[3 * i + 2] = (byte) rgb[i];
        }
        vtkUnsignedCharArray colours = new vtkUnsignedCharArray();
        colours.SetNumberOfComponents(3);
        colours.SetJavaArray(bytes);
        vtkPolyData poly = poly(m);
        poly.GetPointData().SetScalars(colours);
        return actor(poly, true);
    }

    private static vtkActor actor(Mesh m) {
        return actor(poly(m), false);
    }

    private static vtkPolyData poly(Mesh m) {
        vtkFloatArray xyz = new vtkFloatArray();
        xyz.SetNumberOfComponents(3);
        xyz.SetJavaArray(m.vertices());
        vtkPoints points = new vtkPoints();
        points.SetData(xyz);
        vtkIntArray connectivity = new vtkIntArray();
        connectivity.SetJavaArray(m.triangles());
        vtkCellArray cells = new vtkCellArray();
        cells.SetData(3, connectivity);
        vtkPolyData poly = new vtkPolyData();
        poly.SetPoints(points);
        poly.SetPolys(cells);
        return poly;
    }

    /** An actor for the surface; {@code scalars}: its points' colours are drawn as they are. */
    private static vtkActor actor(vtkPolyData poly, boolean scalars) {
        vtkPolyDataNormals normals = new vtkPolyDataNormals();
        normals.SetInputData(poly);
        normals.SplittingOff();
        normals.ConsistencyOff();
        normals.AutoOrientNormalsOff();
        vtkPolyDataMapper mapper = new vtkPolyDataMapper();
        mapper.SetInputConnection(normals.GetOutputPort());
        if (scalars) {
            mapper.ScalarVisibilityOn();
            mapper.SetColorModeToDirectScalars();
        } else {
            mapper.ScalarVisibilityOff();
        }
        vtkActor actor = new vtkActor();
        actor.SetMapper(mapper);
        actor.GetProperty().SetSpecular(0.2);
        actor.GetProperty().SetSpecularPower(20);
        return actor;
    }

    public void dispose() {
        actors.clear();
        window.Finalize();
    }
}
