package org.twinprint.imaging.dicom.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Volume;
import org.twinprint.core.spi.Progress;
import org.twinprint.testing.TestData;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.TagFromName;

/**
 * Series with a missing slice or a gantry tilt, made from 20 real slices of the demo CT by
 * leaving one out or moving their positions: they load onto a regular grid square to the
 * slices, with values that can be worked out from the original slices.
 */
class ResamplingTest {

    @Test
    void aMissingSliceIsInterpolatedAndNamed(@TempDir Path dir) throws Exception {
        List<Path> slices = firstSlices(20);
        Series original = load(copy(slices, dir.resolve("all"), 0));
        List<Path> gapped = new ArrayList<>(slices);
        gapped.remove(10);
        Series s = load(copy(gapped, dir.resolve("gap"), 0));

        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("uneven gap: 2.000 mm between")), s.warnings()
                .toString());
        assertTrue(s.warnings().contains("resampled to 20 slices every 1.000 mm (linear between the acquired slices)"),
                s.warnings().toString());
        Geometry g = s.volume().geometry();
        assertEquals(original.volume().geometry(), g);
        Volume a = original.volume(), b = s.volume();
        for (int[] p : new int[][] { { 256, 300 }, { 100, 200 }, { 300, 90 } }) {
            assertEquals(a.get(p[0], p[1], 9), b.get(p[0], p[1], 9));
            assertEquals(Math.round((a.get(p[0], p[1], 9) + a.get(p[0], p[1], 11)) / 2.0), b.get(p[0], p[1], 10),
                    "slice 10 lies half way between 9 and 11");
        }
    }

    @Test
    void aTiltedSeriesIsShiftedBackOntoASquareGrid(@TempDir Path dir) throws Exception {
        // each slice's origin moves 2 pixels (0.902 mm) towards posterior: a shear of 42 degrees
        List<Path> slices = firstSlices(20);
        Series original = load(copy(slices, dir.resolve("all"), 0));
        Series s = load(copy(slices, dir.resolve("tilt"), 2));
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("gantry tilt: slices step 42.")), s.warnings()
                .toString());
        Geometry g = s.volume().geometry();
        assertEquals(1.0, g.dirK().z(), 1e-9, "k is square to the slices");
        assertEquals(1.0, g.spacing().z(), 1e-9);
        Volume a = original.volume(), b = s.volume();
        for (int k = 0; k < 20; k += 5) {
            for (int[] p : new int[][] { { 256, 300 }, { 100, 200 } }) {
                assertEquals(a.get(p[0], p[1] - 2 * k, k), b.get(p[0], p[1], k), "slice " + k);
            }
        }
        assertEquals(a.statistics().min(), b.get(10, 0, 19), "what no slice covers is air");
        // the top slice moved 38 rows: the grid grows by 38 rows and keeps its bottom rows
        assertEquals(512 + 38, g.ny());
        assertEquals(512, g.nx());
        assertEquals(a.geometry().origin(), g.origin());
        assertTrue(s.warnings().contains("the grid grew from 512 x 512 to 512 x 550 pixels so that it holds every"
                + " acquired pixel of the shifted slices"), s.warnings().toString());
        for (int i : new int[] { 100, 256, 400 }) {
            assertEquals(a.get(i, 511, 19), b.get(i, 511 + 38, 19), "the last acquired row of the top slice");
        }
    }

    @Test
    void aSliceTurnedAwayIsLeftOutAndNamed(@TempDir Path dir) throws Exception {
        // the top slice turned to coronal; another turned by 1e-6, far below what tells orientations apart
        List<Path> slices = firstSlices(6);
        Series s = load(copy(slices, dir.resolve("turned"), (k, list) -> {
            if (k == 5) {
                list.put(decimals(TagFromName.ImageOrientationPatient, 1, 0, 0, 0, 0, -1));
            } else if (k == 2) {
                list.put(decimals(TagFromName.ImageOrientationPatient, 1, 0, 0, 0, 0.999999999999, 1e-6));
            }
        }));
        assertEquals(List.of("inconsistent slices: 1 slice(s) such as " + slices.get(5).getFileName()
                + " differ from the series in ImageOrientationPatient and were left out"), s.warnings());
        assertEquals(5, s.volume().geometry().nz());
    }

    @Test
    void aShorterStepBetweenSlicesIsCalledAnOverlapAndALongerOneAMissingSlice(@TempDir Path dir) throws Exception {
        // slice 4 moved 0.6 mm towards slice 3: 0.4 mm after 3 (overlap), 1.6 mm before 5
        List<Path> slices = firstSlices(8);
        Path folder = copy(slices, dir.resolve("overlap"), (k, list) -> {
            if (k == 4) {
                double[] ipp = Attribute.getDoubleValues(list, TagFromName.ImagePositionPatient);
                list.put(decimals(TagFromName.ImagePositionPatient, ipp[0], ipp[1], ipp[2] - 0.6));
            }
        });
        Series s = load(folder);
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("uneven gap: 0.400 mm") && w.endsWith(
                "(overlapping slices)")), s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("uneven gap: 1.600 mm") && w.endsWith(
                "(missing slice?)")), s.warnings().toString());
    }

    @Test
    void aDicomdirBesideTheImagesIsDescribedAsWhatItIs(@TempDir Path dir) throws Exception {
        Path folder = copy(firstSlices(2), dir.resolve("with-dirfile"), 0);
        java.nio.file.Files.copy(TestData.shared("pydicom_testfiles/src/pydicom/data/test_files/dicomdirtests/DICOMDIR"),
                folder.resolve("DIRFILE"));
        var result = new DicomFolderImporter().importFrom(folder, null, Progress.NONE);
        assertEquals(1, result.series().size());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).message().contains("a DICOMDIR, the index of a DICOM file set"),
                result.problems().toString());
    }

    @Test
    void aSliceWhoseRescaleCannotBeNeverChangesTheAnatomySilently(@TempDir Path dir) throws Exception {
        // slope 0 in one slice, an absurd intercept in another, a plausible but different one in a third
        List<Path> slices = firstSlices(12);
        Path folder = copy(slices, dir.resolve("rescale"), (k, list) -> {
            if (k == 3) {
                list.put(decimals(TagFromName.RescaleSlope, 0));
            } else if (k == 6) {
                list.put(decimals(TagFromName.RescaleIntercept, 1e300));
            } else if (k == 9) {
                list.put(decimals(TagFromName.RescaleIntercept, -24));
            } else if (k == 10) {
                com.pixelmed.dicom.Attribute photometric = new com.pixelmed.dicom.CodeStringAttribute(
                        TagFromName.PhotometricInterpretation);
                photometric.addValue("MONOCHROME1");
                list.put(photometric);
            }
        });
        var result = new DicomFolderImporter().importFrom(folder, null, Progress.NONE);
        assertEquals(List.of(slices.get(3).getFileName().toString(), slices.get(6).getFileName().toString()),
                result.problems().stream().map(p -> p.file().getFileName().toString()).toList());
        assertTrue(result.problems().get(0).message().startsWith("RescaleSlope 0.0 cannot calibrate"),
                result.problems().toString());
        assertTrue(result.problems().get(1).message().startsWith("RescaleIntercept 1.0E300 cannot calibrate"),
                result.problems().toString());
        Series s = result.series().get(0);
        assertTrue(s.warnings().contains("inconsistent slices: 1 slice(s) such as " + slices.get(9).getFileName()
                + " differ from the series in RescaleIntercept -24.0 (series: -1024.0) and were left out"),
                s.warnings().toString());
        assertTrue(s.warnings().contains("inconsistent slices: 1 slice(s) such as " + slices.get(10).getFileName()
                + " differ from the series in BitsStored 12, unsigned, MONOCHROME1 (series: BitsStored 12,"
                + " unsigned, MONOCHROME2) and were left out"), s.warnings().toString());
        Series original = load(copy(slices, dir.resolve("all"), 0));
        assertEquals(original.volume().geometry().nz(), s.volume().geometry().nz(), "the gaps are filled in");
        assertEquals(original.volume().get(256, 300, 2), s.volume().get(256, 300, 2), "slices kept are unchanged");
    }

    @Test
    void nonFiniteOrAbsurdGeometryIsRefusedNamingTheAttribute(@TempDir Path dir) throws Exception {
        List<Path> slices = firstSlices(3);
        Path folder = copy(slices, dir.resolve("geometry"), (k, list) -> {
            if (k == 0) {
                DecimalStringAttribute spacing = new DecimalStringAttribute(TagFromName.PixelSpacing);
                spacing.addValue("NaN"); // as text: PixelMed writes a NaN double as 0
                spacing.addValue("0.45");
                list.put(spacing);
            } else if (k == 1) {
                list.put(decimals(TagFromName.ImageOrientationPatient, 1, 0, 0, 0.5, 0.5, 0));
            } else {
                list.put(decimals(TagFromName.ImagePositionPatient, 1e308, 0, 0));
            }
        });
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new DicomFolderImporter().importFrom(folder, null, Progress.NONE));
        assertTrue(e.getMessage().contains("no image could be read"), e.getMessage());
        var problems = new java.util.ArrayList<String>();
        for (Path f : slices) {
            try {
                DicomSliceReader.read(folder.resolve(f.getFileName()));
            } catch (DicomReadException x) {
                problems.add(x.getMessage());
            }
        }
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("PixelSpacing NaN"), problems.toString());
        assertTrue(problems.get(1).startsWith("ImageOrientationPatient"), problems.toString());
        assertTrue(problems.get(2).startsWith("ImagePositionPatient"), problems.toString());
    }

    private static Series load(Path folder) throws Exception {
        DicomFolderImporter importer = new DicomFolderImporter();
        return importer.importFrom(folder, null, Progress.NONE).series().get(0);
    }

    /** The demo's lowest slices, in order along z. */
    private static List<Path> firstSlices(int count) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestData.headPhantom())) {
            files = s.filter(DicomSliceReader::looksLikeDicom).toList();
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingDouble(f -> {
            try {
                return DicomSliceReader.read(f).get(0).position().z();
            } catch (DicomReadException e) {
                throw new IllegalStateException(e);
            }
        }));
        return sorted.subList(0, count);
    }

    /** Copies slices, moving slice k's position by k * pixelShift rows along the column direction (+y). */
    private static Path copy(List<Path> slices, Path folder, int pixelShift) throws Exception {
        return copy(slices, folder, (k, list) -> {
            double[] ipp = Attribute.getDoubleValues(list, TagFromName.ImagePositionPatient);
            double[] spacing = Attribute.getDoubleValues(list, TagFromName.PixelSpacing);
            list.put(decimals(TagFromName.ImagePositionPatient, ipp[0], ipp[1] + k * pixelShift * spacing[0],
                    ipp[2]));
        });
    }

    /** Copies slices, letting {@code edit} change slice k's attributes. */
    private static Path copy(List<Path> slices, Path folder, SliceEdit edit) throws Exception {
        Files.createDirectories(folder);
        for (int k = 0; k < slices.size(); k++) {
            AttributeList list = new AttributeList();
            list.read(slices.get(k).toFile());
            edit.apply(k, list);
            list.write(folder.resolve(slices.get(k).getFileName()).toString());
        }
        return folder;
    }

    private interface SliceEdit {
        void apply(int k, AttributeList list) throws DicomException;
    }

    private static DecimalStringAttribute decimals(AttributeTag tag, double... values) throws DicomException {
        DecimalStringAttribute a = new DecimalStringAttribute(tag);
        for (double v : values) {
            a.addValue(v);
        }
        return a;
    }
}
