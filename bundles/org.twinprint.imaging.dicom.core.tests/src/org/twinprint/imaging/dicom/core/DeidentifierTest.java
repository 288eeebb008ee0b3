package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** PS3.15 de-identification, checked with pydicom, and what must survive it: pixels and references. */
class DeidentifierTest {

    private final ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
    private final CaseOperations operations = new CaseOperations(catalog);

    @Test
    void theDemoSeriesLosesWhoItIsButNotWhatItShows(@TempDir Path dir) throws Exception {
        List<Path> files = files(TestData.headPhantom());
        List<Path> written = new Deidentifier("Anonymous^Phantom", "TP-0001").export(files, dir, Progress.NONE)
                .written();
        assertEquals(140, written.size());

        // pydicom reads every written file and sums up what identifies the patient or the study
        String report = pydicom(dir, """
                import glob, sys, pydicom
                ds = [pydicom.dcmread(f) for f in sorted(glob.glob(sys.argv[1] + "/*.dcm"))]
                def values(k): return sorted({str(d.get(k, "")) for d in ds})
                print("files", len(ds))
                print("names", values("PatientName"))
                print("ids", values("PatientID"))
                print("birth", values("PatientBirthDate"))
                print("institution", values("InstitutionName"))
                print("removed", values("PatientIdentityRemoved"))
                print("studies", len(values("StudyInstanceUID")), values("StudyInstanceUID")[0][:5])
                print("series", len(values("SeriesInstanceUID")))
                print("instances", len(values("SOPInstanceUID")))
                print("frames", len(values("FrameOfReferenceUID")))
                print("private", sum(1 for d in ds for e in d.iterall() if e.tag.is_private))
                print("method", ds[0].DeidentificationMethodCodeSequence[0].CodeValue)
                print("meta", all(d.file_meta.MediaStorageSOPInstanceUID == d.SOPInstanceUID for d in ds))
                """);
        assertTrue(report.contains("files 140"), report);
        assertTrue(report.contains("names ['Anonymous^Phantom']"), report);
        assertTrue(report.contains("ids ['TP-0001']"), report);
        assertTrue(report.contains("birth ['']"), report);
        assertTrue(report.contains("institution ['']"), report);
        assertTrue(report.contains("removed ['YES']"), report);
        assertTrue(report.contains("studies 1 2.25."), report);
        assertTrue(report.contains("series 1"), report);
        assertTrue(report.contains("instances 140"), report);
        assertTrue(report.contains("frames 1"), report);
        assertTrue(report.contains("private 0"), report);
        assertTrue(report.contains("method 113100"), report);
        assertTrue(report.contains("meta True"), report);

        Case original = new Case("original");
        operations.importInto(original, TestData.headPhantom(), Map.of(), Progress.NONE);
        Case copy = new Case("copy");
        operations.importInto(copy, dir, Map.of(), Progress.NONE);
        assertNotEquals(original.series().get(0).uid(), copy.series().get(0).uid());
        assertEquals(original.series().get(0).volume().geometry(), copy.series().get(0).volume().geometry());
        assertArrayEquals(original.series().get(0).volume().voxels(), copy.series().get(0).volume().voxels());
    }

    @Test
    void aStructureSetExportedWithItsCtStillFindsIt(@TempDir Path dir) throws Exception {
        // the CLI's export of the folder: the structure set goes with its CT, its references follow the new UIDs
        Path ibsi = TestData.shared("ibsi1-ct-phantom-rtstruct");
        DicomIndex.Result index = DicomIndex.scan(ibsi, Progress.NONE);
        assertEquals(1, index.series().size());
        List<Path> files = new ArrayList<>(index.series().get(0).files());
        index.series().get(0).objects().forEach(o -> files.add(o.file()));
        assertEquals(61, files.size(), "60 CT slices and the RTSTRUCT that refers to them");
        Deidentifier d = new Deidentifier("Anonymous", "TP-0002");
        List<Path> written = d.export(files, dir.resolve("out"), Progress.NONE).written();
        assertEquals(61, written.size());
        Path newStruct = written.get(written.size() - 1);

        String references = pydicom(dir.resolve("out"), """
                import glob, sys, pydicom
                ds = [pydicom.dcmread(f) for f in glob.glob(sys.argv[1] + "/*.dcm")]
                images = {d.SOPInstanceUID for d in ds if d.Modality == "CT"}
                studies = {d.StudyInstanceUID for d in ds if d.Modality == "CT"}
                rt = [d for d in ds if d.Modality == "RTSTRUCT"][0]
                refs = []
                def walk(item):
                    for e in item:
                        if e.VR == "SQ":
                            for i in e.value:
                                if "ReferencedSOPInstanceUID" in i:
                                    # the study is referenced as a Detached Study Management instance
                                    study = i.get("ReferencedSOPClassUID", "") == "1.2.840.10008.3.1.2.3.2"
                                    refs.append(i.ReferencedSOPInstanceUID in (studies if study else images))
                                walk(i)
                walk(rt)
                print("references", len(refs), "resolved", sum(refs))
                """);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("references (\\d+) resolved (\\d+)")
                .matcher(references);
        assertTrue(m.find(), references);
        assertTrue(Integer.parseInt(m.group(1)) > 0, references);
        assertEquals(m.group(1), m.group(2), "every ReferencedSOPInstanceUID names an exported CT file");
        for (Path f : written) {
            String verify = run("dciodvfy", f.toString());
            assertTrue(verify.lines().noneMatch(l -> l.startsWith("Error")), f.getFileName() + ":\n" + verify);
        }

        Case c = new Case("ibsi de-identified");
        operations.importInto(c, dir.resolve("out"), Map.of(), Progress.NONE);
        operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.from-rtstruct"), Map.of("file", newStruct.toString(), "rois", "GTV-1"), Progress.NONE);
        assertEquals(125_256, c.labelMap().voxelCount(c.labelMap().segment("GTV-1").orElseThrow()),
                "the same voxels as from the original files");
    }

    /**
     * pydicom lists every date, time, date-time, time-zone offset and curve element left with a
     * value other than the profile's dummy (1 January 1900, midnight).
     */
    private static final String DATES_LEFT = """
            import glob, sys, pydicom
            left, methods = [], set()
            for f in sorted(glob.glob(sys.argv[1] + "/*.dcm")):
                d = pydicom.dcmread(f)
                methods.add(len(d.DeidentificationMethod))
                for e in d.iterall():
                    g = e.tag.group
                    if e.VR in ("DA", "TM", "DT") or e.tag == 0x00080201 or (0x5000 <= g <= 0x50FF):
                        if e.value not in (None, "", b"") and str(e.value)[:8] not in ("19000101", "000000"):
                            left.append("%s %s %s=%r" % (f.rsplit("/", 1)[1][:12], e.tag, e.keyword, e.value))
            print("left", len(left))
            print("\\n".join(left[:20]))
            print("method-length", max(methods))
            """;

    @Test
    void datesTimesTimeZonesAndCurvesGoAsTableE11Says(@TempDir Path dir) throws Exception {
        // pydicom's own test files that carry patient data, dates and curves: every one that reads
        Path pydicom = TestData.shared("pydicom_testfiles/src/pydicom/data/test_files");
        List<Path> files = new ArrayList<>();
        for (String name : List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "rtdose.dcm", "rtstruct.dcm",
                "JPEG2000.dcm", "emri_small.dcm", "image_dfl.dcm", "ExplVR_BigEnd.dcm", "SC_rgb.dcm")) {
            Path f = pydicom.resolve(name);
            if (Files.exists(f)) {
                files.add(f);
            }
        }
        assertTrue(files.size() >= 6, files.toString());
        // their pixels show no text: confirmed, so that every one of them is checked for dates
        Deidentifier.Report written = new Deidentifier("Anonymous", "TP-0003").includingBurnedInAnnotation()
                .export(files, dir.resolve("out"), Progress.NONE);
        // a file without the Part 10 preamble (pydicom's rtstruct.dcm) is named, the rest go on
        assertEquals(files.size(), written.written().size() + written.leftOut().size());
        assertTrue(written.written().size() >= 6, written.toString());
        String report = pydicom(dir.resolve("out"), DATES_LEFT);
        assertTrue(report.contains("left 0"), report);
        int length = Integer.parseInt(report.replaceAll("(?s).*method-length (\\d+).*", "$1"));
        assertTrue(length <= 64, "DeidentificationMethod is an LO of at most 64 characters: " + report);
    }

    @Test
    void aFileWithAValueInEveryAttributeOfTableE11ComesOutAsTheTableSays(@TempDir Path dir) throws Exception {
        // the table, a CT with a value in each of its attributes (made by pydicom), and pydicom's check
        Path table = copyResource(Deidentifier.class, "table-e1-1.tsv", dir);
        Path make = copyResource(DeidentifierTest.class, "e11-synthetic.py", dir);
        Path check = copyResource(DeidentifierTest.class, "e11-check.py", dir);
        Path in = Files.createDirectories(dir.resolve("in")).resolve("synthetic.dcm");
        String made = python(make, table.toString(),
                TestData.shared("pydicom_testfiles/src/pydicom/data/test_files/CT_small.dcm").toString(),
                in.toString());
        int filled = Integer.parseInt(made.replaceAll("(?s).*filled (\\d+).*", "$1"));
        assertTrue(filled > 550, "most of the table's 621 attributes are in pydicom's dictionary: " + made);

        Deidentifier.Report report = new Deidentifier("Anonymous", "TP-0006").export(List.of(in), dir.resolve("out"),
                Progress.NONE);
        assertEquals(1, report.written().size(), report.toString());
        String outcome = python(check, table.toString(), in.toString(), report.written().get(0).toString());
        int checked = Integer.parseInt(outcome.replaceAll("(?s).*checked (\\d+).*", "$1"));
        assertTrue(checked >= filled, "each filled attribute checked, and those the CT had already: " + outcome);
        assertTrue(outcome.contains("wrong 0"), outcome);
        assertTrue(outcome.contains("methods ['113100', '113105']"), "ROI Name kept, and said so: " + outcome);
    }

    private static Path copyResource(Class<?> owner, String name, Path dir) throws IOException {
        try (java.io.InputStream in = owner.getResourceAsStream(name)) {
            assertTrue(in != null, name);
            Path copy = dir.resolve(name);
            Files.copy(in, copy);
            return copy;
        }
    }

    private static String python(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void retainedDatesAreShiftedTogetherAndTheOptionIsNamed(@TempDir Path dir) throws Exception {
        Path ct = TestData.shared("pydicom_testfiles/src/pydicom/data/test_files/CT_small.dcm");
        new Deidentifier("Anonymous", "TP-0004").retainingDatesShiftedBy(100).export(List.of(ct), dir.resolve("out"),
                Progress.NONE);
        String report = pydicom(dir.resolve("out"), """
                import glob, sys, pydicom
                d = pydicom.dcmread(glob.glob(sys.argv[1] + "/*.dcm")[0])
                print("study", d.StudyDate, d.StudyTime)
                print("codes", [i.CodeValue for i in d.DeidentificationMethodCodeSequence])
                print("tz", "TimezoneOffsetFromUTC" in d)
                """);
        String original = pydicom(ct.getParent(), """
                import sys, pydicom
                d = pydicom.dcmread(sys.argv[1] + "/CT_small.dcm")
                print(d.StudyDate, d.StudyTime)
                """);
        String[] o = original.strip().split(" ");
        String shifted = java.time.LocalDate.parse(o[0], java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                .minusDays(100).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        assertTrue(report.contains("study " + shifted + " " + o[1]), original + " -> " + report);
        assertTrue(report.contains("codes ['113100', '113107']"), report);
        assertTrue(report.contains("tz False"), report);
    }

    @Test
    void uidsAreConsistentWithinAnExportAndUnlinkableAcrossExports() {
        Deidentifier a = new Deidentifier("A", "1");
        String study = "1.3.46.670589.33.1.35659148292045419918.45183185172171133063";
        assertEquals(a.newUid(study), a.newUid(study));
        assertTrue(a.newUid(study).startsWith("2.25.") && a.newUid(study).length() <= 64);
        assertNotEquals(a.newUid(study), new Deidentifier("A", "1").newUid(study), "a fresh secret each export");
        assertEquals(new Deidentifier("A", "1", new byte[] { 1 }).newUid(study),
                new Deidentifier("B", "2", new byte[] { 1 }).newUid(study), "the same secret gives the same UIDs");
    }

    @Test
    void aFileThatMayShowThePatientIsLeftOutByNameAndTheOthersExported(@TempDir Path dir) throws Exception {
        // six demo slices, one marked as having burned-in annotation, one without a SOP class
        List<Path> six = files(TestData.headPhantom()).subList(0, 6);
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> copies = new ArrayList<>();
        for (int k = 0; k < six.size(); k++) {
            com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
            list.read(six.get(k).toFile());
            if (k == 2) {
                DicomAttributes.put(list, com.pixelmed.dicom.TagFromName.BurnedInAnnotation, "YES");
            } else if (k == 4) {
                list.remove(com.pixelmed.dicom.TagFromName.SOPClassUID);
            }
            Path copy = in.resolve("slice" + k + ".dcm");
            list.write(copy.toString());
            copies.add(copy);
        }
        Deidentifier.Report report = new Deidentifier("Anonymous", "TP-0005").export(copies, dir.resolve("out"),
                Progress.NONE);
        assertEquals(4, report.written().size());
        assertEquals(List.of("slice2.dcm", "slice4.dcm"), report.leftOut().stream()
                .map(p -> p.file().getFileName().toString()).toList());
        assertTrue(report.leftOut().get(0).message().contains("BurnedInAnnotation is YES"), report.toString());
        assertTrue(report.leftOut().get(1).message().contains("no SOP Class"), report.toString());
        try (Stream<Path> out = Files.list(dir.resolve("out"))) {
            assertEquals(4, out.count());
        }
        try (Stream<Path> beside = Files.list(dir)) {
            assertEquals(List.of("in", "out"), beside.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left beside the export");
        }
        java.io.IOException notFresh = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new Deidentifier("Anonymous", "TP-0005").export(copies, dir.resolve("out"), Progress.NONE));
        assertTrue(notFresh.getMessage().contains("not empty"), notFresh.getMessage());
        assertEquals(6, new Deidentifier("Anonymous", "TP-0005").includingBurnedInAnnotation()
                .export(copies, dir.resolve("confirmed"), Progress.NONE).written().size() + 1,
                "confirmed: only the file without a SOP class is left out");
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return out;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(DicomSliceReader::looksLikeDicom).sorted().toList();
        }
    }

    private static String pydicom(Path dir, String script) throws Exception {
        Path py = Files.writeString(dir.resolveSibling(dir.getFileName() + "-check.py"), script);
        Process p = new ProcessBuilder("/usr/bin/python3", py.toString(), dir.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
