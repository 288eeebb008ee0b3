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
        assertEquals(List.of("mixed sizes or orientations: 1 slice(s) such as " + slices.get(5).getFileName()
                + " (512x512) differ from the series and were left out"), s.warnings());
        assertEquals(5, s.volume().geometry().nz());
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
