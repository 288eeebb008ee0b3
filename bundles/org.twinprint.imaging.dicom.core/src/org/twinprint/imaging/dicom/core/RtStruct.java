package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.twinprint.core.model.Vec3;

/** The regions of interest of a DICOM RT Structure Set: names, colours and planar contours in LPS mm. */
public record RtStruct(List<Roi> rois) {

    /** The RT tags of group 3006 (PixelMed's tag dictionary does not name them all). */
    private static final class Rt {
        static final AttributeTag StructureSetROISequence = new AttributeTag(0x3006, 0x0020);
        static final AttributeTag ROINumber = new AttributeTag(0x3006, 0x0022);
        static final AttributeTag ROIName = new AttributeTag(0x3006, 0x0026);
        static final AttributeTag ROIDisplayColor = new AttributeTag(0x3006, 0x002A);
        static final AttributeTag ROIContourSequence = new AttributeTag(0x3006, 0x0039);
        static final AttributeTag ContourSequence = new AttributeTag(0x3006, 0x0040);
        static final AttributeTag ContourGeometricType = new AttributeTag(0x3006, 0x0042);
        static final AttributeTag ContourData = new AttributeTag(0x3006, 0x0050);
        static final AttributeTag ReferencedROINumber = new AttributeTag(0x3006, 0x0084);
    }

    /** One region: its name, display colour and closed planar contours. */
    public record Roi(int number, String name, int rgb, List<List<Vec3>> contours) {
    }

    public static RtStruct read(Path file) throws IOException {
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile());
        } catch (DicomException | RuntimeException e) {
            throw new IOException(file + ": unreadable DICOM (" + e.getMessage() + ")");
        }
        String modality = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.Modality);
        if (!modality.equals("RTSTRUCT")) {
            throw new IOException(file + ": not an RT Structure Set (modality '" + modality + "')");
        }
        Map<Integer, String> names = new HashMap<>();
        SequenceAttribute roiSeq = (SequenceAttribute) list.get(Rt.StructureSetROISequence);
        for (int i = 0; roiSeq != null && i < roiSeq.getNumberOfItems(); i++) {
            AttributeList item = roiSeq.getItem(i).getAttributeList();
            names.put(Attribute.getSingleIntegerValueOrDefault(item, Rt.ROINumber, -1),
                    Attribute.getSingleStringValueOrEmptyString(item, Rt.ROIName));
        }
        List<Roi> rois = new ArrayList<>();
        SequenceAttribute contourSeq = (SequenceAttribute) list.get(Rt.ROIContourSequence);
        for (int i = 0; contourSeq != null && i < contourSeq.getNumberOfItems(); i++) {
            AttributeList item = contourSeq.getItem(i).getAttributeList();
            int number = Attribute.getSingleIntegerValueOrDefault(item, Rt.ReferencedROINumber, -1);
            int[] colour = Attribute.getIntegerValues(item, Rt.ROIDisplayColor);
            int rgb = colour != null && colour.length == 3 ? colour[0] << 16 | colour[1] << 8 | colour[2] : 0xff0000;
            List<List<Vec3>> contours = new ArrayList<>();
            SequenceAttribute cs = (SequenceAttribute) item.get(Rt.ContourSequence);
            for (int c = 0; cs != null && c < cs.getNumberOfItems(); c++) {
                AttributeList contour = cs.getItem(c).getAttributeList();
                String type = Attribute.getSingleStringValueOrEmptyString(contour, Rt.ContourGeometricType);
                double[] xyz = Attribute.getDoubleValues(contour, Rt.ContourData);
                if (!type.equals("CLOSED_PLANAR") || xyz == null || xyz.length < 9) {
                    continue;
                }
                List<Vec3> points = new ArrayList<>();
                for (int p = 0; p + 2 < xyz.length; p += 3) {
                    points.add(new Vec3(xyz[p], xyz[p + 1], xyz[p + 2]));
                }
                contours.add(points);
            }
            rois.add(new Roi(number, names.getOrDefault(number, "ROI " + number), rgb, contours));
        }
        return new RtStruct(rois);
    }
}
