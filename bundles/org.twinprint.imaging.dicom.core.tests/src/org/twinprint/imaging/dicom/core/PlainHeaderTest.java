package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.testing.TestData;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;

/**
 * The plain header reader against PixelMed: on every DICOM file of the shared data it reads, and on
 * re-encodings dcmtk writes of a demo slice, it must give exactly what PixelMed's attributes give.
 */
class PlainHeaderTest {

    private static final Path DEMO_SLICE = TestData.headPhantom().resolve("I10");

    @Test
    void everySharedFileItReadsSaysWhatPixelMedSays() throws Exception {
        List<String> read = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(TestData.shared(""))) {
            files = s.filter(Files::isRegularFile).filter(DicomSliceReader::looksLikeDicom).sorted().toList();
        }
        for (Path f : files) {
            if (plain(f) != null) {
                assertSameAsPixelMed(f);
                read.add(TestData.shared("").relativize(f).toString());
            }
        }
        // the demo series and the little-endian CT of cornerstone's set; not its big-endian, deflated or
        // compressed twins, nor multi-frame files
        assertTrue(read.stream().filter(n -> n.startsWith("philips-head-phantom-bone1mm/")).count() == 140, read
                .toString());
        assertTrue(read.containsAll(List.of("cornerstone_ct_transfer_syntaxes/testImages/CTImage.dcm",
                "cornerstone_ct_transfer_syntaxes/testImages/"
                        + "CTImage.dcm_LittleEndianImplicitTransferSyntax_1.2.840.10008.1.2.dcm")), read.toString());
        assertTrue(read.stream().filter(n -> n.contains("CTImage.dcm_")).allMatch(n -> n.contains("LittleEndian")),
                read.toString());
        assertTrue(read.size() > 200, "files read: " + read.size());
        assertNull(plain(TestData.shared("pydicom_data/data_store/data/emri_small.dcm")),
                "10 frames: PixelMed reads it");
    }

    @Test
    void undefinedLengthsImplicitVrAndUtf8ReadAsPixelMedReadsThem(@TempDir Path dir) throws Exception {
        // a nested sequence, so that undefined-length items hold undefined-length sequences
        Path nested = Files.copy(DEMO_SLICE, dir.resolve("nested.dcm"));
        run("dcmodify", "-nb", "-i", "(0040,0275)[0].(0040,0008)[0].(0008,0100)=T-D1100", "-i",
                "(0040,0275)[0].(0040,0008)[0].(0008,0104)=Head", "-m", "(0008,0005)=ISO_IR 192", "-m",
                "(0008,103E)=Schädel Knochen 1 mm", nested.toString());
        for (List<String> options : List.of(List.of("+te", "-e"), List.of("+ti", "-e"), List.of("+ti", "+e", "+g"),
                List.of("+te", "-e", "+g"))) {
            Path out = dir.resolve(String.join("", options) + ".dcm");
            List<String> command = new ArrayList<>(List.of("dcmconv"));
            command.addAll(options);
            command.addAll(List.of(nested.toString(), out.toString()));
            run(command.toArray(String[]::new));
            assertNotNull(plain(out), options.toString());
            assertSameAsPixelMed(out);
            assertEquals("Schädel Knochen 1 mm", plain(out).seriesDescription(), options.toString());
        }
    }

    @Test
    void anotherTransferSyntaxIsSaidSoThatNobodyParsesTheHeaderAgain() throws Exception {
        Path images = TestData.shared("cornerstone_ct_transfer_syntaxes/testImages");
        for (String name : List.of("CTImage.dcm_JPEGProcess14SV1TransferSyntax_1.2.840.10008.1.2.4.70.dcm",
                "CTImage.dcm_BigEndianExplicitTransferSyntax_1.2.840.10008.1.2.2.dcm",
                "CTImage.dcm_RLELosslessTransferSyntax_1.2.840.10008.1.2.5.dcm")) {
            try (FileChannel channel = FileChannel.open(images.resolve(name))) {
                PlainHeader.Reading r = PlainHeader.read(channel);
                assertEquals(List.of(false, false), List.of(r.header() != null, r.littleEndian()), name);
            }
        }
        // several frames in explicit little endian: not read here, but its values may still be copied directly
        try (FileChannel channel = FileChannel.open(TestData.shared("pydicom_data/data_store/data/emri_small.dcm"))) {
            PlainHeader.Reading r = PlainHeader.read(channel);
            assertEquals(List.of(false, true), List.of(r.header() != null, r.littleEndian()));
        }
    }

    @Test
    void aHeaderCutShortIsLeftToPixelMed(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(DEMO_SLICE);
        long pixelTag = plain(DEMO_SLICE).pixelDataTagAt();
        for (int cut : new int[] { 100, 140, (int) pixelTag / 2, (int) pixelTag + 2 }) {
            Path f = Files.write(dir.resolve("cut-" + cut + ".dcm"), java.util.Arrays.copyOf(whole, cut));
            assertNull(plain(f), "cut at " + cut);
        }
    }

    private static PlainHeader plain(Path f) throws IOException {
        try (FileChannel channel = FileChannel.open(f)) {
            return PlainHeader.read(channel).header();
        }
    }

    /** Every value the slices take from the header, and where Pixel Data is, as PixelMed has them. */
    private static void assertSameAsPixelMed(Path f) throws Exception {
        PlainHeader h = plain(f);
        AttributeList list = new AttributeList();
        long afterPixelTag;
        try (DicomInputStream in = new DicomInputStream(f.toFile())) {
            afterPixelTag = list.read(in, TagFromName.PixelData);
        }
        SliceHeader p = new AttributeListHeader(list, 1);
        String name = f.toString();
        assertEquals(List.of(p.seriesUid(), p.seriesDescription(), p.modality()),
                List.of(h.seriesUid(), h.seriesDescription(), h.modality()), name);
        assertEquals(List.of(p.bitsStored(-1), p.signed(), p.monochrome1(), p.rescaleSlope(0), p.rescaleIntercept(0)),
                List.of(h.bitsStored(-1), h.signed(), h.monochrome1(), h.rescaleSlope(0), h.rescaleIntercept(0)),
                name);
        assertEquals(p.plane(0), h.plane(0), name);
        assertEquals(List.of(integer(list, TagFromName.Rows, 0), integer(list, TagFromName.Columns, 0),
                integer(list, TagFromName.BitsAllocated, 0), integer(list, TagFromName.SamplesPerPixel, 1)),
                List.of(h.rows(), h.columns(), h.bitsAllocated(), h.samplesPerPixel()), name);
        assertEquals(afterPixelTag - 4, h.pixelDataTagAt(), name);
        assertEquals(PlainHeader.EXPLICIT_LE.equals(
                Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID)), h.explicit(), name);
    }

    private static int integer(AttributeList list, com.pixelmed.dicom.AttributeTag tag, int otherwise) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, otherwise);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + "\n" + log);
    }
}
