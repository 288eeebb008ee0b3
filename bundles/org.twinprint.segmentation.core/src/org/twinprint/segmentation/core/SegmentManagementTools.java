package org.twinprint.segmentation.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

/**
 * Adding, renaming, recolouring and deleting segments, as tools: so each is undoable and
 * recorded like any edit, and the command line does what the Segments view does.
 */
public final class SegmentManagementTools {

    private SegmentManagementTools() {
    }

    /** An empty segment, to paint or grow into. */
    @Component(service = SegmentationTool.class)
    public static final class Add implements SegmentationTool {
        @Override
        public String id() {
            return "segment.add";
        }

        @Override
        public String label() {
            return "Add segment";
        }

        @Override
        public String description() {
            return "Adds an empty segment with a name and a colour.";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.text("segment", "Name", "New segment", "Name of the new segment."),
                    ParameterSpec.text("color", "Colour", "", "#rrggbb; empty: the next colour of the palette."));
        }

        @Override
        public String apply(Case target, Parameters p, Progress progress) {
            LabelMap map = target.labelMapForEditing();
            String color = p.string("color").strip();
            Segment s = map.addSegment(p.string("segment").strip(), color.isEmpty()
                    ? Palette.colour(map.segments().size()) : rgb(color));
            return s.name() + ": added, empty";
        }
    }

    /** A new name or colour; the voxels stay. */
    @Component(service = SegmentationTool.class)
    public static final class Rename implements SegmentationTool {
        @Override
        public String id() {
            return "segment.rename";
        }

        @Override
        public String label() {
            return "Rename or recolour segment";
        }

        @Override
        public String description() {
            return "Gives a segment a new name, a new colour, or both; its voxels stay as they are.";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Name of the segment."),
                    ParameterSpec.text("name", "New name", "", "Empty: the name stays."),
                    ParameterSpec.text("color", "New colour", "", "#rrggbb; empty: the colour stays."));
        }

        @Override
        public String apply(Case target, Parameters p, Progress progress) {
            LabelMap map = target.labelMapForEditing();
            Segment s = Masks.segment(target, p.string("segment"));
            String name = p.string("name").isBlank() ? s.name() : p.string("name").strip();
            int color = p.string("color").isBlank() ? s.rgb() : rgb(p.string("color").strip());
            Segment now = map.update(s, name, color);
            return s.name() + " -> " + now.name() + " " + now.hexColor();
        }
    }

    /** The segment and its voxels go (undo brings them back). */
    @Component(service = SegmentationTool.class)
    public static final class Delete implements SegmentationTool {
        @Override
        public String id() {
            return "segment.delete";
        }

        @Override
        public String label() {
            return "Delete segment";
        }

        @Override
        public String description() {
            return "Removes a segment and its voxels; the other segments stay as they are.";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.text("segment", "Segment", "Bone", "Name of the segment to delete."));
        }

        @Override
        public String apply(Case target, Parameters p, Progress progress) {
            LabelMap map = target.labelMapForEditing();
            Segment s = Masks.segment(target, p.string("segment"));
            long voxels = map.voxelCount(s);
            map.removeSegment(s);
            return s.name() + ": deleted, " + voxels + " voxels";
        }
    }

    static int rgb(String hex) {
        if (!hex.matches("#?[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour '" + hex + "' is not #rrggbb");
        }
        return Integer.parseInt(hex.startsWith("#") ? hex.substring(1) : hex, 16);
    }
}
