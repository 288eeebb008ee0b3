package org.twinprint.imaging.formats.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.Progress;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** NIfTI, NRRD and MetaImage on real files, and every format written and read back unchanged. */
class ResearchFormatsTest {

    private final ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
    private final CaseOperations operations = new CaseOperations(catalog);

    private Series load(Path p) throws IOException {
        Case c = new Case("c");
        var result = operations.importInto(c, p, Map.of(), Progress.NONE);
        assertEquals(List.of(), result.problems());
        return c.series().get(0);
    }

    @Test
    void ibsiNiftiMaskLandsInPatientSpaceWithItsVoxelCount() throws IOException {
        Series mask = load(TestData.shared("ibsi1-ct-phantom-rtstruct/nifti_mask/mask.nii.gz"));
        Geometry g = mask.volume().geometry();
        assertEquals(204, g.nx());
        assertEquals(201, g.ny());
        assertEquals(60, g.nz());
        assertEquals(0.977, g.spacing().x(), 0.001);
        assertEquals(3.0, g.spacing().z(), 1e-6);
        // NIfTI's RAS origin (174.39, 79.63, -100.40) is LPS (-174.39, -79.63, -100.40), the DICOM position
        assertEquals(-174.39, g.origin().x(), 0.01);
        assertEquals(-79.63, g.origin().y(), 0.01);
        assertEquals(-100.40, g.origin().z(), 0.01);
        assertEquals(1, g.dirI().x(), 1e-6, "i runs to the patient's left");
        long voxels = 0;
        for (short s : mask.volume().voxels()) {
            voxels += s != 0 ? 1 : 0;
        }
        assertEquals(125_256, voxels, "IBSI's GTV-1 mask, INFO.txt");
    }

    @Test
    void headsqNrrdWithNumberedDataFilesLoads() throws IOException {
        Series head = load(TestData.shared("vtkdata_headsq_frogtissue/Data/headsq/quarter.nhdr"));
        Geometry g = head.volume().geometry();
        assertEquals(64, g.nx());
        assertEquals(93, g.nz());
        assertEquals(3.2, g.spacing().x(), 1e-9);
        assertEquals(1.5, g.spacing().z(), 1e-9);
        assertEquals(0, head.volume().statistics().min());
        assertEquals(3926, head.volume().statistics().max(), "INFO.txt: values 0..3926");
    }

    @Test
    void everyFormatRoundTripsGeometryAndVoxelsOfATiltedGrid(@TempDir Path dir) throws IOException {
        double a = Math.toRadians(15);
        Geometry g = new Geometry(7, 5, 4, new Vec3(0.8, 0.7, 2.5), new Vec3(-120.5, 33.25, 700),
                new Vec3(1, 0, 0), new Vec3(0, Math.cos(a), Math.sin(a)), new Vec3(0, -Math.sin(a), Math.cos(a)));
        short[] v = new short[140];
        for (int n = 0; n < v.length; n++) {
            v[n] = (short) (n * 37 - 1024);
        }
        Case c = new Case("tilted");
        c.addSeries(new Series("1", "", "CT", new Volume(g, v, "HU"), "synthetic", List.of()));
        for (String[] f : new String[][] { { "export.nifti", "t.nii.gz" }, { "export.nrrd", "t.nrrd" },
                { "export.mha", "t.mha" } }) {
            Path file = dir.resolve(f[1]);
            operations.export(c, catalog.require(ServiceKind.EXPORTER, Exporter.class, f[0]), file,
                    Map.of("what", "image"), Progress.NONE);
            Volume back = load(file).volume();
            assertArrayEquals(v, back.voxels(), f[1]);
            Geometry h = back.geometry();
            assertTrue(h.sameGrid(g), f[1] + ": " + h + " vs " + g);
        }
    }

    @Test
    void dcmqiLabelMapsLandOnTheirCtGrid() throws IOException {
        String dir = "dcmqi_ct3slice_seg/data/segmentations/";
        Geometry ct = load(TestData.shared(dir + "ct-3slice")).volume().geometry();
        assertEquals(3, ct.nz());
        String[][] maps = { { "liver_seg.nrrd", "1", "107098" }, { "spine_seg.nrrd", "2", "12439" },
                { "heart_seg.nrrd", "3", "41449" } };
        for (String[] m : maps) {
            Volume labels = load(TestData.shared(dir + m[0])).volume();
            assertTrue(labels.geometry().sameGrid(ct), m[0] + " lies on the CT grid");
            long count = 0;
            for (short v : labels.voxels()) {
                count += v == Short.parseShort(m[1]) ? 1 : 0;
            }
            assertEquals(Long.parseLong(m[2]), count, m[0] + ", INFO.txt");
        }
    }

    /** What the import of a refused file says: one problem, naming the file, and no series. */
    private String refusal(Path file) throws IOException {
        Case c = new Case("hostile");
        var result = operations.importInto(c, file, Map.of(), Progress.NONE);
        assertEquals(List.of(), result.series());
        assertEquals(1, result.problems().size(), result.problems().toString());
        assertEquals(file, result.problems().get(0).file());
        return result.problems().get(0).toString();
    }

    @Test
    void aDetachedDataFileOutsideTheHeadersFolderIsRefused(@TempDir Path dir) throws IOException {
        Path inside = java.nio.file.Files.createDirectories(dir.resolve("a/b"));
        java.nio.file.Files.write(dir.resolve("secret.raw"), new byte[8]);
        Path nhdr = java.nio.file.Files.writeString(inside.resolve("evil.nhdr"), "NRRD0004\ntype: uchar\n"
                + "dimension: 3\nsizes: 2 2 2\nencoding: raw\ndata file: ../../secret.raw\n");
        assertTrue(refusal(nhdr).contains("lies outside the header's folder"), refusal(nhdr));
        Path absolute = java.nio.file.Files.writeString(inside.resolve("abs.nhdr"), "NRRD0004\ntype: uchar\n"
                + "dimension: 3\nsizes: 2 2 2\nencoding: raw\ndata file: " + dir.resolve("secret.raw") + "\n");
        assertTrue(refusal(absolute).contains("lies outside the header's folder"), refusal(absolute));
        Path mhd = java.nio.file.Files.writeString(inside.resolve("evil.mhd"), "ObjectType = Image\nNDims = 3\n"
                + "DimSize = 2 2 2\nElementType = MET_UCHAR\nElementDataFile = ../../secret.raw\n");
        assertTrue(refusal(mhd).contains("lies outside the header's folder"), refusal(mhd));
        Path list = java.nio.file.Files.writeString(inside.resolve("list.nhdr"), "NRRD0004\ntype: uchar\n"
                + "dimension: 3\nsizes: 2 2 2\nencoding: raw\ndata file: ../../secret%d.raw 0 1 1\n");
        assertTrue(refusal(list).contains("lies outside the header's folder"), refusal(list));
    }

    @Test
    void aNiftiHeaderThatCannotBeIsRefusedNamingTheField(@TempDir Path dir) throws IOException {
        Path good = TestData.shared("ibsi1-ct-phantom-rtstruct/nifti_mask/mask.nii.gz");
        byte[] nii;
        try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(good))) {
            nii = in.readAllBytes();
        }
        record Edit(String name, int offset, boolean isFloat, double value, String expected) {
        }
        for (Edit e : List.of(new Edit("dim0", 40, false, 9, "dim[0] is 9"),
                new Edit("pixdim-negative", 84, true, -1, "pixdim[2] is -1.0"),
                new Edit("pixdim-nan", 80, true, Double.NaN, "pixdim[1] is NaN"),
                new Edit("offset", 108, true, -5, "vox_offset is -5.0"))) {
            byte[] b = nii.clone();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (e.isFloat()) {
                buffer.putFloat(e.offset(), (float) e.value());
            } else {
                buffer.putShort(e.offset(), (short) e.value());
            }
            Path f = java.nio.file.Files.write(dir.resolve(e.name() + ".nii"), b);
            String message = refusal(f);
            assertTrue(message.contains(e.name() + ".nii") && message.contains(e.expected()), message);
        }
    }

    @Test
    void nonFiniteOrFlatGeometryIsRefused(@TempDir Path dir) throws IOException {
        Path nan = java.nio.file.Files.writeString(dir.resolve("nan.nhdr"), "NRRD0004\ntype: uchar\ndimension: 3\n"
                + "sizes: 2 2 2\nspace: left-posterior-superior\nspace directions: (NaN,0,0) (0,1,0) (0,0,1)\n"
                + "encoding: raw\ndata file: nan.raw\n");
        java.nio.file.Files.write(dir.resolve("nan.raw"), new byte[8]);
        assertTrue(refusal(nan).contains("voxel size along axis 1 is NaN"), refusal(nan));
        Path flat = java.nio.file.Files.writeString(dir.resolve("flat.nhdr"), "NRRD0004\ntype: uchar\n"
                + "dimension: 3\nsizes: 2 2 2\nspace: left-posterior-superior\n"
                + "space directions: (1,0,0) (0,1,0) (1,1,0)\nencoding: raw\ndata file: nan.raw\n");
        assertTrue(refusal(flat).contains("in one plane"), refusal(flat));
    }
}
