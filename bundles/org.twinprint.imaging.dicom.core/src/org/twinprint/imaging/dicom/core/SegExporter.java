package org.twinprint.imaging.dicom.core;

import static org.twinprint.imaging.dicom.core.DicomAttributes.put;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.Progress;

/**
 * Writes the case's segments as one binary DICOM Segmentation on the grid of the DICOM series
 * they were drawn on: same study, patient and frame of reference, one frame per segment and slice
 * that holds any of it, each frame naming its source image. Written to a temporary file and moved
 * into place.
 */
@Component(service = Exporter.class)
public final class SegExporter implements Exporter {

    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";

    @Override
    public String id() {
        return "export.dicom-seg";
    }

    @Override
    public String label() {
        return "DICOM Segmentation (SEG)";
    }

    @Override
    public String fileExtension() {
        return "dcm";
    }

    @Override
    public void export(Case source, Path target, org.twinprint.core.spi.Parameters parameters, Progress progress)
            throws IOException {
        LabelMap map = source.labelMap();
        if (map == null || map.segments().isEmpty()) {
            throw new IllegalArgumentException("case '" + source.name() + "' has no segments to write");
        }
        Series series = source.series().get(0);
        Geometry g = map.geometry();
        progress.begin("Writing DICOM SEG", g.nz() + 1);
        List<AttributeList> slices = sourceSlices(series, g);
        try {
            DicomWriter.write(build(source, map, series, slices, progress), EXPLICIT_LE, target);
        } catch (DicomException e) {
            throw new IOException(target + ": cannot write the SEG (" + e.getMessage() + ")", e);
        }
        progress.worked(1);
    }

    /** The header of the source image at each slice k (by position), from the series' own files. */
    private static List<AttributeList> sourceSlices(Series series, Geometry g) throws IOException {
        Path folder = Path.of(series.source());
        if (!Files.exists(folder)) {
            throw new IOException("the SEG must reference the DICOM images it was drawn on; " + folder
                    + " is gone");
        }
        List<Path> files = DicomIndex.scan(folder, Progress.NONE).series().stream()
                .filter(s -> s.seriesUid().equals(series.uid())).findFirst()
                .orElseThrow(() -> new IOException(folder + ": the series " + series.uid()
                        + " is not there: a SEG can only be written for a case loaded from DICOM"))
                .files();
        List<AttributeList> byK = new ArrayList<>(java.util.Collections.nCopies(g.nz(), (AttributeList) null));
        for (Path f : files) {
            AttributeList h;
            try {
                h = DicomAttributes.header(f);
            } catch (DicomReadException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
            double[] ipp = Attribute.getDoubleValues(h, TagFromName.ImagePositionPatient);
            if (ipp == null || ipp.length < 3) {
                continue;
            }
            int k = (int) Math.round(g.toIndex(new Vec3(ipp[0], ipp[1], ipp[2])).z());
            if (k >= 0 && k < g.nz()) {
                byK.set(k, h);
            }
        }
        if (byK.stream().anyMatch(h -> h == null)) {
            throw new IOException(folder + ": not every slice of the volume has its DICOM image (multi-frame or"
                    + " resampled series cannot be referenced slice by slice yet)");
        }
        return byK;
    }

    private AttributeList build(Case source, LabelMap map, Series series, List<AttributeList> slices,
            Progress progress) throws DicomException {
        Geometry g = map.geometry();
        AttributeList first = slices.get(0);
        AttributeList seg = new AttributeList();
        for (AttributeTag t : new AttributeTag[] { TagFromName.PatientName, TagFromName.PatientID,
                TagFromName.PatientBirthDate, TagFromName.PatientSex, TagFromName.StudyInstanceUID,
                TagFromName.StudyDate, TagFromName.StudyTime, TagFromName.ReferringPhysicianName, TagFromName.StudyID,
                TagFromName.AccessionNumber, TagFromName.FrameOfReferenceUID,
                TagFromName.PositionReferenceIndicator }) {
            Attribute a = first.get(t);
            seg.put(t, a != null ? a : AttributeFactory.newAttribute(t)); // type 2: present, maybe empty
        }
        if (!Attribute.getSingleStringValueOrEmptyString(first, TagFromName.SpecificCharacterSet).isEmpty()) {
            seg.put(first.get(TagFromName.SpecificCharacterSet));
        }
        String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd"));
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
        put(seg, TagFromName.SOPClassUID, DicomSeg.SOP_CLASS);
        put(seg, TagFromName.SOPInstanceUID, newUid());
        put(seg, TagFromName.SeriesInstanceUID, newUid());
        put(seg, TagFromName.Modality, "SEG");
        put(seg, TagFromName.SeriesNumber, "9001");
        put(seg, TagFromName.SeriesDescription, "TwinPrint segments of " + source.name());
        put(seg, TagFromName.InstanceNumber, "1");
        put(seg, TagFromName.Manufacturer, "TwinPrint");
        put(seg, TagFromName.ManufacturerModelName, "TwinPrint");
        put(seg, TagFromName.DeviceSerialNumber, "0");
        put(seg, TagFromName.SoftwareVersions, "0.1.0");
        put(seg, TagFromName.ContentDate, now);
        put(seg, TagFromName.ContentTime, time);
        put(seg, TagFromName.SeriesDate, now);
        put(seg, TagFromName.SeriesTime, time);
        put(seg, TagFromName.ImageType, "DERIVED", "PRIMARY");
        put(seg, TagFromName.ContentLabel, "SEGMENTS");
        put(seg, TagFromName.ContentDescription, "Segments in patient LPS, mm, on the grid of the source series");
        put(seg, TagFromName.ContentCreatorName); // type 2: the program is named as manufacturer
        put(seg, DicomSeg.SEGMENTATION_TYPE, "BINARY");
        put(seg, TagFromName.LossyImageCompression, "00");
        put(seg, TagFromName.SamplesPerPixel, "1");
        put(seg, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(seg, TagFromName.Rows, Integer.toString(g.ny()));
        put(seg, TagFromName.Columns, Integer.toString(g.nx()));
        put(seg, TagFromName.BitsAllocated, "1");
        put(seg, TagFromName.BitsStored, "1");
        put(seg, TagFromName.HighBit, "0");
        put(seg, TagFromName.PixelRepresentation, "0");

        SequenceAttribute segments = new SequenceAttribute(DicomSeg.SEGMENT_SEQUENCE);
        List<Segment> list = map.segments();
        for (int s = 0; s < list.size(); s++) {
            AttributeList item = new AttributeList();
            put(item, DicomSeg.SEGMENT_NUMBER, Integer.toString(s + 1));
            put(item, DicomSeg.SEGMENT_LABEL, list.get(s).name());
            put(item, new AttributeTag(0x0062, 0x0008), "SEMIAUTOMATIC"); // SegmentAlgorithmType
            put(item, new AttributeTag(0x0062, 0x0009), "TwinPrint"); // SegmentAlgorithmName
            int[] lab = CieLab.fromRgb(list.get(s).rgb());
            put(item, DicomSeg.CIELAB, Integer.toString(lab[0]), Integer.toString(lab[1]), Integer.toString(lab[2]));
            item.put(code(new AttributeTag(0x0062, 0x0003), "85756007", "SCT", "Tissue"));
            item.put(code(new AttributeTag(0x0062, 0x000F), "85756007", "SCT", "Tissue"));
            segments.addItem(item);
        }
        seg.put(segments);

        String dimensionUid = newUid();
        SequenceAttribute organization = new SequenceAttribute(TagFromName.DimensionOrganizationSequence);
        AttributeList org = new AttributeList();
        put(org, TagFromName.DimensionOrganizationUID, dimensionUid);
        organization.addItem(org);
        seg.put(organization);
        SequenceAttribute index = new SequenceAttribute(TagFromName.DimensionIndexSequence);
        index.addItem(dimension(dimensionUid, DicomSeg.REFERENCED_SEGMENT, DicomSeg.SEGMENT_IDENTIFICATION,
                "ReferencedSegmentNumber"));
        index.addItem(dimension(dimensionUid, TagFromName.ImagePositionPatient, TagFromName.PlanePositionSequence,
                "ImagePositionPatient"));
        seg.put(index);

        AttributeList shared = new AttributeList();
        SequenceAttribute orientation = new SequenceAttribute(TagFromName.PlaneOrientationSequence);
        AttributeList o = new AttributeList();
        put(o, TagFromName.ImageOrientationPatient, ds(g.dirI().x()), ds(g.dirI().y()), ds(g.dirI().z()),
                ds(g.dirJ().x()), ds(g.dirJ().y()), ds(g.dirJ().z()));
        orientation.addItem(o);
        shared.put(orientation);
        SequenceAttribute measures = new SequenceAttribute(TagFromName.PixelMeasuresSequence);
        AttributeList m = new AttributeList();
        put(m, TagFromName.PixelSpacing, ds(g.spacing().y()), ds(g.spacing().x()));
        put(m, TagFromName.SliceThickness, ds(g.spacing().z()));
        put(m, TagFromName.SpacingBetweenSlices, ds(g.spacing().z()));
        measures.addItem(m);
        shared.put(measures);
        SequenceAttribute sharedSeq = new SequenceAttribute(TagFromName.SharedFunctionalGroupsSequence);
        sharedSeq.addItem(shared);
        seg.put(sharedSeq);

        // frames: for each segment, each slice that holds some of it
        SequenceAttribute perFrame = new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
        int plane = g.nx() * g.ny();
        // the frames that hold some of a segment, then their bits one after the other: PS3.5 8.1.1
        // packs binary frames without padding, so a frame of rows x columns not a multiple of 8 ends
        // inside a byte and the next one starts there
        List<int[]> kept = new ArrayList<>(); // segment index, slice
        for (int s = 0; s < list.size(); s++) {
            byte label = (byte) list.get(s).label();
            byte[] labels = map.labelsOf(list.get(s)); // overlapping segments are written as they are
            for (int k = 0; k < g.nz(); k++) {
                progress.checkCanceled();
                if (holds(labels, k * plane, plane, label)) {
                    kept.add(new int[] { s, k });
                    perFrame.addItem(frame(g, k, s + 1, slices.get(k)));
                }
            }
            progress.worked(g.nz() / Math.max(1, list.size()));
        }
        int frames = kept.size();
        byte[] packed = new byte[(int) ((frames * (long) plane + 7) / 8)];
        long bit = 0;
        for (int[] f : kept) {
            byte label = (byte) list.get(f[0]).label();
            byte[] labels = map.labelsOf(list.get(f[0]));
            for (int n = 0, base = f[1] * plane; n < plane; n++, bit++) {
                if (labels[base + n] == label) {
                    packed[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        seg.put(perFrame);
        put(seg, TagFromName.NumberOfFrames, Integer.toString(frames));

        SequenceAttribute referenced = new SequenceAttribute(TagFromName.ReferencedSeriesSequence);
        AttributeList ref = new AttributeList();
        put(ref, TagFromName.SeriesInstanceUID, series.uid());
        SequenceAttribute instances = new SequenceAttribute(TagFromName.ReferencedInstanceSequence);
        for (AttributeList h : slices) {
            instances.addItem(imageReference(h));
        }
        ref.put(instances);
        referenced.addItem(ref);
        seg.put(referenced);

        byte[] pixels = packed;
        OtherByteAttribute data = new OtherByteAttribute(TagFromName.PixelData);
        data.setValues(pixels.length % 2 == 0 ? pixels : java.util.Arrays.copyOf(pixels, pixels.length + 1));
        seg.put(data);
        FileMetaInformation.addFileMetaInformation(seg, EXPLICIT_LE, "TWINPRINT");
        return seg;
    }

    private static boolean holds(byte[] labels, int from, int length, byte label) {
        for (int n = from, end = from + length; n < end; n++) {
            if (labels[n] == label) {
                return true;
            }
        }
        return false;
    }

    private static AttributeList frame(Geometry g, int k, int segment, AttributeList source) throws DicomException {
        AttributeList item = new AttributeList();
        SequenceAttribute content = new SequenceAttribute(TagFromName.FrameContentSequence);
        AttributeList c = new AttributeList();
        put(c, TagFromName.DimensionIndexValues, Integer.toString(segment), Integer.toString(k + 1));
        content.addItem(c);
        item.put(content);
        SequenceAttribute position = new SequenceAttribute(TagFromName.PlanePositionSequence);
        AttributeList p = new AttributeList();
        Vec3 ipp = g.toLps(0, 0, k);
        put(p, TagFromName.ImagePositionPatient, ds(ipp.x()), ds(ipp.y()), ds(ipp.z()));
        position.addItem(p);
        item.put(position);
        SequenceAttribute identification = new SequenceAttribute(DicomSeg.SEGMENT_IDENTIFICATION);
        AttributeList id = new AttributeList();
        put(id, DicomSeg.REFERENCED_SEGMENT, Integer.toString(segment));
        identification.addItem(id);
        item.put(identification);
        SequenceAttribute derivation = new SequenceAttribute(TagFromName.DerivationImageSequence);
        AttributeList d = new AttributeList();
        SequenceAttribute sourceImages = new SequenceAttribute(TagFromName.SourceImageSequence);
        AttributeList sourceImage = imageReference(source);
        sourceImage.put(code(TagFromName.PurposeOfReferenceCodeSequence, "121322", "DCM",
                "Source image for image processing operation"));
        sourceImages.addItem(sourceImage);
        d.put(sourceImages);
        d.put(code(TagFromName.DerivationCodeSequence, "113076", "DCM", "Segmentation"));
        derivation.addItem(d);
        item.put(derivation);
        return item;
    }

    private static AttributeList imageReference(AttributeList h) throws DicomException {
        AttributeList r = new AttributeList();
        put(r, TagFromName.ReferencedSOPClassUID, Attribute.getSingleStringValueOrEmptyString(h,
                TagFromName.SOPClassUID));
        put(r, TagFromName.ReferencedSOPInstanceUID, Attribute.getSingleStringValueOrEmptyString(h,
                TagFromName.SOPInstanceUID));
        return r;
    }

    private static AttributeList dimension(String uid, AttributeTag pointer, AttributeTag group, String description)
            throws DicomException {
        AttributeList d = new AttributeList();
        put(d, TagFromName.DimensionOrganizationUID, uid);
        com.pixelmed.dicom.AttributeTagAttribute p = new com.pixelmed.dicom.AttributeTagAttribute(
                TagFromName.DimensionIndexPointer);
        p.addValue(pointer);
        d.put(p);
        com.pixelmed.dicom.AttributeTagAttribute f = new com.pixelmed.dicom.AttributeTagAttribute(
                TagFromName.FunctionalGroupPointer);
        f.addValue(group);
        d.put(f);
        put(d, TagFromName.DimensionDescriptionLabel, description);
        return d;
    }

    private static SequenceAttribute code(AttributeTag tag, String value, String scheme, String meaning)
            throws DicomException {
        SequenceAttribute s = new SequenceAttribute(tag);
        AttributeList item = new AttributeList();
        put(item, TagFromName.CodeValue, value);
        put(item, TagFromName.CodingSchemeDesignator, scheme);
        put(item, TagFromName.CodeMeaning, meaning);
        s.addItem(item);
        return s;
    }

    /** A decimal string of at most 16 characters (the DS limit). */
    private static String ds(double v) {
        String s = Double.toString(Math.abs(v) < 1e-12 ? 0.0 : v);
        if (s.length() > 16) {
            s = String.format(java.util.Locale.ROOT, "%.10g", v);
            if (s.length() > 16) {
                s = String.format(java.util.Locale.ROOT, "%.8g", v);
            }
        }
        return s;
    }

    private static String newUid() {
        UUID u = UUID.randomUUID();
        java.math.BigInteger b = new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
        return "2.25." + b;
    }
}
