package org.twinprint.imaging.dicom.core;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

/**
 * Where a frame's attributes live: in an enhanced multi-frame object, in the frame's item of the
 * Per-frame Functional Groups, else in the Shared Functional Groups; in a classic image, at the
 * top level of the data set.
 */
final class FrameGroups {

    private final AttributeList list;
    private final SequenceAttribute perFrame;
    private final AttributeList shared;
    private final boolean multiFrame;

    FrameGroups(AttributeList list, int frames) {
        this.list = list;
        this.multiFrame = frames > 1;
        this.perFrame = list.get(TagFromName.PerFrameFunctionalGroupsSequence) instanceof SequenceAttribute s ? s
                : null;
        AttributeList sharedItem = null;
        if (list.get(TagFromName.SharedFunctionalGroupsSequence) instanceof SequenceAttribute s
                && s.getNumberOfItems() > 0) {
            sharedItem = s.getItem(0).getAttributeList();
        }
        this.shared = sharedItem;
    }

    /** The attribute for frame f: inside macro sequence {@code group} if the object is enhanced. */
    Attribute find(int frame, AttributeTag group, AttributeTag tag) {
        if (perFrame != null && frame < perFrame.getNumberOfItems()) {
            Attribute a = inGroup(perFrame.getItem(frame).getAttributeList(), group, tag);
            if (a != null) {
                return a;
            }
        }
        if (shared != null) {
            Attribute a = inGroup(shared, group, tag);
            if (a != null) {
                return a;
            }
        }
        return list.get(tag);
    }

    double[] doubles(int frame, AttributeTag group, AttributeTag tag, int n, String name) throws DicomReadException {
        Attribute a = find(frame, group, tag);
        double[] v = null;
        try {
            v = a == null ? null : a.getDoubleValues();
        } catch (com.pixelmed.dicom.DicomException e) {
            v = null;
        }
        if (v == null || v.length < n) {
            throw new DicomReadException("missing " + name + (multiFrame ? " for frame " + (frame + 1) : "")
                    + ": the image cannot be placed in patient space");
        }
        return v;
    }

    /** Where frame f lies: first pixel's position, row and column directions, pixel spacing. */
    record Plane(org.twinprint.core.model.Vec3 position, org.twinprint.core.model.Vec3 rowDirection,
            org.twinprint.core.model.Vec3 columnDirection, double rowSpacing, double columnSpacing) {
    }

    Plane plane(int frame) throws DicomReadException {
        double[] ipp = doubles(frame, TagFromName.PlanePositionSequence, TagFromName.ImagePositionPatient, 3,
                "ImagePositionPatient");
        double[] iop = doubles(frame, TagFromName.PlaneOrientationSequence, TagFromName.ImageOrientationPatient, 6,
                "ImageOrientationPatient");
        double[] spacing = doubles(frame, TagFromName.PixelMeasuresSequence, TagFromName.PixelSpacing, 2,
                "PixelSpacing");
        // PixelSpacing is (row spacing, column spacing): the distance between rows, then between columns
        return new Plane(new org.twinprint.core.model.Vec3(ipp[0], ipp[1], ipp[2]),
                new org.twinprint.core.model.Vec3(iop[0], iop[1], iop[2]),
                new org.twinprint.core.model.Vec3(iop[3], iop[4], iop[5]), spacing[0], spacing[1]);
    }

    double number(int frame, AttributeTag group, AttributeTag tag, double otherwise) {
        Attribute a = find(frame, group, tag);
        return a == null ? otherwise : a.getSingleDoubleValueOrDefault(otherwise);
    }

    private static Attribute inGroup(AttributeList item, AttributeTag group, AttributeTag tag) {
        if (item.get(group) instanceof SequenceAttribute s && s.getNumberOfItems() > 0) {
            return s.getItem(0).getAttributeList().get(tag);
        }
        return null;
    }
}
