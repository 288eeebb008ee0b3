package org.twinprint.imaging.dicom.core;

import static org.twinprint.imaging.dicom.core.DicomAttributes.put;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.UniqueIdentifierAttribute;

import org.twinprint.core.spi.Progress;

/**
 * Writes de-identified copies of DICOM files following the Basic Application Level
 * Confidentiality Profile (PS3.15 E.1): identifying attributes removed or emptied (PixelMed's
 * table of the profile), every private attribute and overlay removed, the patient renamed, and
 * every instance UID (study, series, SOP instance, frame of reference, and references to them,
 * also inside sequences) replaced by a new one. The replacement depends only on the original UID
 * and this export's secret, so a study exported in one go stays consistent: its series keep one
 * study UID and structure sets still point at their images. Pixel data is copied as stored.
 */
public final class Deidentifier {

    /** DICOM-defined UIDs (SOP classes, transfer syntaxes, coding schemes) identify nobody. */
    private static final String DICOM_ROOT = "1.2.840.10008.";
    private static final Set<AttributeTag> NOT_INSTANCE_UIDS = Set.of(TagFromName.SOPClassUID,
            TagFromName.MediaStorageSOPClassUID, TagFromName.ReferencedSOPClassUID, TagFromName.TransferSyntaxUID,
            TagFromName.ImplementationClassUID, TagFromName.CodingSchemeUID,
            TagFromName.ReferencedSOPClassUIDInFile);

    /** ROI Name (3006,0026), which PixelMed's dictionary spells differently. */
    private static final AttributeTag ROI_NAME = new AttributeTag(0x3006, 0x0026);

    private final String patientName;
    private final String patientId;
    private final byte[] secret;
    private final Map<String, String> uids = new ConcurrentHashMap<>();

    /** A fresh random secret: UIDs cannot be linked to another export's. */
    public Deidentifier(String patientName, String patientId) {
        this(patientName, patientId, randomSecret());
    }

    public Deidentifier(String patientName, String patientId, byte[] secret) {
        if (patientId == null || patientId.isBlank()) {
            throw new IllegalArgumentException("a de-identified export needs a pseudonymous patient ID");
        }
        this.patientName = patientName == null ? "" : patientName;
        this.patientId = patientId;
        this.secret = secret.clone();
    }

    /**
     * De-identifies every file into {@code folder} (created if needed), one file per instance
     * named after its new SOP instance UID; each is written to a temporary name and moved into
     * place, so a failed export leaves no half file. Returns the files written.
     */
    public List<Path> export(List<Path> files, Path folder, Progress progress) throws IOException {
        Files.createDirectories(folder);
        progress.begin("De-identifying " + files.size() + " files", files.size());
        List<Path> written = new ArrayList<>();
        for (Path f : files) {
            progress.checkCanceled();
            AttributeList list;
            try {
                list = DicomSliceReader.parse(f);
            } catch (DicomReadException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
            try {
                deidentify(list);
                String ts = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
                String sop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
                list.removeGroupLengthAttributes();
                list.removeMetaInformationHeaderAttributes();
                FileMetaInformation.addFileMetaInformation(list, ts, "TWINPRINT");
                Path target = folder.resolve(sop + ".dcm");
                DicomWriter.write(list, ts, target);
                written.add(target);
            } catch (DicomException e) {
                throw new IOException(f + ": cannot be de-identified (" + e.getMessage() + ")", e);
            }
            progress.worked(1);
        }
        return written;
    }

    /** Applies the profile to one data set in place. */
    void deidentify(AttributeList list) throws DicomException {
        if ("YES".equalsIgnoreCase(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.BurnedInAnnotation))) {
            throw new DicomException("the image says it has burned-in annotation: pixels may show who the patient is");
        }
        List<Runnable> restore = new ArrayList<>();
        keepStructureNames(list, restore);
        ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes(list, ClinicalTrialsAttributes.HandleUIDs.keep,
                false, false);
        restore.forEach(Runnable::run);
        list.removePrivateAttributes();
        removeOverlays(list);
        remapUids(list);
        put(list, TagFromName.PatientName, patientName);
        put(list, TagFromName.PatientID, patientId);
        put(list, TagFromName.PatientIdentityRemoved, "YES");
        put(list, TagFromName.DeidentificationMethod, "PS3.15 E.1 Basic Application Level Confidentiality Profile"
                + " (TwinPrint)");
        SequenceAttribute method = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
        method.addItem(new CodedSequenceItem("113100", "DCM", "Basic Application Confidentiality Profile")
                .getAttributeList());
        list.put(method);
    }

    /** The new UID of an original instance UID: 2.25 followed by 128 bits of a keyed hash. */
    String newUid(String original) {
        return uids.computeIfAbsent(original, o -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(secret);
                byte[] h = sha.digest(o.getBytes(StandardCharsets.US_ASCII));
                return "2.25." + new BigInteger(1, java.util.Arrays.copyOf(h, 16));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void remapUids(AttributeList list) throws DicomException {
        for (Iterator<Attribute> it = list.values().iterator(); it.hasNext();) {
            Attribute a = it.next();
            if (a instanceof SequenceAttribute s) {
                for (int i = 0; i < s.getNumberOfItems(); i++) {
                    SequenceItem item = s.getItem(i);
                    remapUids(item.getAttributeList());
                }
            } else if (a instanceof UniqueIdentifierAttribute && !NOT_INSTANCE_UIDS.contains(a.getTag())) {
                String[] values = a.getStringValues();
                if (values == null) {
                    continue;
                }
                a.removeValues();
                for (String v : values) {
                    a.addValue(v.strip().startsWith(DICOM_ROOT) ? v.strip() : newUid(v.strip()));
                }
            }
        }
    }

    /**
     * Structure and segment names (GTV-1, Skull) name anatomy, not the patient, and a plan is
     * useless without them: they are put back after the profile empties descriptions, as its
     * Clean Descriptors option allows for text checked to hold no identity.
     */
    private static void keepStructureNames(AttributeList list, List<Runnable> restore) {
        for (Attribute a : list.values()) {
            if (a instanceof SequenceAttribute s) {
                for (int i = 0; i < s.getNumberOfItems(); i++) {
                    keepStructureNames(s.getItem(i).getAttributeList(), restore);
                }
            }
        }
        for (AttributeTag tag : List.of(ROI_NAME, TagFromName.SegmentLabel)) {
            Attribute a = list.get(tag);
            if (a != null) {
                restore.add(() -> list.put(tag, a));
            }
        }
    }

    private static void removeOverlays(AttributeList list) {
        list.keySet().removeIf(tag -> tag.getGroup() >= 0x6000 && tag.getGroup() <= 0x60FF && tag.getGroup() % 2 == 0);
    }

    private static byte[] randomSecret() {
        byte[] s = new byte[32];
        new SecureRandom().nextBytes(s);
        return s;
    }
}
