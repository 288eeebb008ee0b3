package org.twinprint.imaging.dicom.core;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

/** A header PixelMed has parsed; enhanced objects' per-frame values come from their functional groups. */
final class AttributeListHeader implements SliceHeader {

    private final AttributeList list;
    private final FrameGroups groups;

    AttributeListHeader(AttributeList list, int frames) {
        this.list = list;
        this.groups = new FrameGroups(list, frames);
    }

    private String string(com.pixelmed.dicom.AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag);
    }

    @Override
    public String seriesUid() {
        return string(TagFromName.SeriesInstanceUID);
    }

    @Override
    public String seriesDescription() {
        return string(TagFromName.SeriesDescription);
    }

    @Override
    public String modality() {
        return string(TagFromName.Modality);
    }

    @Override
    public int bitsStored(int otherwise) {
        return Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, otherwise);
    }

    @Override
    public boolean signed() {
        return Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
    }

    @Override
    public boolean monochrome1() {
        return "MONOCHROME1".equals(string(TagFromName.PhotometricInterpretation));
    }

    @Override
    public FrameGroups.Plane plane(int frame) throws DicomReadException {
        return groups.plane(frame);
    }

    @Override
    public double rescaleSlope(int frame) {
        return groups.number(frame, TagFromName.PixelValueTransformationSequence, TagFromName.RescaleSlope, 1.0);
    }

    @Override
    public double rescaleIntercept(int frame) {
        return groups.number(frame, TagFromName.PixelValueTransformationSequence, TagFromName.RescaleIntercept,
                0.0);
    }
}
