package org.twinprint.imaging.dicom.core;

import java.io.IOException;
import java.nio.file.Path;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;

/** Small PixelMed chores shared by the index, the SEG writer and de-identification. */
final class DicomAttributes {

    private DicomAttributes() {
    }

    /** A file's attributes up to its pixel data: what a header tells without decoding pixels. */
    static AttributeList header(Path f) throws DicomReadException {
        ElementLengths.check(f);
        AttributeList list = new AttributeList();
        try (DicomInputStream in = new DicomInputStream(f.toFile())) {
            list.read(in, TagFromName.PixelData);
        } catch (IOException | DicomException | RuntimeException e) {
            throw new DicomReadException("unreadable DICOM header (" + DicomSliceReader.describe(e) + ")");
        } catch (OutOfMemoryError e) {
            throw new DicomReadException("header too large to read here (" + e.getMessage() + ")");
        }
        return list;
    }

    /** Puts an attribute with the VR the dictionary gives its tag; empty strings add no value. */
    static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        for (String v : values) {
            if (!v.isEmpty()) {
                a.addValue(v);
            }
        }
        list.put(tag, a);
    }
}
