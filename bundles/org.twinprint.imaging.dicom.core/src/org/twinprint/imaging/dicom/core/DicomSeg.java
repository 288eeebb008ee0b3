package org.twinprint.imaging.dicom.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;

/**
 * A DICOM Segmentation (binary or fractional): its segments with names and colours, and each
 * frame's segment, plane and pixels. Frames are placed on any image grid by their own plane
 * position and orientation, voxel by voxel (nearest voxel), so a SEG on another grid still lands
 * where it belongs.
 */
public record DicomSeg(List<Segment> segments, List<Frame> frames) {

    static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.66.4";
    static final AttributeTag SEGMENT_SEQUENCE = new AttributeTag(0x0062, 0x0002);
    static final AttributeTag SEGMENT_NUMBER = new AttributeTag(0x0062, 0x0004);
    static final AttributeTag SEGMENT_LABEL = new AttributeTag(0x0062, 0x0005);
    static final AttributeTag CIELAB = new AttributeTag(0x0062, 0x000D);
    static final AttributeTag SEGMENT_IDENTIFICATION = new AttributeTag(0x0062, 0x000A);
    static final AttributeTag REFERENCED_SEGMENT = new AttributeTag(0x0062, 0x000B);
    static final AttributeTag SEGMENTATION_TYPE = new AttributeTag(0x0062, 0x0001);
    static final AttributeTag MAXIMUM_FRACTIONAL_VALUE = new AttributeTag(0x0062, 0x000E);

    /** One segment: its number in the file, name and display colour (sRGB). */
    public record Segment(int number, String label, int rgb) {
    }

    /** One frame: which segment, where its first pixel lies (LPS mm), its axes and the pixels set. */
    public record Frame(int segment, Vec3 position, Vec3 rowDirection, Vec3 columnDirection, double rowSpacing,
            double columnSpacing, int rows, int columns, java.util.BitSet set) {
    }

    public static DicomSeg read(Path file) throws DicomReadException {
        AttributeList list = DicomSliceReader.parse(file);
        if (!SOP_CLASS.equals(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID))) {
            throw new DicomReadException("not a DICOM Segmentation (SOP class "
                    + Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID) + ")");
        }
        List<Segment> segments = new ArrayList<>();
        if (list.get(SEGMENT_SEQUENCE) instanceof SequenceAttribute seq) {
            for (int i = 0; i < seq.getNumberOfItems(); i++) {
                AttributeList item = seq.getItem(i).getAttributeList();
                int[] lab = Attribute.getIntegerValues(item, CIELAB);
                segments.add(new Segment(Attribute.getSingleIntegerValueOrDefault(item, SEGMENT_NUMBER, i + 1),
                        Attribute.getSingleStringValueOrEmptyString(item, SEGMENT_LABEL).strip(),
                        lab != null && lab.length == 3 ? CieLab.toRgb(lab) : 0xd04040));
            }
        }
        if (segments.isEmpty()) {
            throw new DicomReadException("Segmentation without segments (no Segment Sequence)");
        }
        StoredPixels pixels = PixelDecoding.decode(list, file);
        boolean fractional = "FRACTIONAL".equals(Attribute.getSingleStringValueOrEmptyString(list, SEGMENTATION_TYPE));
        int max = Attribute.getSingleIntegerValueOrDefault(list, MAXIMUM_FRACTIONAL_VALUE, 255);
        FrameGroups groups = new FrameGroups(list, pixels.frames());
        int perFrame = pixels.columns() * pixels.rows();
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < pixels.frames(); f++) {
            FrameGroups.Plane plane = groups.plane(f);
            Attribute segment = groups.find(f, SEGMENT_IDENTIFICATION, REFERENCED_SEGMENT);
            int number = segment == null ? 1 : segment.getSingleIntegerValueOrDefault(1);
            java.util.BitSet set = new java.util.BitSet(perFrame);
            for (int n = 0; n < perFrame; n++) {
                long v = pixels.raw(f * perFrame + n);
                // fractional: a voxel belongs when more than half of it is the segment
                if (fractional ? 2 * v > max : v != 0) {
                    set.set(n);
                }
            }
            frames.add(new Frame(number, plane.position(), plane.rowDirection(), plane.columnDirection(),
                    plane.rowSpacing(), plane.columnSpacing(), pixels.rows(), pixels.columns(), set));
        }
        return new DicomSeg(segments, frames);
    }

    /**
     * The voxel indices of a grid covered by segment {@code number}: each set pixel's centre is
     * carried to the nearest voxel; pixels off the grid are counted in {@code outside[0]}.
     */
    public java.util.BitSet voxels(int number, Geometry g, long[] outside) {
        java.util.BitSet out = new java.util.BitSet();
        for (Frame f : frames) {
            if (f.segment() != number) {
                continue;
            }
            for (int n = f.set().nextSetBit(0); n >= 0; n = f.set().nextSetBit(n + 1)) {
                int r = n / f.columns(), c = n % f.columns();
                // PixelSpacing is (between rows, between columns): columns step along the row direction
                Vec3 p = f.position().plus(f.rowDirection().times(c * f.columnSpacing()))
                        .plus(f.columnDirection().times(r * f.rowSpacing()));
                Vec3 ijk = g.toIndex(p);
                int i = (int) Math.round(ijk.x()), j = (int) Math.round(ijk.y()), k = (int) Math.round(ijk.z());
                if (i < 0 || j < 0 || k < 0 || i >= g.nx() || j >= g.ny() || k >= g.nz()) {
                    outside[0]++;
                } else {
                    out.set(g.index(i, j, k));
                }
            }
        }
        return out;
    }
}
