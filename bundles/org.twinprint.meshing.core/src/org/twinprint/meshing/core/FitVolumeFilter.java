package org.twinprint.meshing.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;

/**
 * Gives a closed mesh a volume: every vertex moves along its normal by one distance. A surface
 * through the voxel centres cuts the corners of the voxels, more so the coarser they are (1.3 %
 * of a spine at 3 mm slices), and reduction takes a little more; fitted to the segment's voxel
 * volume, the printed model holds what was segmented. A move that would push one sheet through
 * another is taken back ({@link CrossingRevert}).
 */
@Component(service = MeshFilter.class)
public final class FitVolumeFilter implements MeshFilter {

    @Override
    public String id() {
        return "mesh.fit-volume";
    }

    @Override
    public String label() {
        return "Fit volume";
    }

    @Override
    public String description() {
        return "Moves the surface in or out along its normals until it encloses the given volume.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.number("volume", "Volume", 0, 0, 1e10, "mm3",
                "The volume to enclose, e.g. the segment's voxels; 0 leaves the mesh as it is."));
    }

    @Override
    public Mesh apply(Mesh input, Parameters parameters, Progress progress) {
        double volume = parameters.number("volume");
        if (volume <= 0 || input.triangleCount() == 0) {
            return input;
        }
        Mesh fitted = new Mesh(input.name(), input.rgb(), input.vertices().clone(), input.triangles());
        // one step along the normals is exact to first order; a second takes the curvature term out
        for (int step = 0; step < 2; step++) {
            progress.checkCanceled();
            VolumeRestore.restore(volume, fitted, null);
        }
        // where two sheets were closer than the move, they went through each other: those corners stay
        CrossingRevert.revert(fitted, input.vertices(), progress);
        return fitted;
    }
}
