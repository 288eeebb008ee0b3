package org.twinprint.imaging.formats.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Series;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * A mask drawn elsewhere (a TotalSegmentator label, an expert's mask) as a segment of the case:
 * a NIfTI, NRRD or MetaImage volume on the case's own grid, its voxels at or above a value
 * becoming the segment. A mask that overlaps other segments goes to a layer of its own.
 */
@Component(service = SegmentationTool.class)
public final class MaskFileTool implements SegmentationTool {

    /** Colours for masks taken in, by how many segments the case has. */
    private static final int[] COLOURS = { 0xB5542F, 0x3F7FBF, 0xD9A441, 0x6B8E23, 0x8E44AD, 0x2E8B8B };

    @Override
    public String id() {
        return "segment.from-mask-file";
    }

    @Override
    public String label() {
        return "Segment from a mask file";
    }

    @Override
    public String description() {
        return "Takes a mask volume (NIfTI, NRRD or MetaImage) on the case's grid as a segment.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.path("file", "Mask file", "The mask volume, on the case's grid."),
                ParameterSpec.text("segment", "Segment", "Mask", "Name of the new segment."),
                ParameterSpec.number("from", "From", 0.5, -1e9, 1e9, "", "Voxels at or above this value are in."));
    }

    @Override
    public String apply(Case target, Parameters p, Progress progress) {
        Path file = p.path("file");
        if (target.series().isEmpty()) {
            throw new IllegalArgumentException("the case has no scan for the mask " + file.getFileName() + " to lie on");
        }
        Series mask;
        try {
            mask = read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        LabelMap map = target.labelMapForEditing();
        Geometry g = map.geometry(), m = mask.volume().geometry();
        if (!g.sameGrid(m)) {
            throw new IllegalArgumentException(file + ": the mask's grid (" + m.nx() + "x" + m.ny() + "x" + m.nz()
                    + ", origin " + m.origin() + ") is not the case's (" + g.nx() + "x" + g.ny() + "x" + g.nz()
                    + ", origin " + g.origin() + ")");
        }
        short[] v = mask.volume().voxels();
        double from = p.number("from");
        int count = 0;
        for (short s : v) {
            count += s >= from ? 1 : 0;
        }
        int[] voxels = new int[count];
        for (int n = 0, k = 0; n < v.length; n++) {
            if (v[n] >= from) {
                voxels[k++] = n;
            }
        }
        String name = p.string("segment");
        map.addSegmentOver(name, COLOURS[map.segments().size() % COLOURS.length], voxels);
        return String.format(Locale.ROOT, "%s: %d voxels from %s (%.1f ml)", name, count, file.getFileName(),
                count * g.voxelVolumeMm3() / 1000);
    }

    private static Series read(Path file) throws IOException {
        if (VolumeIo.endsWith(file, ".nii", ".nii.gz")) {
            return NiftiFormat.read(file);
        }
        if (VolumeIo.endsWith(file, ".nrrd", ".nhdr")) {
            return NrrdFormat.read(file);
        }
        if (VolumeIo.endsWith(file, ".mha", ".mhd")) {
            return MetaImageImporter.readSeries(file);
        }
        throw new IllegalArgumentException(file + ": not a mask volume this tool reads (.nii, .nii.gz, .nrrd, .nhdr,"
                + " .mha, .mhd)");
    }
}
