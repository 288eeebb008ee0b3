package org.twinprint.meshing.vtk;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Mesher;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.util.Parallel;
import org.twinprint.vtk.VtkRuntime;

import vtk.vtkCellArray;
import vtk.vtkDiscreteFlyingEdges3D;
import vtk.vtkFloatArray;
import vtk.vtkImageData;
import vtk.vtkIntArray;
import vtk.vtkNativeLibrary;
import vtk.vtkPolyData;
import vtk.vtkUnsignedCharArray;

/**
 * Surfaces one segment with VTK's discrete flying edges. The segment is cropped to its bounding
 * box with one empty voxel all round, so the surface is closed (capped) even where the scan's
 * field of view cuts through the anatomy. The result is placed in patient LPS millimetres and
 * turned so that its normals point outwards.
 */
@Component(service = Mesher.class)
public final class SegmentSurfaceMesher implements Mesher {

    /** The VTK modules of the classes used here (data arrays, image and poly data, the filter). */
    private static final vtkNativeLibrary[] MODULES = { vtkNativeLibrary.vtkCommonCore,
            vtkNativeLibrary.vtkCommonDataModel, vtkNativeLibrary.vtkCommonExecutionModel,
            vtkNativeLibrary.vtkFiltersGeneral };

    @Override
    public String id() {
        return "mesh.surface";
    }

    @Override
    public String label() {
        return "Surface (discrete flying edges)";
    }

    @Override
    public String description() {
        return "A closed triangle surface around the voxels of a segment, capped at the scan's border.";
    }

    /** Loads the VTK libraries the surface needs (tens of milliseconds the first time). */
    @Override
    public void prepare() {
        VtkRuntime.load(MODULES);
    }

    @Override
    public Mesh mesh(Case source, Segment segment, Parameters parameters, Progress progress) {
        LabelMap map = source.labelMap();
        if (map == null || !map.segments().contains(segment)) {
            throw new IllegalArgumentException("case '" + source.name() + "' has no segment '" + segment.name() + "'");
        }
        VtkRuntime.load(MODULES);
        progress.begin("Surfacing " + segment.name(), 3);
        Geometry g = map.geometry();
        int[] box = VoxelBox.of(map.labelsOf(segment), (byte) segment.label(), g);
        if (box == null) {
            throw new IllegalArgumentException("segment '" + segment.name() + "' is empty");
        }
        int nx = box[3] - box[0] + 3, ny = box[4] - box[1] + 3, nz = box[5] - box[2] + 3;
        byte[] mask = VoxelBox.paddedMask(map.labelsOf(segment), (byte) segment.label(), g, box);
        progress.worked(1);
        progress.checkCanceled();

        vtkImageData image = new vtkImageData();
        image.SetDimensions(nx, ny, nz);
        Vec3 s = g.spacing();
        image.SetSpacing(s.x(), s.y(), s.z());
        image.SetOrigin((box[0] - 1) * s.x(), (box[1] - 1) * s.y(), (box[2] - 1) * s.z());
        vtkUnsignedCharArray scalars = new vtkUnsignedCharArray();
        scalars.SetJavaArray(mask);
        image.GetPointData().SetScalars(scalars);
        vtkDiscreteFlyingEdges3D surface = new vtkDiscreteFlyingEdges3D();
        surface.SetInputData(image);
        surface.SetValue(0, 1);
        surface.ComputeNormalsOff();
        surface.ComputeGradientsOff();
        surface.ComputeScalarsOff();
        surface.Update();
        progress.worked(1);
        progress.checkCanceled();

        Mesh mesh = toLps(surface.GetOutput(), g, segment);
        surface.Delete();
        image.Delete();
        scalars.Delete();
        progress.worked(1);
        return mesh.volumeMm3() < 0 ? flipped(mesh) : mesh;
    }

    /**
     * Copies VTK's points and triangles, emptying its cells; points come in index-aligned mm and go to
     * LPS. The two copies run at once: each is mostly one thread's work inside VTK.
     */
    static Mesh toLps(vtkPolyData poly, Geometry g, Segment segment) {
        vtkCellArray polys = poly.GetPolys();
        int cells = (int) polys.GetNumberOfCells();
        if (polys.GetNumberOfConnectivityIds() != 3L * cells) {
            throw new IllegalStateException("surface has cells that are not triangles");
        }
        List<Object> copied = Parallel.makeAll(() -> lpsPoints(poly, g), () -> triangles(polys, cells));
        return new Mesh(segment.name(), segment.rgb(), (float[]) copied.get(0), (int[]) copied.get(1));
    }

    /** The points, turned from index-aligned mm to patient LPS mm. */
    private static float[] lpsPoints(vtkPolyData poly, Geometry g) {
        int points = (int) poly.GetNumberOfPoints();
        vtkFloatArray pointData = (vtkFloatArray) poly.GetPoints().GetData();
        // the array's capacity runs a point past its size: trimmed first, VTK's copy becomes the
        // mesh's own array, turned in place (each point is read before it is written)
        pointData.Squeeze();
        float[] raw = pointData.GetJavaArray();
        float[] lps = raw.length == 3 * points ? raw : new float[3 * points];
        Vec3 o = g.origin(), i = g.dirI(), j = g.dirJ(), k = g.dirK();
        Parallel.forEachBlock(points, 1 << 16, (first, last) -> {
            for (int p = first; p < last; p++) {
                double x = raw[3 * p], y = raw[3 * p + 1], z = raw[3 * p + 2];
                lps[3 * p] = (float) (o.x() + i.x() * x + j.x() * y + k.x() * z);
                lps[3 * p + 1] = (float) (o.y() + i.y() * x + j.y() * y + k.y() * z);
                lps[3 * p + 2] = (float) (o.z() + i.z() * x + j.z() * y + k.z() * z);
            }
        });
        return lps;
    }

    /** The triangles' corner ids in 32 bits; VTK's cells are emptied. */
    private static int[] triangles(vtkCellArray polys, int cells) {
        // VTK's ids are 64-bit: one typed copy into 32 bits is quicker than converting the cell
        // array's storage, and freeing the 64-bit ids before the Java copy keeps the peak down
        vtkIntArray ids = new vtkIntArray();
        ids.DeepCopy(polys.GetConnectivityArray());
        polys.Initialize();
        int[] connectivity = ids.GetJavaArray();
        ids.Delete();
        return connectivity.length == 3 * cells ? connectivity : Arrays.copyOf(connectivity, 3 * cells);
    }

    static Mesh flipped(Mesh m) {
        int[] t = m.triangles().clone();
        for (int n = 0; n < t.length; n += 3) {
            int a = t[n + 1];
            t[n + 1] = t[n + 2];
            t[n + 2] = a;
        }
        return new Mesh(m.name(), m.rgb(), m.vertices(), t);
    }

}
