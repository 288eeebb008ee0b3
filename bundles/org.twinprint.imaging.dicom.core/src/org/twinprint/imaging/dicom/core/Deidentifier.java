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
 * Confidentiality Profile (PS3.15 E.1): each attribute of Table E.1-1 removed, emptied or given a
 * dummy value as the table says ({@link ConfidentialityProfile}), every private attribute, curve and
 * overlay removed, the patient renamed, and every instance UID (study, series, SOP instance, frame
 * of reference, and references to them, also inside sequences) replaced by a new one. The replacement depends only on the original UID
 * and this export's secret, so a study exported in one go stays consistent: its series keep one
 * study UID and structure sets still point at their images. Pixel data is copied as stored.
 * <p>
 * Structure names (ROI Name: GTV-1, Skull) name anatomy, not the patient, and a plan is useless
 * without them: they are kept, as the Clean Descriptors option allows for text checked to hold no
 * identity, and the option is named. Dates and times follow the table too. With the Retain
 * Longitudinal Temporal Information Modified Dates option ({@link #retainingDatesShiftedBy}),
 * dates and times are kept, every date moved back by the same number of days, and the option is
 * named in the method code sequence.
 */
public final class Deidentifier {

    /** DICOM-defined UIDs (SOP classes, transfer syntaxes, coding schemes) identify nobody. */
    private static final String DICOM_ROOT = "1.2.840.10008.";
    private static final Set<AttributeTag> NOT_INSTANCE_UIDS = Set.of(TagFromName.SOPClassUID,
            TagFromName.MediaStorageSOPClassUID, TagFromName.ReferencedSOPClassUID, TagFromName.TransferSyntaxUID,
            TagFromName.ImplementationClassUID, TagFromName.CodingSchemeUID,
            TagFromName.ReferencedSOPClassUIDInFile);

    /** Referenced Frame of Reference Sequence (3006,0010) of a structure set. */
    private static final AttributeTag REFERENCED_FRAMES = new AttributeTag(0x3006, 0x0010);

    /** ROI Name (3006,0026), which PixelMed's dictionary spells differently. */
    private static final AttributeTag ROI_NAME = new AttributeTag(0x3006, 0x0026);

    private static final java.time.format.DateTimeFormatter DA = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;

    private final String patientName;
    private final String patientId;
    private final byte[] secret;
    /** Days every date moves back when dates are retained (the longitudinal option); null: dates go. */
    private final Integer shiftDays;
    /** The user confirmed that images which may show burned-in text have been checked. */
    private final boolean burnedInChecked;

    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    /** Modalities whose images often carry text in the pixels: without BurnedInAnnotation = NO they are left out. */
    private static final Set<String> TEXT_IN_PIXELS = Set.of("US", "SC", "OT", "XA", "RF", "ES", "XC", "GM", "SM",
            "DOC");

    /** What an export wrote and what it left out, each with its reason. */
    public record Report(List<Path> written, List<org.twinprint.core.spi.Problem> leftOut) {
    }
    private final Map<String, String> uids = new ConcurrentHashMap<>();

    /** A fresh random secret: UIDs cannot be linked to another export's. */
    public Deidentifier(String patientName, String patientId) {
        this(patientName, patientId, randomSecret());
    }

    public Deidentifier(String patientName, String patientId, byte[] secret) {
        this(patientName, patientId, secret, null, false);
    }

    private Deidentifier(String patientName, String patientId, byte[] secret, Integer shiftDays,
            boolean burnedInChecked) {
        if (patientId == null || patientId.isBlank()) {
            throw new IllegalArgumentException("a de-identified export needs a pseudonymous patient ID");
        }
        this.patientName = patientName == null ? "" : patientName;
        this.patientId = patientId;
        this.secret = secret.clone();
        this.shiftDays = shiftDays;
        this.burnedInChecked = burnedInChecked;
    }

    /**
     * The same export including images that say, or may, show burned-in text: for a user who has
     * checked their pixels.
     */
    public Deidentifier includingBurnedInAnnotation() {
        return new Deidentifier(patientName, patientId, secret, shiftDays, true);
    }

    /**
     * The same export with PS3.15's Retain Longitudinal Temporal Information Modified Dates option:
     * dates and times kept, every date moved back by {@code days} (the same for the whole export,
     * so intervals between studies survive).
     */
    public Deidentifier retainingDatesShiftedBy(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("the date shift is a number of days back, 0 or more: " + days);
        }
        return new Deidentifier(patientName, patientId, secret, days, burnedInChecked);
    }

    /**
     * De-identifies the files into a new folder, one file per instance named after its new SOP
     * instance UID. Each file is decided on its own: one that cannot be read, has no SOP class, or
     * may show the patient in its pixels is left out with its reason, and the rest go on. The
     * folder appears whole or not at all: the files are written into a hidden folder beside it,
     * which takes its name at the end; {@code folder} must not exist or be empty.
     */
    public Report export(List<Path> files, Path folder, Progress progress) throws IOException {
        if (Files.isDirectory(folder)) {
            try (java.util.stream.Stream<Path> in = Files.list(folder)) {
                if (in.findAny().isPresent()) {
                    throw new IOException(folder + ": not empty; a de-identified export goes into a new folder");
                }
            }
        } else if (Files.exists(folder)) {
            throw new IOException(folder + ": exists and is not a folder");
        }
        Path staging = Files.createDirectory(org.twinprint.core.files.AtomicFiles.partBeside(folder));
        try {
            progress.begin("De-identifying " + files.size() + " files", files.size());
            List<Path> written = new ArrayList<>();
            List<org.twinprint.core.spi.Problem> leftOut = new ArrayList<>();
            for (Path f : files) {
                progress.checkCanceled();
                String name = exportOne(f, staging, leftOut);
                if (name != null) {
                    written.add(folder.resolve(name));
                }
                progress.worked(1);
            }
            if (Files.isDirectory(folder)) {
                Files.delete(folder); // empty, checked above
            }
            Files.move(staging, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new Report(written, leftOut);
        } finally {
            org.twinprint.core.files.PrivateTemp.deleteTree(staging); // gone already when the export succeeded
        }
    }

    /** Writes one file's de-identified copy into {@code dir}; its name, or null with the reason noted. */
    private String exportOne(Path f, Path dir, List<org.twinprint.core.spi.Problem> leftOut) throws IOException {
        AttributeList list;
        try {
            list = DicomSliceReader.parse(f);
        } catch (DicomReadException e) {
            leftOut.add(new org.twinprint.core.spi.Problem(f, e.getMessage()));
            return null;
        }
        String refusal = refusal(list);
        if (refusal != null) {
            leftOut.add(new org.twinprint.core.spi.Problem(f, refusal));
            return null;
        }
        try {
            deidentify(list);
            String ts = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
            String sop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
            list.removeGroupLengthAttributes();
            list.removeMetaInformationHeaderAttributes();
            FileMetaInformation.addFileMetaInformation(list, ts, "TWINPRINT");
            DicomWriter.write(list, ts, dir.resolve(sop + ".dcm"));
            return sop + ".dcm";
        } catch (DicomException | RuntimeException e) {
            leftOut.add(new org.twinprint.core.spi.Problem(f, "cannot be de-identified (" + e.getMessage() + ")"));
            return null;
        }
    }

    /** Why a file must not be exported as it is, or null. */
    private String refusal(AttributeList list) {
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
        String sopInstance = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
        if (sopClass.isEmpty() || sopInstance.isEmpty()) {
            return "no SOP Class or Instance UID: not a DICOM object that can be exported";
        }
        if (burnedInChecked || list.getPixelData() == null) {
            return null;
        }
        String burnedIn = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.BurnedInAnnotation).strip();
        String modality = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.Modality).strip();
        if (burnedIn.equalsIgnoreCase("YES")) {
            return "BurnedInAnnotation is YES: its pixels may show who the patient is; check them and export with"
                    + " --allow-burned-in";
        }
        boolean secondaryCapture = sopClass.equals(SECONDARY_CAPTURE) || sopClass.startsWith(SECONDARY_CAPTURE + ".");
        if (burnedIn.isEmpty() && (TEXT_IN_PIXELS.contains(modality) || secondaryCapture)) {
            return (secondaryCapture ? "a secondary capture" : "an image of modality " + modality)
                    + " without BurnedInAnnotation: its pixels may show who the patient is; check them and export"
                    + " with --allow-burned-in";
        }
        return null;
    }

    /** Applies the profile to one data set in place. */
    void deidentify(AttributeList list) throws DicomException {
        boolean[] namesKept = { false };
        ConfidentialityProfile.apply(list, a -> {
            if (a.getTag().equals(ROI_NAME)) {
                namesKept[0] = true;
                return true;
            }
            return shiftDays != null && isDateOrTime(a) && !a.getTag().equals(TagFromName.PatientBirthDate);
        });
        removeOverlays(list);
        if (shiftDays != null) {
            shiftDates(list);
        }
        completeRequired(list);
        remapUids(list);
        put(list, TagFromName.PatientName, patientName);
        put(list, TagFromName.PatientID, patientId);
        put(list, TagFromName.PatientIdentityRemoved, "YES");
        // LO: at most 64 characters
        put(list, TagFromName.DeidentificationMethod, shiftDays == null ? "PS3.15 E.1 Basic Profile (TwinPrint)"
                : "PS3.15 E.1 Basic Profile, dates shifted (TwinPrint)");
        SequenceAttribute method = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
        method.addItem(new CodedSequenceItem("113100", "DCM", "Basic Application Confidentiality Profile")
                .getAttributeList());
        if (namesKept[0]) {
            method.addItem(new CodedSequenceItem("113105", "DCM", "Clean Descriptors Option").getAttributeList());
        }
        if (shiftDays != null) {
            method.addItem(new CodedSequenceItem("113107", "DCM",
                    "Retain Longitudinal Temporal Information Modified Dates Option").getAttributeList());
        }
        list.put(method);
    }

    private static boolean isDateOrTime(Attribute a) {
        byte[] vr = a.getVR();
        return com.pixelmed.dicom.ValueRepresentation.isDateVR(vr)
                || com.pixelmed.dicom.ValueRepresentation.isDateTimeVR(vr)
                || com.pixelmed.dicom.ValueRepresentation.isTimeVR(vr);
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
     * Adds what the object's modules require and its writer left out, so that the copy validates:
     * type 2 attributes empty, and a structure set's Frame of Reference UID from the frame of
     * reference it refers to (it is then mapped with the other UIDs).
     */
    private static void completeRequired(AttributeList list) throws DicomException {
        if (list.getPixelData() != null && list.get(TagFromName.Laterality) == null
                && list.get(TagFromName.ImageLaterality) == null) {
            put(list, TagFromName.Laterality); // type 2C: present, empty, when not known to be paired
        }
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPClassUID);
        if (!sopClass.equals(com.pixelmed.dicom.SOPClass.RTStructureSetStorage)) {
            return;
        }
        if (list.get(TagFromName.OperatorsName) == null) {
            put(list, TagFromName.OperatorsName);
        }
        if (list.get(TagFromName.PositionReferenceIndicator) == null) {
            put(list, TagFromName.PositionReferenceIndicator);
        }
        if (Attribute.getSingleStringValueOrEmptyString(list, TagFromName.FrameOfReferenceUID).isEmpty()
                && list.get(REFERENCED_FRAMES) instanceof SequenceAttribute frames && frames.getNumberOfItems() > 0) {
            String uid = Attribute.getSingleStringValueOrEmptyString(frames.getItem(0).getAttributeList(),
                    TagFromName.FrameOfReferenceUID);
            if (!uid.isEmpty()) {
                put(list, TagFromName.FrameOfReferenceUID, uid);
            }
        }
    }

    /** With the longitudinal option: every date and date-time, here and in every sequence, moved back. */
    private void shiftDates(AttributeList list) throws DicomException {
        for (Attribute a : list.values()) {
            if (a instanceof SequenceAttribute s) {
                for (int i = 0; i < s.getNumberOfItems(); i++) {
                    shiftDates(s.getItem(i).getAttributeList());
                }
            } else if (!a.getTag().equals(TagFromName.PatientBirthDate)
                    && (com.pixelmed.dicom.ValueRepresentation.isDateVR(a.getVR())
                            || com.pixelmed.dicom.ValueRepresentation.isDateTimeVR(a.getVR()))) {
                shift(a);
            }
        }
    }

    /** Moves a DA or DT value back by the export's days; the time of day stays. */
    private void shift(Attribute a) throws DicomException {
        String[] values = a.getStringValues();
        if (values == null) {
            return;
        }
        a.removeValues();
        for (String v : values) {
            String s = v.strip();
            if (s.length() < 8) {
                continue; // a partial date cannot be shifted exactly: it goes
            }
            try {
                String day = java.time.LocalDate.parse(s.substring(0, 8), DA).minusDays(shiftDays).format(DA);
                a.addValue(day + s.substring(8));
            } catch (java.time.format.DateTimeParseException e) {
                // an unreadable date identifies as well as a readable one: it goes
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
