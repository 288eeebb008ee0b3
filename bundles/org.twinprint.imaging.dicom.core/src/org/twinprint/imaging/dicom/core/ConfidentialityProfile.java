package org.twinprint.imaging.dicom.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.ValueRepresentation;

/**
 * The actions of PS3.15 Table E.1-1 (the Basic Application Level Confidentiality Profile),
 * applied to a data set and every sequence item in it. The table is read from
 * {@code table-e1-1.tsv}, a transcription of the standard's. Where the table gives a choice, the
 * one taken needs no knowledge of the object's modules and never keeps the value: U when offered
 * (a sequence of references keeps its items, their UIDs replaced); else Z (empty) when offered, as
 * an empty value is allowed for attributes of every type but 1; else X when the choice is X or D. UIDs marked U are left for the caller, which maps them all at once.
 */
final class ConfidentialityProfile {

    /** What the profile does to one attribute. */
    enum Action {
        /** Remove. */
        X,
        /** Empty: present with no value. */
        Z,
        /** Replace with a dummy value of the same VR. */
        D,
        /** Replace the UID (left to the caller). */
        U,
        /** Keep (not in the table). */
        K
    }

    private static final Map<Integer, Action> TABLE = read();
    /** Curve groups 50xx and overlay groups 60xx: the table lists them once, with the group's xx. */
    private static final int CURVE_GROUP = 0x5000, OVERLAY_GROUP = 0x6000;

    static final String DUMMY_TEXT = "ANONYMIZED";
    static final String DUMMY_DATE = "19000101", DUMMY_TIME = "000000";

    private ConfidentialityProfile() {
    }

    /** The action for {@code tag}; private attributes (odd groups) go. */
    static Action actionFor(AttributeTag tag) {
        if (tag.getGroup() % 2 == 1) {
            return Action.X;
        }
        int group = tag.getGroup();
        int key = group >= 0x5000 && group <= 0x50FF ? CURVE_GROUP << 16
                : group >= 0x6000 && group <= 0x60FF ? OVERLAY_GROUP << 16 | tag.getElement()
                        : group << 16 | tag.getElement();
        Action a = TABLE.get(key);
        if (a == null && group >= 0x5000 && group <= 0x50FF) {
            return Action.X;
        }
        return a == null ? Action.K : a;
    }

    /** How many attributes the table lists (for tests). */
    static int size() {
        return TABLE.size();
    }

    /**
     * Applies the table to {@code list} and its sequences, in place. {@code spared} keeps an
     * attribute the table would change: an option of the profile, which the caller states.
     */
    static void apply(AttributeList list, Predicate<Attribute> spared) throws DicomException {
        List<AttributeTag> removed = new ArrayList<>();
        List<Attribute> replaced = new ArrayList<>();
        for (Attribute a : list.values()) {
            AttributeTag tag = a.getTag();
            Action action = spared.test(a) ? Action.K : actionFor(tag);
            if (a instanceof SequenceAttribute s && action != Action.X && action != Action.Z) {
                for (int i = 0; i < s.getNumberOfItems(); i++) {
                    apply(s.getItem(i).getAttributeList(), spared);
                }
                continue; // a dummy sequence: its items, de-identified
            }
            switch (action) {
            case X -> removed.add(tag);
            case Z -> replaced.add(empty(a));
            case D -> replaced.add(dummy(a));
            default -> {
            }
            }
        }
        removed.forEach(list::remove);
        replaced.forEach(list::put);
    }

    private static Attribute empty(Attribute a) throws DicomException {
        return a instanceof SequenceAttribute ? new SequenceAttribute(a.getTag())
                : AttributeFactory.newAttribute(a.getTag(), a.getVR());
    }

    /** A value of the attribute's VR that says nothing about anyone. */
    private static Attribute dummy(Attribute a) throws DicomException {
        byte[] vr = a.getVR();
        Attribute d = AttributeFactory.newAttribute(a.getTag(), vr);
        if (ValueRepresentation.isDateVR(vr)) {
            d.addValue(DUMMY_DATE);
        } else if (ValueRepresentation.isTimeVR(vr)) {
            d.addValue(DUMMY_TIME);
        } else if (ValueRepresentation.isDateTimeVR(vr)) {
            d.addValue(DUMMY_DATE + DUMMY_TIME);
        } else if (ValueRepresentation.isUniqueIdentifierVR(vr)) {
            d = a; // mapped with the other UIDs
        } else if (ValueRepresentation.isUniversalResourceVR(vr)) {
            d.addValue("urn:x-anonymized");
        } else if (ValueRepresentation.isAgeStringVR(vr)) {
            d.addValue("000Y");
        } else if (ValueRepresentation.isDecimalStringVR(vr) || ValueRepresentation.isIntegerStringVR(vr)
                || ValueRepresentation.isUnsignedShortVR(vr) || ValueRepresentation.isSignedShortVR(vr)
                || ValueRepresentation.isUnsignedLongVR(vr) || ValueRepresentation.isSignedLongVR(vr)
                || ValueRepresentation.isFloatSingleVR(vr) || ValueRepresentation.isFloatDoubleVR(vr)) {
            d.addValue("0");
        } else if (ValueRepresentation.isOtherByteVR(vr) || ValueRepresentation.isUnknownVR(vr)) {
            d.setValues(new byte[2]);
        } else if (ValueRepresentation.isOtherWordVR(vr)) {
            d.setValues(new short[1]);
        } else if (ValueRepresentation.isAttributeTagVR(vr)) {
            d = AttributeFactory.newAttribute(a.getTag(), vr);
            d.addValue(0);
        } else if (ValueRepresentation.isCodeStringVR(vr) || ValueRepresentation.isShortStringVR(vr)
                || ValueRepresentation.isLongStringVR(vr) || ValueRepresentation.isShortTextVR(vr)
                || ValueRepresentation.isLongTextVR(vr) || ValueRepresentation.isUnlimitedTextVR(vr)
                || ValueRepresentation.isPersonNameVR(vr) || ValueRepresentation.isApplicationEntityVR(vr)
                || ValueRepresentation.isUnlimitedCharactersVR(vr)) {
            d.addValue(DUMMY_TEXT);
        }
        return d; // any other VR: empty, which keeps nothing either
    }

    private static Map<Integer, Action> read() {
        Map<Integer, Action> table = new HashMap<>();
        try (InputStream in = ConfidentialityProfile.class.getResourceAsStream("table-e1-1.tsv")) {
            if (in == null) {
                throw new IllegalStateException("table-e1-1.tsv is missing from the bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (line.startsWith("#") || f.length < 2 || !f[0].matches("[0-9A-F]{4}[0-9A-FX]{4}")) {
                    continue; // comments, and private attributes, which actionFor handles by their group
                }
                String tag = f[0].replace("XXXX", "0000").replace("XX", "00");
                table.put(Integer.parseUnsignedInt(tag, 16), choose(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        table.remove(TagFromName.PixelData.getGroup() << 16 | TagFromName.PixelData.getElement());
        return Map.copyOf(table);
    }

    /** One action out of the table's choice (X/Z/D and the like), as the class comment says. */
    private static Action choose(String choice) {
        List<String> options = List.of(choice.replace("*", "").split("/"));
        if (options.contains("U")) {
            return Action.U;
        }
        if (options.contains("Z")) {
            return Action.Z;
        }
        return Action.valueOf(options.get(0));
    }
}
